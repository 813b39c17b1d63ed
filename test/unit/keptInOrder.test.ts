import assert from 'node:assert/strict';
import fc from 'fast-check';
import { keptInOrder } from '../../src/core/rules/sectionOrder';

/** Length of a longest strictly increasing subsequence, by the quadratic textbook method. */
function lisLength(values: readonly number[]): number {
  const best = values.map(() => 1);
  values.forEach((value, i) => {
    for (let j = 0; j < i; j++) if ((values[j] as number) < value) best[i] = Math.max(best[i] as number, (best[j] as number) + 1);
  });
  return Math.max(0, ...best);
}

describe('section order: the sections kept in place', () => {
  it('flags only the one section that moved', () => {
    assert.deepEqual([...keptInOrder([0, 1, 2, 3, 4])].sort(), [0, 1, 2, 3, 4]);
    assert.deepEqual([...keptInOrder([11, 0, 1, 2, 3])].sort(), [1, 2, 3, 4]);
    assert.deepEqual([...keptInOrder([1, 2, 3, 4, 0])].sort(), [0, 1, 2, 3]);
    assert.deepEqual([...keptInOrder([0, 4, 1, 2, 3])].sort(), [0, 2, 3, 4]);
  });

  it('of two swapped sections, flags the second', () => {
    assert.deepEqual([...keptInOrder([0, 1, 3, 2, 4])].sort(), [0, 1, 2, 4]);
  });

  it('keeps a longest increasing run, for any order', () => {
    fc.assert(fc.property(fc.uniqueArray(fc.nat(30), { maxLength: 14 }), (ranks) => {
      const kept = [...keptInOrder(ranks)].sort((a, b) => a - b);
      assert.equal(kept.length, lisLength(ranks));
      kept.forEach((index, k) => {
        if (k > 0) assert.ok((ranks[kept[k - 1] as number] as number) < (ranks[index] as number));
      });
    }), { numRuns: 300 });
  });
});
