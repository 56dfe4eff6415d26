import type { TopicId } from '../shared/detect';
import type { MessageKey } from '../platform/i18n';

export const NOTICE_TAG = 'second-chance-notice';

export interface NoticeOptions {
  topics: TopicId[];
  t: (key: MessageKey, subs?: string | string[]) => string;
  onOpen(): void;
  onMute(): void;
  /** The reader closed the notice: do not show it again on this page view. */
  onDismiss(): void;
}

export interface NoticeHandle {
  element: HTMLElement;
  /** Replace the text with a short confirmation (e.g. after muting). */
  say(text: string): void;
  remove(): void;
}

const CSS = `
.box { font: 14px/1.4 system-ui, sans-serif; color: #0b3b37; background: #f0fdfa; border: 1px solid #0f766e;
  border-radius: 10px; padding: 10px 12px; max-width: 320px; box-shadow: 0 2px 10px rgb(0 0 0 / .15); display: grid; gap: 8px; }
.row { display: flex; gap: 8px; flex-wrap: wrap; align-items: center; }
button { font: inherit; border-radius: 6px; border: 1px solid #0f766e; background: #fff; color: #0b3b37; padding: 4px 10px; cursor: pointer; }
button.primary { background: #0f766e; color: #fff; }
button:focus-visible { outline: 3px solid #f59e0b; outline-offset: 2px; }
.close { margin-left: auto; border: none; background: transparent; font-size: 18px; line-height: 1; padding: 2px 6px; }
@media (prefers-color-scheme: dark) { .box { background: #042f2e; color: #ccfbf1; border-color: #5eead4; }
  button { background: #134e4a; color: #ccfbf1; border-color: #5eead4; } button.primary { background: #5eead4; color: #042f2e; } }
`;

/**
 * The one element Second Chance adds to a page: a prefixed custom element with a closed shadow
 * root. It shows topic names only; nothing about the reader. All text is set as textContent.
 */
export function showNotice(doc: Document, options: NoticeOptions): NoticeHandle {
  for (const stale of doc.querySelectorAll(NOTICE_TAG)) stale.remove();
  const host = doc.createElement(NOTICE_TAG);
  pinHost(host);
  // Open: the notice holds only topic names (nothing private), and assistive tech and tests can reach it.
  const shadow = host.attachShadow({ mode: 'open' });
  const style = doc.createElement('style');
  style.textContent = CSS;
  const box = doc.createElement('div');
  box.className = 'box';
  box.setAttribute('role', 'region');
  box.setAttribute('aria-label', options.t('noticeLabel'));

  const text = doc.createElement('p');
  text.style.margin = '0';
  text.setAttribute('role', 'status');
  const names = options.topics.map((topic) => options.t(`topic_${topic}`)).join(', ');
  text.textContent = options.t('noticeText', names);

  const button = (label: string, className: string, onClick: () => void) => {
    const b = doc.createElement('button');
    b.type = 'button';
    b.className = className;
    b.textContent = label;
    b.addEventListener('click', onClick);
    return b;
  };
  const handle: NoticeHandle = {
    element: host,
    say(message) {
      text.textContent = message;
      row.replaceChildren(close);
    },
    remove: () => host.remove(),
  };
  const dismiss = () => {
    options.onDismiss();
    handle.remove();
  };
  const close = button('×', 'close', dismiss);
  close.setAttribute('aria-label', options.t('noticeDismiss'));
  const row = doc.createElement('div');
  row.className = 'row';
  row.append(button(options.t('noticeOpen'), 'primary', options.onOpen), button(options.t('noticeMute'), '', options.onMute), close);
  box.append(text, row);
  shadow.append(style, box);
  host.addEventListener('keydown', (e) => {
    if (e.key === 'Escape') dismiss();
  });
  (doc.body ?? doc.documentElement).append(host);
  return handle;
}

/**
 * Inline !important beats any page stylesheet: a page cannot hide, shrink, move or fade the notice
 * (it can only remove it, which the content script survives).
 */
export function pinHost(host: HTMLElement): void {
  const fixed: Record<string, string> = {
    all: 'initial', display: 'block', position: 'fixed', right: '16px', bottom: '16px', left: 'auto', top: 'auto',
    'z-index': '2147483647', visibility: 'visible', opacity: '1', transform: 'none', filter: 'none',
    'clip-path': 'none', 'pointer-events': 'auto', width: 'auto', height: 'auto', margin: '0', contain: 'content',
  };
  for (const [property, value] of Object.entries(fixed)) host.style.setProperty(property, value, 'important');
}
