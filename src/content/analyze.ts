import type { Detection } from '../shared/detect';
import type { PageAnalysis } from '../messaging/protocol';

/**
 * What leaves the content script: topic decisions and which lexicon phrases matched how often.
 * Never the page's text.
 */
export function summarize(detection: Detection, page: { url: string; title: string; canonicalUrl?: string }, textLength: number): PageAnalysis {
  const phrases = new Map<string, PageAnalysis['phrases'][number]>();
  for (const m of detection.matches) {
    if (m.weight <= 0 || !m.topic) continue;
    const key = `${m.topic}:${m.phrase}`;
    const known = phrases.get(key);
    if (known) known.count++;
    else phrases.set(key, { phrase: m.phrase.slice(0, 80), topic: m.topic, ...(m.claim ? { claim: m.claim } : {}), count: 1 });
  }
  return {
    url: page.url,
    ...(page.canonicalUrl ? { canonicalUrl: page.canonicalUrl } : {}),
    title: page.title.slice(0, 500),
    lang: detection.lang,
    topics: detection.topics,
    scores: detection.scores,
    claims: detection.claims,
    phrases: [...phrases.values()].sort((a, b) => b.count - a.count).slice(0, 200),
    textLength,
  };
}
