import steps from '../../../content-data/overdose-steps.json';
import { contentLang, t } from '../../platform/i18n';

/**
 * Numbered response steps, the emergency number first. Bundled: no wait. The steps stay short so
 * all of them fit the popup's first screen; each step's sources are one tap away below them.
 */
export function OverdoseSteps({ emergency, onFullCard }: { emergency: string; onFullCard?: () => void }) {
  const l = contentLang();
  const sources = steps.sources as Record<string, { citation: string; url: string }>;
  return (
    <section aria-labelledby="steps-heading">
      <h2 id="steps-heading">{t('stepsHeading')}</h2>
      <ol class="steps">
        {steps.steps.map((step) => (
          <li key={step.id}>{step[l].replace('{emergency}', emergency)}</li>
        ))}
      </ol>
      <div class="row small">
        {onFullCard ? (
          <button type="button" class="link" onClick={onFullCard}>
            {t('fullCard')}
          </button>
        ) : null}
      </div>
      <details>
        <summary>{t('stepsSources')}</summary>
        <ol class="step-sources small">
          {steps.steps.map((step, i) => (
            <li key={step.id}>
              {step.sources.map((id, j) => (
                <a key={id} href={sources[id].url} target="_blank" rel="noopener noreferrer" aria-label={t('stepSourceLabel', [String(i + 1), String(j + 1), sources[id].citation])}>
                  [{j + 1}]
                </a>
              ))}
            </li>
          ))}
        </ol>
        <p class="muted small">{t('reviewed', steps.reviewedAt)}</p>
      </details>
      <details>
        <summary>{t('signsHeading')}</summary>
        <ul>
          {steps.signs[l].map((sign) => (
            <li key={sign}>{sign}</li>
          ))}
        </ul>
      </details>
    </section>
  );
}
