import type { TopicId } from '../shared/detect';
import { createPageElement, trusted } from '../shared/page-elements';
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
 * The notice: built with createPageElement (closed shadow root, pinned, print-hidden). It shows
 * topic names only; nothing about the reader. All text is set as textContent. Only the reader's
 * own input counts: synthetic clicks and keys dispatched by the page are ignored.
 */
export function showNotice(doc: Document, options: NoticeOptions): NoticeHandle {
  const element = createPageElement(doc, 'notice', CSS, { position: 'fixed', right: '16px', bottom: '16px', left: 'auto', top: 'auto', width: 'auto', height: 'auto' });
  const host = element.host;
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
    b.addEventListener('click', (event) => {
      if (trusted(event)) onClick();
    });
    return b;
  };
  const handle: NoticeHandle = {
    element: host,
    say(message) {
      text.textContent = message;
      row.replaceChildren(close);
    },
    remove: () => element.destroy(),
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
  element.root.append(box);
  host.addEventListener('keydown', (e) => {
    if (e.key === 'Escape' && trusted(e)) dismiss();
  });
  return handle;
}
