import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { formatProblems } from '../../../build/content-check';
import { checkFamilyFile, FAMILY_FILES, familyContentRule } from '../../../build/family-content';

let dir: string | undefined;
afterEach(() => dir && rmSync(dir, { recursive: true, force: true }));

function edited(name: string, edit: (data: any) => void): string {
  dir = mkdtempSync(join(tmpdir(), 'family-content-'));
  cpSync(join('content-data', name), join(dir, name));
  const data = JSON.parse(readFileSync(join(dir, name), 'utf8'));
  edit(data);
  writeFileSync(join(dir, name), JSON.stringify(data));
  return dir;
}

describe('family tools content (issue 17) passes the content check', () => {
  it('the shipped files: every line sourced and dated, same numbers EN/ES, grade 8 or lower', () => {
    expect(formatProblems(familyContentRule('content-data'))).toBe('');
  });

  it.each(FAMILY_FILES.filter((f) => f === 'naloxone-ready.json'))('%s fails on an unknown source, a number not in the note, a missing Spanish line, no review date', (name) => {
    const root = edited(name, (d) => {
      d.reviewedAt = '';
      d.storage[0].sources = ['nowhere'];
      d.storage[1].en = 'Do not leave it in a car above 50 degrees.';
      delete d.tell.es;
    });
    const out = formatProblems(checkFamilyFile(root, name));
    expect(out).toMatch(/reviewedAt: needs a review date/);
    expect(out).toMatch(/storage\[0\]: cites unknown source "nowhere"/);
    expect(out).toMatch(/storage\[1\]: the number 50 is not in the note/);
    expect(out).toMatch(/es\.tell: missing Spanish text/);
  });
});
