import { describe, expect, it } from 'vitest';
import { readablePhrase } from '../../../src/ui/claims';

describe('readablePhrase (what the sidebar shows for a matched lexicon phrase)', () => {
  it('turns stem wildcards into an ellipsis', () => {
    expect(readablePhrase('overdos*')).toBe('overdos…');
    expect(readablePhrase('fentanyl test strip*')).toBe('fentanyl test strip…');
  });
  it('leaves plain phrases alone', () => {
    expect(readablePhrase('tough love')).toBe('tough love');
  });
});
