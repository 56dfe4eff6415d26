import type { ComponentChildren } from 'preact';
import { DbUnavailableError, openDatabase, STORAGE_RESET_KEY } from '../data/db/open';
import { t } from '../platform/i18n';
import { useStorageProblem } from './database';
import { useLive } from './use-live';
import type { AsyncState } from './use-async';

/** Loading and error states shared by every data view; `children` renders the ready data. */
export function StateView<T>({ state, children }: { state: AsyncState<T>; children: (data: T) => ComponentChildren }) {
  if (state.status === 'loading') return <p aria-busy="true" class="muted">{t('loading')}</p>;
  if (state.status === 'error') return <DbErrorView error={state.error} />;
  return <>{children(state.data)}</>;
}

export function DbErrorView({ error, children }: { error: unknown; children?: ComponentChildren }) {
  const problem = error instanceof DbUnavailableError ? error.problem : 'failed';
  return (
    <div role="alert" class="error">
      <h2>{t('dbErrorTitle')}</h2>
      <p>{t(`dbError_${problem}`)}</p>
      {children}
    </div>
  );
}

/** At the top of a page running on the in-memory copy of the bundled data: why, and what that means. */
export function StorageNotice() {
  const problem = useStorageProblem();
  if (!problem) return null;
  return (
    <DbErrorView error={new DbUnavailableError(problem)}>
      <p>{t('memoryFallback')}</p>
    </DbErrorView>
  );
}

/** After the database was deleted under the running extension: say what that means for saved quotes. */
export function StorageResetNotice() {
  const reset = useLive((db) => db.meta.get(STORAGE_RESET_KEY), [], openDatabase);
  if (reset.status !== 'ready' || !reset.data) return null;
  const dismiss = async () => (await openDatabase()).meta.delete(STORAGE_RESET_KEY);
  return (
    <div role="alert" class="error">
      <p>{t('storageReset', new Date(Number(reset.data.value)).toLocaleString())}</p>
      <button type="button" onClick={() => void dismiss()}>
        {t('dismiss')}
      </button>
    </div>
  );
}
