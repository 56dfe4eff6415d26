import checklist from '../../../content-data/after-overdose.json';
import { contentLang, t } from '../../platform/i18n';

type Sources = Record<string, { citation: string; url?: string; doi?: string; pmid?: string }>;
type Item = { id: string; en: string; es: string; sources: string[] };

/** Where a source can be opened: its URL, else its DOI, else PubMed. */
export function sourceHref(s: Sources[string]): string {
  return s.url ?? (s.doi ? `https://doi.org/${s.doi}` : `https://pubmed.ncbi.nlm.nih.gov/${s.pmid}/`);
}

/** The after-an-overdose checklist from content-data/after-overdose.json, with ticks. No I/O. */
export function AfterOverdose({ ticked, onTick, onReset }: { ticked: string[]; onTick: (id: string, on: boolean) => void; onReset: () => void }) {
  const l = contentLang();
  const sources = checklist.sources as Sources;
  const order = Object.keys(sources);
  return (
    <section aria-labelledby="after-heading">
      <h1 id="after-heading">{t('afterHeading')}</h1>
      <p class="emergency-hint">{t('afterIntro')}</p>
      {checklist.groups.map((group) => (
        <fieldset key={group.id} class="checklist">
          <legend>{group[l]}</legend>
          {(group.items as Item[]).map((item) => (
            <div key={item.id} class="check-item">
              <input type="checkbox" id={`check-${item.id}`} checked={ticked.includes(item.id)} onChange={(e) => onTick(item.id, (e.target as HTMLInputElement).checked)} />
              <label for={`check-${item.id}`}>{item[l]}</label>{' '}
              <span class="sources-inline">
                {item.sources.map((id) => (
                  <a key={id} href={`#source-${id}`} aria-label={`${t('sourceShort')} ${order.indexOf(id) + 1}: ${sources[id].citation}`}>
                    [{order.indexOf(id) + 1}]
                  </a>
                ))}
              </span>
            </div>
          ))}
        </fieldset>
      ))}
      <p class="row">
        <span role="status">{t('afterTicked', [String(ticked.length), String(checklist.groups.reduce((n, g) => n + g.items.length, 0))])}</span>
        <button type="button" class="link" onClick={onReset} disabled={ticked.length === 0}>
          {t('afterReset')}
        </button>
      </p>
      <h2 id="after-sources">{t('sourcesHeading')}</h2>
      <ol class="small sources-list" aria-labelledby="after-sources">
        {order.map((id) => (
          <li key={id} id={`source-${id}`}>
            {sources[id].citation}{' '}
            <a href={sourceHref(sources[id])} target="_blank" rel="noopener noreferrer">
              {sourceHref(sources[id])}
            </a>
          </li>
        ))}
      </ol>
      <p class="small muted">{t('afterReviewed', checklist.reviewedAt)}</p>
    </section>
  );
}
