import access from '../../../content-data/naloxone-access.json';
import { contentLang, t } from '../../platform/i18n';

type Sources = Record<string, { citation: string; url: string }>;

/** Where to get naloxone in the US, as content-data/naloxone-access.json says, each line sourced. */
export function NaloxoneAccessUS() {
  const l = contentLang();
  const sources = access.sources as Sources;
  const cite = (ids: string[]) => (
    <span class="sources-inline">
      {ids.map((id, j) => (
        <a key={id} href={sources[id].url} target="_blank" rel="noopener noreferrer" aria-label={`${t('sourceShort')} ${j + 1}: ${sources[id].citation}`}>
          [{j + 1}]
        </a>
      ))}
    </span>
  );
  return (
    <>
      <p>
        {access.pharmacy[l]} {cite(access.pharmacy.sources)}
      </p>
      <p class="small">
        {access.cost[l]} {cite(access.cost.sources)}
      </p>
      <details>
        <summary>{t('naloxoneAsk')}</summary>
        <ul class="small">
          {access.ask[l].map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ul>
        <p class="small">{cite(access.ask.sources)}</p>
      </details>
      <p class="small">
        {access.mail[l]}{' '}
        <a href={access.mail.url} target="_blank" rel="noopener noreferrer">
          {access.mail.name}
        </a>{' '}
        {cite(access.mail.sources)}
      </p>
      <details>
        <summary>{t('naloxoneStatePrograms')}</summary>
        <ul class="small">
          {access.programs.map((program) => (
            <li key={program.state}>
              <a href={program.url} target="_blank" rel="noopener noreferrer">
                {program[l]}
              </a>
            </li>
          ))}
        </ul>
        <p class="muted small">{t('naloxoneStateProgramsNote', access.reviewedAt)}</p>
      </details>
    </>
  );
}
