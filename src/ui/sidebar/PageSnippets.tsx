import { useState } from 'preact/hooks';
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
  // Snippets need real storage: never the in-memory copy (through the background for a docked sidebar refused IndexedDB).
  const saved = useRead('pageSnippets', { url: analysis?.url ?? '', canonicalUrl: analysis?.canonicalUrl }, [analysis?.url], openDatabase);
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
