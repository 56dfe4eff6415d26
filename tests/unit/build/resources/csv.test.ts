import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../../../build/resources/csv';

describe('parseCsv', () => {
  it('parses quoted fields', () => {
    const { records, problems } = parseCsv('name,address\r\n"Smith, Jones ""and"" Co",1 Main St\r\nplain,"multi\nline"\r\n');
    expect(problems).toEqual([]);
    expect(records.map((r) => r.row)).toEqual([
      { name: 'Smith, Jones "and" Co', address: '1 Main St' },
      { name: 'plain', address: 'multi\nline' },
    ]);
    expect(parseCsv('a,b\n1,2,3\n').problems[0]).toMatch(/line 2: 3 fields, expected 2/);
  });

  it('drops a byte-order mark and blank lines, trims header names and numbers records by their first line', () => {
    const { records, problems } = parseCsv('\ufeff a ,b\n\n"x\ny",1\nlast,2');
    expect(problems).toEqual([]);
    expect(records).toEqual([
      { line: 3, row: { a: 'x\ny', b: '1' } },
      { line: 5, row: { a: 'last', b: '2' } },
    ]);
  });
});
