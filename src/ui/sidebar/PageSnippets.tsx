import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { openDatabase } from '../../data/db/open';
import { t } from '../../platform/i18n';
import { send } from '../../messaging/client';
import type { PageAnalysis } from '../../messaging/protocol';
import { useRead } from '../database';
import { requestPersistence } from '../persistence';
import { StateView } from '../StateView';

/** Quotes saved from this page, and the "Save selection" button. */
export function PageSnippets({ analysis, tabId, orphaned }: { analysis: PageAnalysis | null | undefined; tabId: number | undefined; orphaned: number[] }) {
  const [status, setStatus] = useState('');
  const [askPrivate, setAskPrivate] = useState(false);
  const [shown, setShown] = useState<string | null>(null);
  // Snippets need real storage: never the in-memory copy (through the background for a docked sidebar refused IndexedDB).
  // The background only keeps a canonical link that is on the page's own site.
  const saved = useRead('pageSnippets', { url: analysis?.url ?? '', canonicalUrl: analysis?.canonicalUrl }, [analysis?.url, analysis?.canonicalUrl], openDatabase);
  useEffect(() => setShown(null), [tabId, analysis?.url]);
  /** Highlights are drawn only when the reader asks, after the warning that the site can see them. */
  const toggleShown = async () => {
    if (tabId === undefined) return;
    const on = shown === null;
    const reply = await send('showSavedOnPage', { tabId, on });
    if (!reply.ok) return setStatus(t('highlightFailed'));
    setShown(on ? t('savedShown', [String(reply.data.shown), String(reply.data.missing)]) : null);
  };
  const save = async (confirmPrivate = false) => {
    if (tabId === undefined) return;
    setAskPrivate(false);
    const reply = await send('saveSelection', { tabId, confirmPrivate });
    if (!reply.ok) return setStatus(t('saveFailed'));
    if (reply.data.saved) {
      setStatus(t('saveDone'));
      void requestPersistence();
    } else if (reply.data.reason === 'private') {
      setAskPrivate(true);
      setStatus(t('privateWindow'));
    } else setStatus(reply.data.reason === 'no-selection' ? t('saveNoSelection') : reply.data.reason === 'storage-full' ? t('saveStorageFull') : t('saveFailed'));
  };
  return (
    <section aria-labelledby="snippets-heading">
      <h2 id="snippets-heading">{t('snippetsHeading')}</h2>
      <StateView state={saved}>
        {(list) =>
          list.length ? (
            <ul class="snippets">
              {list.map((s) => (
                <li key={s.id}>
                  <blockquote>{s.quote}</blockquote>
                  {orphaned.includes(s.id!) ? <p class="small muted">{t('orphaned')}</p> : null}
                  {s.note ? <p class="small">{s.note}</p> : null}
                </li>
              ))}
            </ul>
          ) : (
            <p class="muted small">{t('snippetsNone')}</p>
          )
        }
      </StateView>
      {saved.status === 'ready' && saved.data.length ? (
        <div>
          <p class="small muted">{t('showSavedWarning')}</p>
          <button type="button" aria-pressed={shown !== null} disabled={tabId === undefined} onClick={() => void toggleShown()}>
            {shown === null ? t('showSaved') : t('hideSaved')}
          </button>
          {shown ? (
            <p role="status" class="small">
              {shown}
            </p>
          ) : null}
        </div>
      ) : null}
      <div class="row">
        <button type="button" disabled={tabId === undefined} onClick={() => void save()}>
          {t('saveSelection')}
        </button>
        {askPrivate ? (
          <button type="button" class="link" onClick={() => void save(true)}>
            {t('savePrivateAnyway')}
          </button>
        ) : null}
        <a href={browser.runtime.getURL('/library.html')} target="_blank" rel="noopener">
          {t('openLibrary')}
        </a>
      </div>
      <p role="status" class="small">
        {status}
      </p>
    </section>
  );
}
