import { browser } from 'wxt/browser';
import { mountPage } from '../../src/ui/mount';
import { PopupShell } from '../../src/ui/popup/PopupShell';

// The browser sizes its toolbar popup from the page (170 px wide in Chromium when nothing sets a
// width): give the real popup its width; the same page opened in a tab keeps the tab's width.
if (browser.extension?.getViews?.({ type: 'popup' }).includes(window)) document.body.classList.add('popup');
mountPage(<PopupShell />);
