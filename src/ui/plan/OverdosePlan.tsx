import plan from '../../../content-data/plan.json';
import steps from '../../../content-data/overdose-steps.json';
import type { Helpline } from '../../data/resources/schema';
import type { StateLaw } from '../../data/resources/law-table';

export type PlanLang = 'en' | 'es';
export type PlanFormat = 'page' | 'card';

export interface PlanData {
  /** The local emergency number to dial ("911"). */
  emergency: string;
  helplines: Helpline[];
  law: StateLaw | undefined;
  /** Where the reader's unused kits are, in their words. */
  places: string[];
}

/** A plan label in the printout's language, with {name} filled in. */
export function label(key: keyof typeof plan.labels, lang: PlanLang, fill: Record<string, string> = {}): string {
  return plan.labels[key][lang].replace(/\{(\w+)\}/g, (_, name: string) => fill[name] ?? '');
}

/**
 * The printable overdose plan (one page) or wallet card, in the chosen language whatever the
 * browser's: the steps exactly as content-data/overdose-steps.json says, the emergency number, the
 * state's Good Samaritan line, helplines and where the naloxone is. No I/O.
 */
export function OverdosePlan({ data, lang, format }: { data: PlanData; lang: PlanLang; format: PlanFormat }) {
  const call = label('call', lang, { emergency: data.emergency });
  const stepList = steps.steps.map((s) => s[lang].replace('{emergency}', data.emergency));
  const goodSam = data.law?.cells.find((c) => c.topic === 'goodSamaritan');
  const lines = data.helplines.filter((h) => !h.emergency).map((h) => ({ ...h, ...(lang === 'es' ? h.es : undefined) }));
  const where = data.places.length ? data.places.join('; ') : label('naloxoneNone', lang);
  if (format === 'card') {
    return (
      <article class="plan-card" lang={lang} aria-label={label('formatCard', lang)}>
        <div class="card-face">
          <p class="plan-call">{call}</p>
          <ol class="plan-steps">
            {stepList.slice(0, 3).map((s) => (
              <li key={s}>{s}</li>
            ))}
          </ol>
        </div>
        <div class="card-face">
          <ol class="plan-steps" start={4}>
            {stepList.slice(3).map((s) => (
              <li key={s}>{s}</li>
            ))}
          </ol>
          <p>
            <strong>{label('naloxone', lang)}:</strong> {where}
          </p>
          {lines[0] ? (
            <p>
              {lines[0].name}: {lines[0].number}
            </p>
          ) : null}
        </div>
      </article>
    );
  }
  return (
    <article class="plan-page" lang={lang} aria-labelledby="plan-title">
      <h2 id="plan-title">{label('title', lang)}</h2>
      <p class="plan-call">{call}</p>
      <h3>{label('signs', lang)}</h3>
      <ul class="plan-signs">
        {steps.signs[lang].map((s) => (
          <li key={s}>{s}</li>
        ))}
      </ul>
      <h3>{label('steps', lang)}</h3>
      <ol class="plan-steps">
        {stepList.map((s) => (
          <li key={s}>{s}</li>
        ))}
      </ol>
      <h3>{label('naloxone', lang)}</h3>
      <p class="plan-where">{where}</p>
      {goodSam?.summary ? (
        <>
          <h3>{label('law', lang, { state: data.law!.name })}</h3>
          <p>{goodSam.summary[lang]}</p>
          <p class="plan-small">{label('lawAsOf', lang, { date: goodSam.asOf, source: goodSam.source.cite })}</p>
        </>
      ) : (
        <p class="plan-small">{label('lawUnknown', lang)}</p>
      )}
      <h3>{label('helplines', lang)}</h3>
      <ul class="plan-helplines">
        {lines.map((h) => (
          <li key={h.id}>
            <strong>{h.name}</strong>: {h.number}
            {h.hours ? ` (${h.hours})` : ''}
          </li>
        ))}
      </ul>
      <p class="plan-small">{label('footer', lang, { date: steps.reviewedAt })}</p>
    </article>
  );
}
