import { describe, expect, it } from 'vitest';
import { compactJson } from '../../../../build/resources/json';

describe('compactJson', () => {
  it('writes the header pretty and one record per line, and reads back as the same object', () => {
    const text = compactJson({ _about: 'x', n: 2 }, 'rows', [{ a: 1 }, { a: 2, b: 'é' }]);
    expect(text).toBe('{\n "_about": "x",\n "n": 2,\n "rows": [\n{"a":1},\n{"a":2,"b":"é"}\n ]\n}\n');
    expect(JSON.parse(text)).toEqual({ _about: 'x', n: 2, rows: [{ a: 1 }, { a: 2, b: 'é' }] });
  });
});
