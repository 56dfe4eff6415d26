/**
 * Naloxone kits the reader says they have: what state each is in, and which need a reminder.
 * Pure (dates in, status out) so the popup, the badge and tests agree on one rule.
 */
export type KitKind = 'nasal' | 'injection' | 'other';

export interface KitFields {
  kind: KitKind;
  /** Where the kit is kept, in the reader's words ("kitchen drawer"). */
  place: string;
  /** Expiry date printed on the box, YYYY-MM-DD. */
  expires: string;
  /** When the reader marked it used (ms), or null. */
  usedAt: number | null;
}

export type KitStatus = { state: 'ok'; days: number } | { state: 'soon'; days: number } | { state: 'expired'; days: number } | { state: 'used' };

const DAY = 24 * 60 * 60 * 1000;

/** Whole days from `today` (local calendar day) to the kit's expiry date; negative once past. */
export function daysUntil(expires: string, today: Date): number {
  const [y, m, d] = expires.split('-').map(Number);
  const end = Date.UTC(y, m - 1, d);
  const start = Date.UTC(today.getFullYear(), today.getMonth(), today.getDate());
  return Math.round((end - start) / DAY);
}

/** A kit expiring within `remindDays` (inclusive) needs a calm reminder; on its date it still counts as soon. */
export function kitStatus(kit: KitFields, today: Date, remindDays: number): KitStatus {
  if (kit.usedAt !== null) return { state: 'used' };
  const days = daysUntil(kit.expires, today);
  if (days < 0) return { state: 'expired', days };
  if (days <= remindDays) return { state: 'soon', days };
  return { state: 'ok', days };
}

/** Whether any kit needs the reader's attention (badge and popup): used, expired or expiring soon. */
export function needsAttention(kits: KitFields[], today: Date, remindDays: number): boolean {
  return kits.some((kit) => kitStatus(kit, today, remindDays).state !== 'ok');
}

/** A real calendar date in YYYY-MM-DD (rejects 2026-02-30). */
export function isCalendarDate(value: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!m) return false;
  const date = new Date(Date.UTC(+m[1], +m[2] - 1, +m[3]));
  return date.getUTCFullYear() === +m[1] && date.getUTCMonth() === +m[2] - 1 && date.getUTCDate() === +m[3];
}
