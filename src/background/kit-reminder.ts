import type { SecondChanceDB } from '../data/db/database';
import { listKits, REMIND_DAYS } from '../data/naloxone-kits';
import { needsAttention } from '../shared/naloxone/kits';
import { showKitReminder } from '../platform/kit-badge';

/** At browser start and install/update: put the naloxone reminder on the toolbar button if a kit needs it. */
export async function refreshKitReminder(db: SecondChanceDB, today = new Date()): Promise<boolean> {
  const due = needsAttention(await listKits(db), today, REMIND_DAYS);
  await showKitReminder(due);
  return due;
}
