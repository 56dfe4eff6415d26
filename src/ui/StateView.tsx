import type { ComponentChildren } from 'preact';
import { DbUnavailableError } from '../db/open';
import { t } from '../i18n';
import type { AsyncState } from './use-async';

/** Loading and error states shared by every data view; `children` renders the ready data. */
export function StateView<T>({ state, children }: { state: AsyncState<T>; children: (data: T) => ComponentChildren }) {
  if (state.status === 'loading') return <p aria-busy="true" class="muted">{t('loading')}</p>;
  if (state.status === 'error') return <DbErrorView error={state.error} />;
  return <>{children(state.data)}</>;
}

export function DbErrorView({ error }: { error: unknown }) {
  const problem = error instanceof DbUnavailableError ? error.problem : 'failed';
  return (
    <div role="alert" class="error">
      <h2>{t('dbErrorTitle')}</h2>
      <p>{t(`dbError_${problem}`)}</p>
    </div>
  );
}
