import { describe, expect, it } from 'vitest';
import { parseMessage } from '../../../src/messaging/protocol';

const analysis = {
  url: 'http://127.0.0.1:8080/seed/000.html',
  title: 'A mother on naloxone',
  lang: 'en',
  topics: ['overdose'],
  scores: { overdose: 12, tough_love: 0, treatment: 1 },
  claims: ['naloxone_enables_use'],
  phrases: [{ phrase: 'naloxone', topic: 'overdose', count: 3 }],
  textLength: 8000,
};

describe('parseMessage', () => {
  it('accepts a well-formed pageAnalyzed message', () => {
    const result = parseMessage({ type: 'pageAnalyzed', payload: analysis });
    expect(result).toMatchObject({ ok: true, message: { type: 'pageAnalyzed', payload: { topics: ['overdose'] } } });
  });

  it.each([
    ['not an object', 'hello', /not a Second Chance message/],
    ['unknown type', { type: 'deleteAllSnippets', payload: {} }, /unknown message type "deleteAllSnippets"/],
    ['bad topic', { type: 'pageAnalyzed', payload: { ...analysis, topics: ['gardening'] } }, /pageAnalyzed: topics.0/],
    ['javascript url', { type: 'pageAnalyzed', payload: { ...analysis, url: 'not a url' } }, /pageAnalyzed: url/],
    ['missing payload', { type: 'getPageConfig' }, /getPageConfig: payload/],
    ['prototype key', { type: '__proto__', payload: {} }, /unknown message type/],
  ])('rejects %s with a reason', (_name, raw, reason) => {
    const result = parseMessage(raw);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toMatch(reason);
  });
});
