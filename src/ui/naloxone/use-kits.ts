import { useEffect } from 'preact/hooks';
import { uiDatabase } from '../database';
import { addKit, listKits, markKitUsed, removeKit, REMIND_DAYS, type NaloxoneKit, type NewKit } from '../../data/naloxone-kits';
import { needsAttention } from '../../shared/naloxone/kits';
import { showKitReminder } from '../../platform/kit-badge';
import { useLive } from '../use-live';
import type { AsyncState } from '../use-async';

export interface KitActions {
  add(kit: NewKit): Promise<void>;
  markUsed(id: number): Promise<void>;
  remove(id: number): Promise<void>;
}

/** The reader's kits (live across extension pages) and the actions on them; every change refreshes the toolbar reminder. */
export function useKits(): { kits: AsyncState<NaloxoneKit[]>; actions: KitActions } {
  const kits = useLive(listKits);
  // Opening the popup on a new day is also when a kit may have come due.
  useEffect(() => {
    if (kits.status === 'ready') void showKitReminder(needsAttention(kits.data, new Date(), REMIND_DAYS));
  }, [kits]);
  const after = async (change: (db: Awaited<ReturnType<typeof uiDatabase>>) => Promise<unknown>) => {
    const db = await uiDatabase();
    await change(db);
    await showKitReminder(needsAttention(await listKits(db), new Date(), REMIND_DAYS));
  };
  return {
    kits,
    actions: {
      add: (kit) => after((db) => addKit(db, kit)),
      markUsed: (id) => after((db) => markKitUsed(db, id)),
      remove: (id) => after((db) => removeKit(db, id)),
    },
  };
}
