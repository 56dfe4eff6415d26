import { browser } from 'wxt/browser';
import { createPageElement } from '../shared/page-elements';

export const DOCK_TAG = 'second-chance-sidebar';

const CSS = `iframe { border: 0; border-left: 1px solid #0f766e; width: 100%; height: 100%; background: #fff; display: block; }
  button { position: absolute; top: 6px; right: 10px; font: 14px system-ui, sans-serif; border-radius: 6px; border: 1px solid #0f766e;
    background: #fff; padding: 2px 8px; cursor: pointer; } button:focus-visible { outline: 3px solid #f59e0b; }`;

/**
 * Fallback when the browser will not open its own panel: the extension's sidebar page in an
 * iframe docked to the right. Only ever opened from the reader's own (trusted) click on the
 * notice. The iframe is cross-origin (extension origin) inside a closed shadow root, so the host
 * page can neither read nor navigate it, and every visual property is pinned (a page cannot make
 * it transparent, blurred, moved or clipped to trick clicks onto it).
 */
export function openDockedSidebar(doc: Document, tabId: number): void {
  if (doc.querySelector(DOCK_TAG)) return;
  const element = createPageElement(doc, 'sidebar', CSS, {
    position: 'fixed', top: '0', right: '0', bottom: '0', left: 'auto', width: 'min(400px, 100vw)', height: '100vh',
  });
  const frame = doc.createElement('iframe');
  // The tab id comes from the background (the sender's tab): a frame inside a page has no `tabs` API to ask.
  frame.src = browser.runtime.getURL(`/sidepanel.html?docked=1&tabId=${tabId}` as never);
  frame.title = browser.i18n.getMessage('extName' as never) || 'Second Chance';
  const close = doc.createElement('button');
  close.type = 'button';
  close.textContent = '×';
  close.setAttribute('aria-label', browser.i18n.getMessage('noticeDismiss' as never) || 'Close');
  close.addEventListener('click', (event) => event.isTrusted && element.destroy());
  element.root.append(frame, close);
  frame.focus();
}
