import { describe, expect, it } from 'vitest';
import { installTaskQueue } from '../../../src/data/db/memory';

describe('installTaskQueue (in-memory database on Firefox < 142)', () => {
  it('gives a scope with neither setImmediate nor scheduler an unclamped task queue, in order', async () => {
    const scope: { setImmediate?: (task: () => void) => void; scheduler?: unknown } = {};
    installTaskQueue(scope);
    expect(typeof scope.setImmediate).toBe('function');
    const ran: number[] = [];
    // Nested tasks, as fake-indexeddb schedules them (each request's callback schedules the next).
    await new Promise<void>((resolve) => {
      const step = (i: number) => {
        ran.push(i);
        if (i === 499) resolve();
        else scope.setImmediate!(() => step(i + 1));
      };
      scope.setImmediate!(() => step(0));
    });
    expect(ran).toEqual([...Array(500).keys()]);
  });

  it('leaves a scope that already has setImmediate or scheduler alone', () => {
    const own = () => undefined;
    const withImmediate = { setImmediate: own };
    installTaskQueue(withImmediate);
    expect(withImmediate.setImmediate).toBe(own);
    const withScheduler: { setImmediate?: unknown; scheduler?: unknown } = { scheduler: {} };
    installTaskQueue(withScheduler);
    expect(withScheduler.setImmediate).toBeUndefined();
  });
});
