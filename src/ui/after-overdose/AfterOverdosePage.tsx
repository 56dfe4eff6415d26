import { getTicks, resetTicks, setTick } from '../../data/checklist';
import { uiDatabase } from '../database';
import { StateView } from '../StateView';
import { useLive } from '../use-live';
import { AfterOverdose } from './AfterOverdose';

const LIST = 'after-overdose';

/** after-overdose.html: the checklist, its ticks kept in the extension's database. */
export function AfterOverdosePage() {
  const ticks = useLive((db) => getTicks(db, LIST));
  const change = async (run: (db: Awaited<ReturnType<typeof uiDatabase>>) => Promise<void>) => run(await uiDatabase());
  return (
    <main>
      <StateView state={ticks}>
        {(ticked) => (
          <AfterOverdose
            ticked={ticked}
            onTick={(id, on) => void change((db) => setTick(db, LIST, id, on))}
            onReset={() => void change((db) => resetTicks(db, LIST))}
          />
        )}
      </StateView>
    </main>
  );
}
