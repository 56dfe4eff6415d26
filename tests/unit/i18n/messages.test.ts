import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DB_PROBLEMS } from '../../../src/data/db/open';
import { RESOURCE_TYPES } from '../../../src/data/resources/nearby';
import { LAW_STATUSES, LAW_TOPICS } from '../../../src/data/resources/law-table';
import { LIVE_FAILURES } from '../../../src/data/resources/live';
import { CountryCode } from '../../../src/data/resources/schema';
import { EvidenceCard } from '../../../src/data/evidence/schema';
import { Settings } from '../../../src/data/settings';
import { NaloxoneKit } from '../../../src/data/naloxone-kits';
import { TOPICS } from '../../../src/shared/detect';
import { sourceFiles } from '../architecture/imports';

type Messages = Record<string, { message: string; placeholders?: Record<string, { content: string }> }>;
const load = (lang: string): Messages => JSON.parse(readFileSync(`public/_locales/${lang}/messages.json`, 'utf8'));
const en = load('en');
const es = load('es');

/** What a message needs from its caller: its named placeholders and the positions they take. */
function slots(entry: Messages[string]): string[] {
  const named = Object.entries(entry.placeholders ?? {}).map(([name, p]) => `${name.toLowerCase()}=${p.content}`);
  const used = [...entry.message.matchAll(/\$([A-Za-z_]+)\$/g)].map((m) => `uses ${m[1].toLowerCase()}`);
  return [...new Set([...named, ...used])].sort();
}

/** Keys built at run time (`t(\`topic_${topic}\`)`), with every value the code can put there. */
const DYNAMIC: Record<string, readonly string[]> = {
  topic_: TOPICS,
  country_: CountryCode.options,
  type_: RESOURCE_TYPES,
  dbError_: DB_PROBLEMS,
  liveReason_: LIVE_FAILURES,
  textSize_: Settings.shape.textSize.unwrap().options,
  strength_: EvidenceCard.shape.strength.options,
  lawTopic_: LAW_TOPICS,
  lawStatus_: LAW_STATUSES.filter((status) => status !== 'unconfirmed'), // unconfirmed has its own sentences (LawPanel)
  kitKind_: NaloxoneKit.shape.kind.options,
};

describe('UI messages (public/_locales)', () => {
  it('English and Spanish have the same keys', () => {
    expect(Object.keys(es).sort()).toEqual(Object.keys(en).sort());
  });

  it('each message has the same placeholders in both languages, and none is empty', () => {
    for (const key of Object.keys(en)) {
      expect(slots(es[key] ?? { message: '' }), key).toEqual(slots(en[key]));
      expect(en[key].message.trim(), key).not.toBe('');
      expect(es[key]?.message.trim(), key).not.toBe('');
    }
  });

  it('every key the code builds at run time exists, for every value, in both languages', () => {
    for (const [prefix, values] of Object.entries(DYNAMIC)) {
      for (const value of values) {
        expect(en, `en ${prefix}${value}`).toHaveProperty([`${prefix}${value}`]);
        expect(es, `es ${prefix}${value}`).toHaveProperty([`${prefix}${value}`]);
      }
    }
  });

  it('the table above lists every prefix the code builds keys from', () => {
    const prefixes = new Set<string>();
    for (const file of sourceFiles('.', ['src', 'entrypoints'])) {
      for (const m of readFileSync(file, 'utf8').matchAll(/\bt\(`([A-Za-z]+_)\$\{/g)) prefixes.add(m[1]);
    }
    expect([...prefixes].sort()).toEqual(Object.keys(DYNAMIC).sort());
  });
});
