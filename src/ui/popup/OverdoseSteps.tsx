import steps from '../../../content-data/overdose-steps.json';
import { contentLang, t } from '../../platform/i18n';

/** Numbered response steps, the emergency number first, each with its sources. Bundled: no wait. */
export function OverdoseSteps({ emergency, onFullCard }: { emergency: string; onFullCard?: () => void }) {
  const l = contentLang();
  const sources = steps.sources as Record<string, { citation: string; url: string }>;
  return (
    <section aria-labelledby="steps-heading">
      <h2 id="steps-heading">{t('stepsHeading')}</h2>
      <ol class="steps">
        {steps.steps.map((step, i) => (
          <li key={step.id}>
            {step[l].replace('{emergency}', emergency)}{' '}
            <span class="sources-inline">
              <span class="visually-hidden">{t('stepSources', String(i + 1))}</span>
              {step.sources.map((id, j) => (
                <a key={id} href={sources[id].url} target="_blank" rel="noopener noreferrer" aria-label={`${t('sourceShort')} ${j + 1}: ${sources[id].citation}`}>
                  [{j + 1}]
                </a>
              ))}
            </span>
          </li>
        ))}
      </ol>
      <details>
        <summary>{t('signsHeading')}</summary>
        <ul>
          {steps.signs[l].map((sign) => (
            <li key={sign}>{sign}</li>
          ))}
        </ul>
      </details>
      {onFullCard ? (
        <button type="button" class="link" onClick={onFullCard}>
          {t('fullCard')}
        </button>
      ) : null}
    </section>
  );
}
