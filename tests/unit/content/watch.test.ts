// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { watchForChanges } from '../../../src/content/watch';

const addText = (chars: number) => document.body.append(Object.assign(document.createElement('p'), { textContent: 'x'.repeat(chars) }));
/** Let the MutationObserver deliver, then advance the clock. */
const tick = async (ms: number) => {
  await Promise.resolve();
  await vi.advanceTimersByTimeAsync(ms);
};

describe('watchForChanges', () => {
  afterEach(() => {
    vi.useRealTimers();
    document.body.replaceChildren();
  });

  it('reads again once substantial text was added and the page settled', async () => {
    vi.useFakeTimers();
    const onChange = vi.fn();
    const stop = watchForChanges(document, onChange, { minAddedChars: 100, debounceMs: 1000, maxWaitMs: 5000 });
    addText(150);
    await tick(999);
    expect(onChange).not.toHaveBeenCalled();
    await tick(1);
    expect(onChange).toHaveBeenCalledTimes(1);
    stop();
  });

  it('a page that never stops changing (a live ticker) is still read again by the max wait', async () => {
    vi.useFakeTimers();
    const onChange = vi.fn();
    const stop = watchForChanges(document, onChange, { minAddedChars: 100, debounceMs: 1000, maxWaitMs: 5000 });
    // New text every 100 ms for 12 s: a plain debounce would never fire.
    for (let t = 0; t < 12_000; t += 100) {
      addText(50);
      await tick(100);
    }
    expect(onChange.mock.calls.length).toBeGreaterThanOrEqual(2);
    expect(onChange.mock.calls.length).toBeLessThanOrEqual(3);
    stop();
  });
});
