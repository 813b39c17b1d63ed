import assert from 'node:assert/strict';
import fc from 'fast-check';
import { commonEnds, LineIndex } from '../../src/core/text/lineIndex';
import { propertyRuns } from '../support/markdownArbitrary';

/** Texts rich in line breaks of every kind, long enough to span several 1,024-character blocks. */
const text = fc.array(fc.constantFrom('a', 'bc', ' ', '\n', '\r', '\r\n', '\n\n', 'x'.repeat(700), '😀'), { maxLength: 40 }).map((parts) => parts.join(''));

const edited = fc.tuple(text, fc.nat(), fc.nat(), text).map(([base, from, length, insert]) => {
  const start = from % (base.length + 1);
  const end = Math.min(base.length, start + (length % 2000));
  return [base, `${base.slice(0, start)}${insert}${base.slice(end)}`] as const;
});

describe('LineIndex after an edit', () => {
  it('finds the line starts a full scan finds', () => {
    fc.assert(
      fc.property(edited, ([before, after]) => {
        assert.deepEqual(LineIndex.afterEdit(new LineIndex(before), after).lineStarts, new LineIndex(after).lineStarts);
      }),
      { numRuns: propertyRuns(500) },
    );
  });

  it('commonEnds finds the longest shared start, then the longest shared end that does not overlap it', () => {
    fc.assert(
      fc.property(edited, ([a, b]) => {
        const { prefix, suffix } = commonEnds(a, b);
        const limit = Math.min(a.length, b.length);
        let naivePrefix = 0;
        while (naivePrefix < limit && a[naivePrefix] === b[naivePrefix]) naivePrefix++;
        let naiveSuffix = 0;
        while (naiveSuffix < limit - naivePrefix && a[a.length - 1 - naiveSuffix] === b[b.length - 1 - naiveSuffix]) naiveSuffix++;
        assert.deepEqual({ prefix, suffix }, { prefix: naivePrefix, suffix: naiveSuffix });
      }),
      { numRuns: propertyRuns(500) },
    );
  });

  it('handles a CR before the edit that an inserted LF joins into one CRLF line break', () => {
    const before = 'a\rb\n';
    const after = 'a\r\nb\n';
    assert.deepEqual(LineIndex.afterEdit(new LineIndex(before), after).lineStarts, Uint32Array.from([0, 3, 5]));
  });
});
