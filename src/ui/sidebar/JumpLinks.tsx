import { t } from '../../platform/i18n';

/** The sidebar's sections, in order: each link moves focus to the section's heading. */
const SECTIONS = [
  ['right-now-heading', 'jumpRightNow'],
  ['page-heading', 'jumpPage'],
  ['nearby-heading', 'jumpNearby'],
  ['evidence-heading', 'jumpEvidence'],
  ['snippets-heading', 'jumpSnippets'],
  ['helplines-heading', 'jumpHelplines'],
] as const;

/** Skip links to every section, so the long panel is a few keystrokes deep, not many screens. */
export function JumpLinks() {
  const jump = (event: MouseEvent, id: string) => {
    const heading = document.getElementById(id);
    if (!heading) return;
    event.preventDefault();
    // A plain fragment jump scrolls but leaves focus (and screen readers) where they were.
    heading.tabIndex = -1;
    heading.scrollIntoView({ block: 'start' });
    heading.focus();
  };
  return (
    <nav aria-label={t('jumpNav')} class="jump">
      <ul>
        {SECTIONS.map(([id, label]) => (
          <li key={id}>
            <a href={`#${id}`} onClick={(e) => jump(e, id)}>
              {t(label)}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
