import { bundledDetector } from '../shared/detect';
import { send } from '../messaging/client';
import { summarize } from './analyze';
import { extractMainText } from '../shared/extract';
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
    const text = extractMainText(doc);
    // Reading and detecting run in separate idle tasks, so neither holds the page's main thread long.
    await nextIdle();
    if (state.hidden) return;
    const detection = bundledDetector().detect(text);
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

const nextIdle = () =>
  new Promise<void>((resolve) => (typeof requestIdleCallback === 'function' ? requestIdleCallback(() => resolve(), { timeout: 1000 }) : setTimeout(resolve, 1)));
