// mapLimited reads a corpus's files: every file once, results in order, and questions waiting on the
// same thread are let in while it reads thousands (reloads run where questions are answered).
import { describe, expect, it } from 'vitest';
import { mapLimited } from '../src/corpus/folder.js';

describe('mapLimited', () => {
  it('maps every item exactly once, results in the items order, at any count', async () => {
    for (const n of [0, 1, 255, 256, 257, 300, 512, 513, 570, 1000]) {
      const items = Array.from({ length: n }, (_, i) => i);
      const seen: number[] = [];
      const out = await mapLimited(items, 32, async (x) => {
        seen.push(x);
        return x * 2;
      });
      expect(out).toEqual(items.map((x) => x * 2));
      expect(seen.sort((a, b) => a - b)).toEqual(items);
    }
  });

  it('lets work waiting on the event loop run while it goes through many items', async () => {
    let waitingRan = false;
    setImmediate(() => {
      waitingRan = true;
    });
    let ranBeforeTheEnd = false;
    await mapLimited(
      Array.from({ length: 1000 }, (_, i) => i),
      32,
      async () => {
        if (waitingRan) ranBeforeTheEnd = true;
      },
    );
    expect(ranBeforeTheEnd).toBe(true);
  });
});
