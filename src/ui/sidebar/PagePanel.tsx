import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { t } from '../../platform/i18n';
import { send } from '../../messaging/client';
import type { Broadcasts, PageAnalysis } from '../../messaging/protocol';
import { isCall } from '../../shared/calls';
import { claimText, readablePhrase } from '../claims';
import { ClaimWhatToSay } from '../what-to-say/WhatToSay';

/** Why the sidebar shows what it shows: topics, claims and the phrases behind them. */
export function PagePanel({ analysis, tabId }: { analysis: PageAnalysis | null | undefined; tabId: number | undefined }) {
  return (
    <section aria-labelledby="page-heading">
      <h2 id="page-heading">{t('pageTopicsHeading')}</h2>
      <PageTopics analysis={analysis} tabId={tabId} />
    </section>
  );
}

function PageTopics({ analysis, tabId }: { analysis: PageAnalysis | null | undefined; tabId: number | undefined }) {
  const [highlighted, setHighlighted] = useState(false);
  const [error, setError] = useState('');
  useEffect(() => setHighlighted(false), [tabId, analysis?.url]);
  if (analysis === undefined) return <p class="muted">{t('loading')}</p>;
  if (analysis === null) return <p class="muted">{t('pageNotAnalyzed')}</p>;
  if (analysis.topics.length === 0) return <p>{t('pageNoTopics')}</p>;
  const names = analysis.topics.map((topic) => t(`topic_${topic}`)).join(', ');
  const toggle = async () => {
    if (tabId === undefined) return;
    const reply = await send('highlightMatches', { tabId, on: !highlighted });
    if (reply.ok && reply.data.done) {
      setHighlighted(!highlighted);
      setError('');
    } else setError(t('highlightFailed'));
  };
  return (
    <>
      <p class="topics">{t('pageTopics', names)}</p>
      {analysis.claims.length ? (
        <>
          <h3>{t('claimsHeading')}</h3>
          <ul class="claims">
            {analysis.claims.map((claim, i) => (
              <li key={claim}>
                {claimText(claim)}
                <ClaimWhatToSay claim={claim} open={i === 0} />
              </li>
            ))}
          </ul>
        </>
      ) : null}
      <details>
        <summary>{t('matchedPhrases')}</summary>
        <ul class="phrases">
          {analysis.phrases.map((p) => (
            <li key={`${p.topic}:${p.phrase}`}>
              {readablePhrase(p.phrase)} <span class="muted">({p.topic ? t(`topic_${p.topic}`) : ''} × {p.count})</span>
            </li>
          ))}
        </ul>
      </details>
      <button type="button" aria-pressed={highlighted} onClick={() => void toggle()}>
        {highlighted ? t('hideOnPage') : t('showOnPage')}
      </button>
      <p role="status" class="small">
        {error}
      </p>
    </>
  );
}

export interface TabState {
  analysis: PageAnalysis | null | undefined;
  /** Saved quotes that could not be found on the page now. */
  orphaned: number[];
}

/** The background's analysis for a tab, refreshed when the background says it changed. */
export function useTabAnalysis(tabId: number | undefined): TabState {
  const [state, setState] = useState<TabState>({ analysis: undefined, orphaned: [] });
  useEffect(() => {
    if (tabId === undefined) return;
    const load = () =>
      send('getTabAnalysis', { tabId }).then((r) => setState(r.ok ? { analysis: r.data.analysis, orphaned: r.data.orphaned } : { analysis: null, orphaned: [] }));
    void load();
    const onMessage = (message: unknown) => {
      const forThisTab = isCall<Broadcasts, 'tabAnalysisChanged'>(message, 'tabAnalysisChanged') && message.tabId === tabId;
      if (forThisTab || isCall<Broadcasts, 'snippetsChanged'>(message, 'snippetsChanged')) void load();
    };
    browser.runtime.onMessage.addListener(onMessage);
    return () => browser.runtime.onMessage.removeListener(onMessage);
  }, [tabId]);
  return state;
}
