import type { SecondChanceDB } from './database';

/** "Delete all my data": every user table, in one transaction. Reference data stays. */
export async function wipeUserData(db: SecondChanceDB): Promise<void> {
  await db.transaction('rw', [db.snippets, db.settings], async () => {
    await db.snippets.clear();
    await db.settings.clear();
  });
}
