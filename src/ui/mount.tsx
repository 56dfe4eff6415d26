import { render, type VNode } from 'preact';
import { contentLang, t } from '../platform/i18n';
import './styles.css';

/** Render an extension page with the UI language set for screen readers. */
export function mountPage(page: VNode) {
  document.documentElement.lang = contentLang();
  document.title = t('extName');
  render(page, document.getElementById('app')!);
}
