import { useState } from 'preact/hooks';
import type { SecondChanceDB } from '../../data/db/database';
import { listKits } from '../../data/naloxone-kits';
import { findNearby } from '../../data/resources/nearby';
import { getSettings } from '../../data/settings';
import { contentLang } from '../../platform/i18n';
import { currentHelplines } from '../queries';
import { StateView } from '../StateView';
import { useLive } from '../use-live';
import { label, OverdosePlan, type PlanData, type PlanFormat, type PlanLang } from './OverdosePlan';

/** Everything the plan shows, from the extension's own database (no network). */
async function planData(db: SecondChanceDB): Promise<PlanData> {
  const settings = await getSettings(db);
  const helplines = await currentHelplines(db);
  const law = settings.country === 'US' && settings.zip ? (await findNearby(db, settings.zip, 'all', 5)).law : undefined;
  const places = (await listKits(db)).filter((k) => k.usedAt === null).map((k) => k.place);
  return { emergency: helplines.find((h) => h.emergency)?.dial ?? '911', helplines, law, places };
}

/** plan.html: choose language and format, then print (or save as PDF) from the browser. */
export function PlanPage() {
  const data = useLive(planData);
  const [lang, setLang] = useState<PlanLang>(() => (new URLSearchParams(location.search).get('lang') === 'es' ? 'es' : contentLang()));
  const [format, setFormat] = useState<PlanFormat>(() => (new URLSearchParams(location.search).get('format') === 'card' ? 'card' : 'page'));
  const ui = contentLang();
  return (
    <main class="plan">
      <div class="no-print plan-controls">
        <h1>{label('pageHeading', ui)}</h1>
        <fieldset class="row">
          <legend>{label('language', ui)}</legend>
          {(['en', 'es'] as const).map((l) => (
            <label key={l}>
              <input type="radio" name="lang" checked={lang === l} onChange={() => setLang(l)} /> {l === 'en' ? 'English' : 'Español'}
            </label>
          ))}
        </fieldset>
        <fieldset class="row">
          <legend>{label('format', ui)}</legend>
          {(['page', 'card'] as const).map((f) => (
            <label key={f}>
              <input type="radio" name="format" checked={format === f} onChange={() => setFormat(f)} /> {label(f === 'page' ? 'formatPage' : 'formatCard', ui)}
            </label>
          ))}
        </fieldset>
        <p class="row">
          <button type="button" onClick={() => window.print()}>
            {label('print', ui)}
          </button>
          <span class="small muted">{label('printHint', ui)}</span>
        </p>
      </div>
      <StateView state={data}>{(d) => <OverdosePlan data={d} lang={lang} format={format} />}</StateView>
    </main>
  );
}
