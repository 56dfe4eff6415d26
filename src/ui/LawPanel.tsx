import { contentLang, t } from '../platform/i18n';
import type { ShownLawCell, StateLaw } from '../data/resources/law-table';

/**
 * The reader's state's laws, one row per topic: the status in plain words, what the law does, and
 * the source with its "as of" date. Unknown is said as unknown ("not confirmed"), never as "none":
 * a family reading "none" may not call 911.
 */
export function LawPanel({ law }: { law: StateLaw }) {
  const lang = contentLang();
  return (
    <section aria-labelledby="laws-heading" class="laws">
      <h3 id="laws-heading">{t('lawsHeading', law.name)}</h3>
      <p class="small">{t('lawCall911')}</p>
      <ul class="small">
        {law.cells.map((cell) => (
          <li key={cell.topic} data-topic={cell.topic} data-status={cell.status}>
            <strong>{t(`lawTopic_${cell.topic}`)}:</strong> {statusText(cell)}
            {/* What the Good Samaritan law covers decides whether someone calls 911: always shown. */}
            {!cell.summary ? (
              <> {t('lawFromDataset')}</>
            ) : cell.topic === 'goodSamaritan' ? (
              <p>{cell.summary[lang]}</p>
            ) : (
              <details>
                <summary>{t('lawMore')}</summary>
                <p>{cell.summary[lang]}</p>
              </details>
            )}
            <p class="muted law-source">
              {t('lawSource')}{' '}
              <a href={cell.source.url} target="_blank" rel="noopener noreferrer">
                {cell.source.cite}
              </a>
              {', '}
              {t('lawAsOf', cell.asOf)}
            </p>
          </li>
        ))}
      </ul>
      <p class="muted small">{t('lawsNote')}</p>
    </section>
  );
}

function statusText(cell: ShownLawCell): string {
  if (cell.status === 'unconfirmed') return t(cell.topic === 'goodSamaritan' ? 'lawUnconfirmedGoodSam' : 'lawUnconfirmed');
  const status = t(`lawStatus_${cell.status}`);
  return cell.since ? t('lawStatusSince', [status, cell.since]) : `${status}.`;
}
