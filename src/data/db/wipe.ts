import type { SecondChanceDB } from './database';

/** "Delete all my data": every user table (snippets, settings, live cache, naloxone kits), in one transaction. Reference data stays. */
export async function wipeUserData(db: SecondChanceDB): Promise<void> {
  await db.transaction('rw', db.userTables(), async () => {
    await Promise.all(db.userTables().map((table) => table.clear()));
  });
}
