import { useState } from 'preact/hooks';
import ready from '../../../content-data/naloxone-ready.json';
import { contentLang, t } from '../../platform/i18n';
import { kitStatus, type KitKind } from '../../shared/naloxone/kits';
import type { NaloxoneKit } from '../../data/naloxone-kits';
import type { KitActions } from './use-kits';

type Sources = Record<string, { citation: string; url: string }>;
type Line = { id: string; en: string; es: string; sources: string[] };

/** A sourced line from content-data/naloxone-ready.json, with numbered links to its sources. */
function Sourced({ line }: { line: Line }) {
  const sources = ready.sources as Sources;
  return (
    <>
      {line[contentLang()]}{' '}
      <span class="sources-inline">
        {line.sources.map((id, j) => (
          <a key={id} href={sources[id].url} target="_blank" rel="noopener noreferrer" aria-label={`${t('sourceShort')} ${j + 1}: ${sources[id].citation}`}>
            [{j + 1}]
          </a>
        ))}
      </span>
    </>
  );
}

/** "I have naloxone": the reader's kits with calm reminders, a form to add one, and how to keep them ready. No I/O. */
export function NaloxoneReady({ kits, actions, today = new Date() }: { kits: NaloxoneKit[]; actions: KitActions; today?: Date }) {
  const [adding, setAdding] = useState(false);
  const open = kits.filter((k) => k.usedAt === null);
  return (
    <section aria-labelledby="kits-heading" class="kits">
      <h2 id="kits-heading">{t('kitsHeading')}</h2>
      {kits.length === 0 ? <p class="small muted">{t('kitsEmpty')}</p> : null}
      <ul class="kit-list">
        {kits.map((kit) => (
          <KitRow key={kit.id} kit={kit} today={today} actions={actions} />
        ))}
      </ul>
      {adding ? (
        <KitForm onDone={() => setAdding(false)} add={actions.add} today={today} />
      ) : (
        <button type="button" onClick={() => setAdding(true)}>
          {t('kitAdd')}
        </button>
      )}
      {open.length > 0 ? (
        <p class="small">
          <Sourced line={ready.tell} />
        </p>
      ) : null}
      <details>
        <summary>{t('kitStorageTips')}</summary>
        <ul class="small">
          {ready.storage.map((line) => (
            <li key={line.id}>
              <Sourced line={line} />
            </li>
          ))}
        </ul>
      </details>
      <p class="small muted">{t('kitPrivate')}</p>
    </section>
  );
}

function KitRow({ kit, today, actions }: { kit: NaloxoneKit; today: Date; actions: KitActions }) {
  const status = kitStatus(kit, today, ready.remindDays);
  const what = `${t(`kitKind_${kit.kind}`)} · ${kit.place}`;
  return (
    <li class={`kit kit-${status.state}`}>
      <strong>{what}</strong>
      <br />
      <span class="small">{t('kitExpires', kit.expires)}</span>
      {status.state === 'soon' ? (
        <p role="status" class="kit-reminder">
          {status.days === 0 ? t('kitExpiresToday', kit.place) : t('kitExpiresSoon', [kit.place, String(status.days)])} <Sourced line={ready.expiring} />
        </p>
      ) : null}
      {status.state === 'expired' ? (
        <p role="status" class="kit-reminder">
          {t('kitExpired', kit.place)} <Sourced line={ready.expiring} />
        </p>
      ) : null}
      {status.state === 'used' ? (
        <p role="status" class="kit-reminder">
          <strong>{t('kitReplaceHeading')}</strong> <Sourced line={ready.replace} />
        </p>
      ) : null}
      <span class="row">
        {status.state !== 'used' ? (
          <button type="button" class="link" onClick={() => void actions.markUsed(kit.id!)} aria-label={t('kitMarkUsedFor', what)}>
            {t('kitMarkUsed')}
          </button>
        ) : null}
        <button type="button" class="link" onClick={() => void actions.remove(kit.id!)} aria-label={t('kitRemoveFor', what)}>
          {status.state === 'used' ? t('kitReplaced') : t('kitRemove')}
        </button>
      </span>
    </li>
  );
}

function KitForm({ add, onDone, today }: { add: KitActions['add']; onDone: () => void; today: Date }) {
  const [kind, setKind] = useState<KitKind>('nasal');
  const [place, setPlace] = useState('');
  const [expires, setExpires] = useState('');
  const [error, setError] = useState('');
  const submit = async (event: Event) => {
    event.preventDefault();
    if (!place.trim() || !expires) return setError(t('kitFormMissing'));
    try {
      await add({ kind, place: place.trim(), expires });
      onDone();
    } catch {
      setError(t('kitFormInvalid'));
    }
  };
  const min = `${today.getFullYear() - 5}-01-01`;
  return (
    <form class="kit-form" onSubmit={(e) => void submit(e)} aria-label={t('kitAdd')}>
      <label>
        {t('kitKindLabel')}{' '}
        <select value={kind} onChange={(e) => setKind((e.target as HTMLSelectElement).value as KitKind)}>
          <option value="nasal">{t('kitKind_nasal')}</option>
          <option value="injection">{t('kitKind_injection')}</option>
          <option value="other">{t('kitKind_other')}</option>
        </select>
      </label>
      <label>
        {t('kitPlaceLabel')}{' '}
        <input type="text" maxLength={200} value={place} onInput={(e) => setPlace((e.target as HTMLInputElement).value)} placeholder={t('kitPlaceExample')} />
      </label>
      <label>
        {t('kitExpiresLabel')} <input type="date" min={min} value={expires} onInput={(e) => setExpires((e.target as HTMLInputElement).value)} />
      </label>
      {error ? (
        <p role="alert" class="warning small">
          {error}
        </p>
      ) : null}
      <span class="row">
        <button type="submit">{t('kitSave')}</button>
        <button type="button" class="link" onClick={onDone}>
          {t('cancel')}
        </button>
      </span>
    </form>
  );
}
