import { contentLang, t } from '../platform/i18n';
import type { Helpline } from '../data/resources/schema';

/** "Possible overdose? Call 911" — always first, always a tel: link, one number to dial. */
export function EmergencyStrip({ helplines }: { helplines: Helpline[] }) {
  return <EmergencyLine dial={helplines.find((h) => h.emergency)?.dial} />;
}

/** The emergency line for a number, or the plain instruction when the number is not known yet. */
export function EmergencyLine({ dial }: { dial: string | undefined }) {
  return (
    <p class="emergency">
      {dial ? <a href={`tel:${dial}`}>{t('emergencyLead', dial)}</a> : <span>{t('emergencyLead', t('emergencyGeneric'))}</span>}
    </p>
  );
}

/** Confirmed non-emergency lines for the country. */
export function HelplineList({ helplines }: { helplines: Helpline[] }) {
  const lines = helplines.filter((h) => !h.emergency);
  // Spanish readers get the Spanish wording where it exists; numbers and names stay as published.
  const es = contentLang() === 'es';
  const text = (h: Helpline) => ({ ...h, ...(es ? h.es : undefined) });
  return (
    <section aria-labelledby="helplines-heading">
      <h2 id="helplines-heading">{t('helplinesHeading')}</h2>
      {lines.length === 0 ? (
        <p class="muted">{t('helplinesEmpty')}</p>
      ) : (
        <ul class="helplines">
          {lines.map(text).map((h) => (
            <li key={h.id}>
              <strong>{h.name}</strong>{' '}
              <a href={`tel:${h.dial}`}>{h.number}</a>
              {h.hours ? <span class="muted"> · {h.hours}</span> : null}
              <br />
              <span class="muted">{h.scope}</span>{' '}
              {h.sms ? <span class="muted">{t('helplineText', h.sms)} </span> : null}
              <a href={h.officialSource} target="_blank" rel="noopener noreferrer">
                {t('helplineSource')}
              </a>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
