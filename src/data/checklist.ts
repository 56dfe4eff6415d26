import { z } from 'zod';
import type { SecondChanceDB } from './db/database';

/**
 * Ticks on a checklist (e.g. "after-overdose"), kept as a key-value row in the settings table: the
 * reader's own data, wiped by "Delete all my data", never shown to pages.
 */
const Ticks = z.array(z.string().regex(/^[a-z0-9-]+$/).max(60)).max(200);
const key = (list: string) => `checklist:${list}`;

export async function getTicks(db: SecondChanceDB, list: string): Promise<string[]> {
  const parsed = Ticks.safeParse((await db.settings.get(key(list)))?.value);
  return parsed.success ? parsed.data : [];
}

export async function setTick(db: SecondChanceDB, list: string, item: string, on: boolean): Promise<void> {
  await db.transaction('rw', db.settings, async () => {
    const ticks = new Set(await getTicks(db, list));
    if (on) ticks.add(item);
    else ticks.delete(item);
    await db.settings.put({ key: key(list), value: Ticks.parse([...ticks]) });
  });
}

export async function resetTicks(db: SecondChanceDB, list: string): Promise<void> {
  await db.settings.delete(key(list));
}
