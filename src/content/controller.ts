import { bundledDetector } from '../shared/detect';
import { send } from '../messaging/client';
import { summarize } from './analyze';
import { extractText, type ExtractedText } from '../shared/extract';
import type { Detection } from '../shared/detect';
import { t } from '../platform/i18n';
import { showNotice, type NoticeHandle } from './notice';
import type { PageState } from './commands';
import { openDockedSidebar } from './docked-sidebar';

/**
 * One read of the page: ask whether this site is active, detect, report, and show the notice.
 * Errors never escape into the page.
 */
export async function analyzeAndNotify(doc: Document, state: PageState & { notice?: NoticeHandle }): Promise<void> {
  try {
    if (state.hidden) return;
    const host = doc.location.hostname;
    const config = await send('getPageConfig', { host });
    if (!config.ok || !config.data.enabled) return;
    const extracted = extractText(doc);
    const text = extracted.text;
    // Reading and detecting run in separate idle tasks, so neither holds the page's main thread long.
    await nextIdle();
    if (state.hidden) return;
    const detection = onlyVisibleTopics(extracted, bundledDetector().detect(text));
    const canonicalUrl = doc.querySelector<HTMLLinkElement>('link[rel="canonical"]')?.href || undefined;
    const reply = await send('pageAnalyzed', summarize(detection, { url: doc.location.href, title: doc.title, canonicalUrl }, text.length));
    if (!reply.ok || !reply.data.showNotice || state.dismissed || state.hidden) return;
    state.notice?.remove();
    state.notice = showNotice(doc, {
      topics: detection.topics,
      t,
      onOpen: () => {
        void send('openSidebar', {}).then((r) => {
          if (r.ok && r.data.opened === 'fallback') openDockedSidebar(doc, r.data.tabId);
        });
      },
      onMute: () => {
        void send('muteSite', { host }).then(() => state.notice?.say(t('noticeMuted')));
      },
      onDismiss: () => (state.dismissed = true),
    });
  } catch (error) {
    console.debug('[second-chance] page analysis failed', error);
  }
}

/** Matches checked per topic for visibility (each check computes one element's style). */
const VISIBILITY_SAMPLES = 12;

/**
 * Keep a topic only when some of its matched phrases are in text the reader can see: words hidden
 * by page CSS (a class with display:none, opacity 0…) must not make the notice appear, or any page
 * could plant hidden topic words to learn silently that this extension is installed.
 */
export function onlyVisibleTopics(extracted: ExtractedText, detection: Detection): Detection {
  if (!detection.topics.length) return detection;
  const { nodes, starts } = extracted;
  const nodeAt = (offset: number) => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return nodes[lo];
  };
  const seen = (el: Element | null | undefined) => {
    if (!el) return false;
    const check = (el as Element & { checkVisibility?: (o: object) => boolean }).checkVisibility;
    if (typeof check !== 'function') return true;
    return check.call(el, { opacityProperty: true, visibilityProperty: true, contentVisibilityAuto: true });
  };
  const topics = detection.topics.filter((topic) =>
    detection.matches
      .filter((m) => m.topic === topic && m.weight > 0)
      .slice(0, VISIBILITY_SAMPLES)
      .some((m) => seen(nodeAt(m.start)?.parentElement)),
  );
  return topics.length === detection.topics.length ? detection : { ...detection, topics };
}

const nextIdle = () =>
  new Promise<void>((resolve) => (typeof requestIdleCallback === 'function' ? requestIdleCallback(() => resolve(), { timeout: 1000 }) : setTimeout(resolve, 1)));
