import { browser } from 'wxt/browser';

export const DOCK_TAG = 'second-chance-sidebar';

/**
 * Fallback when the browser will not open its own panel from a page click: the extension's
 * sidebar page in an iframe docked to the right. The iframe is cross-origin (extension origin),
 * so the host page cannot read anything inside it.
 */
export function openDockedSidebar(doc: Document, tabId: number): void {
  if (doc.querySelector(DOCK_TAG)) return;
  const host = doc.createElement(DOCK_TAG);
  const shadow = host.attachShadow({ mode: 'closed' });
  const style = doc.createElement('style');
  style.textContent = `:host { all: initial; position: fixed !important; top: 0 !important; right: 0 !important; bottom: 0 !important;
    width: min(400px, 100vw) !important; z-index: 2147483647 !important; display: block !important; }
  iframe { border: 0; border-left: 1px solid #0f766e; width: 100%; height: 100%; background: #fff; }
  button { position: absolute; top: 6px; right: 10px; font: 14px system-ui, sans-serif; border-radius: 6px; border: 1px solid #0f766e;
    background: #fff; padding: 2px 8px; cursor: pointer; } button:focus-visible { outline: 3px solid #f59e0b; }`;
  const frame = doc.createElement('iframe');
  // The tab id comes from the background (the sender's tab): a frame inside a page has no `tabs` API to ask.
  frame.src = browser.runtime.getURL(`/sidepanel.html?docked=1&tabId=${tabId}` as never);
  frame.title = browser.i18n.getMessage('extName' as never) || 'Second Chance';
  const close = doc.createElement('button');
  close.type = 'button';
  close.textContent = '×';
  close.setAttribute('aria-label', browser.i18n.getMessage('noticeDismiss' as never) || 'Close');
  close.addEventListener('click', () => host.remove());
  shadow.append(style, frame, close);
  (doc.body ?? doc.documentElement).append(host);
  frame.focus();
}
