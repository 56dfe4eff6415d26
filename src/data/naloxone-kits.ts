import { z } from 'zod';
import type { SecondChanceDB } from './db/database';
import { isCalendarDate } from '../shared/naloxone/kits';
import readyFile from '../../content-data/naloxone-ready.json';

/** A naloxone kit the reader recorded. Kept only in the extension's database; never shown to pages. */
export const NaloxoneKit = z.object({
  id: z.number().int().positive().optional(),
  kind: z.enum(['nasal', 'injection', 'other']),
  place: z.string().trim().min(1).max(200),
  expires: z.string().refine(isCalendarDate, 'needs a real date (YYYY-MM-DD)'),
  addedAt: z.number().int().positive(),
  usedAt: z.number().int().positive().nullable(),
});
export type NaloxoneKit = z.infer<typeof NaloxoneKit>;

export const NewKit = NaloxoneKit.pick({ kind: true, place: true, expires: true });
export type NewKit = z.infer<typeof NewKit>;

/** Days before the printed date that the reminder starts (content-data/naloxone-ready.json). */
export const REMIND_DAYS: number = readyFile.remindDays;

/** Every kit, oldest first; a damaged row is skipped (logged) rather than hiding the others. */
export async function listKits(db: SecondChanceDB): Promise<NaloxoneKit[]> {
  const rows = await db.naloxoneKits.orderBy('id').toArray();
  return rows.flatMap((row) => {
    const parsed = NaloxoneKit.safeParse(row);
    if (parsed.success) return [parsed.data];
    console.warn('[second-chance] a stored naloxone kit was invalid; skipped', parsed.error.issues);
    return [];
  });
}

/** Validate and add a kit; invalid input throws (zod) and nothing is written. */
export async function addKit(db: SecondChanceDB, input: NewKit, now = Date.now()): Promise<number> {
  const kit = NaloxoneKit.parse({ ...NewKit.parse(input), addedAt: now, usedAt: null });
  return db.naloxoneKits.add(kit);
}

export async function markKitUsed(db: SecondChanceDB, id: number, now = Date.now()): Promise<void> {
  await db.naloxoneKits.update(id, { usedAt: now });
}

export async function removeKit(db: SecondChanceDB, id: number): Promise<void> {
  await db.naloxoneKits.delete(id);
}
