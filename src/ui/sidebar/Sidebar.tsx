import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { t } from '../../i18n';
import { send } from '../../messaging/client';
import type { Broadcast, PageAnalysis } from '../../messaging/protocol';
import { EmergencyStrip, HelplineList } from '../Helplines';
import { loadHelp } from '../queries';
import { StateView } from '../StateView';
import { useAsync } from '../use-async';
import { useCurrentTabId } from './current-tab';

export function Sidebar() {
  const help = useAsync(loadHelp, []);
  const tabId = useCurrentTabId();
  const analysis = useTabAnalysis(tabId);
  return (
    <>
      <header>
        <StateView state={help}>{({ helplines }) => <EmergencyStrip helplines={helplines} />}</StateView>
      </header>
      <main>
        <h1>{t('sidebarHeading')}</h1>
        <section aria-labelledby="page-heading">
          <h2 id="page-heading">{t('pageTopicsHeading')}</h2>
          <PageTopics analysis={analysis} />
        </section>
        <StateView state={help}>{({ helplines }) => <HelplineList helplines={helplines} />}</StateView>
        <p class="muted small">{t('privacyNote')}</p>
      </main>
    </>
  );
}

function PageTopics({ analysis }: { analysis: PageAnalysis | null | undefined }) {
  if (analysis === undefined) return <p class="muted">{t('loading')}</p>;
  if (analysis === null) return <p class="muted">{t('pageNotAnalyzed')}</p>;
  if (analysis.topics.length === 0) return <p>{t('pageNoTopics')}</p>;
  const names = analysis.topics.map((topic) => t(`topic_${topic}`)).join(', ');
  return (
    <>
      <p class="topics">{t('pageTopics', names)}</p>
      <details>
        <summary>{t('matchedPhrases')}</summary>
        <ul class="phrases">
          {analysis.phrases.map((p) => (
            <li key={`${p.topic}:${p.phrase}`}>
              “{p.phrase}” <span class="muted">({p.topic ? t(`topic_${p.topic}`) : ''} × {p.count})</span>
            </li>
          ))}
        </ul>
      </details>
    </>
  );
}

/** The background's analysis for a tab, refreshed when the background says it changed. */
function useTabAnalysis(tabId: number | undefined): PageAnalysis | null | undefined {
  const [analysis, setAnalysis] = useState<PageAnalysis | null>();
  useEffect(() => {
    if (tabId === undefined) return;
    const load = () => send('getTabAnalysis', { tabId }).then((r) => setAnalysis(r.ok ? r.data.analysis : null));
    void load();
    const onMessage = (message: unknown) => {
      if ((message as Broadcast)?.type === 'tabAnalysisChanged' && (message as Broadcast).tabId === tabId) void load();
    };
    browser.runtime.onMessage.addListener(onMessage);
    return () => browser.runtime.onMessage.removeListener(onMessage);
  }, [tabId]);
  return analysis;
}
