import type { LintResult } from '../lint';
import { UNFILLED_PLACEHOLDER } from '../rules/unfilledPlaceholder';
import type { Range } from '../types';

/** The ranges of the document's unfilled placeholders, in document order. */
export function placeholderRanges(result: LintResult): Range[] {
  return result.findings
    .filter((finding) => finding.rule === UNFILLED_PLACEHOLDER)
    .map((finding) => finding.range)
    .sort((a, b) => a.start.offset - b.start.offset || a.end.offset - b.end.offset);
}

/**
 * The placeholder to select from the cursor at `offset`: the first one starting after it (direction 1)
 * or the last one starting before it (direction -1), wrapping around at the document's ends.
 * Undefined when the document has none.
 */
export function nextPlaceholder(result: LintResult, offset: number, direction: 1 | -1): Range | undefined {
  const ranges = placeholderRanges(result);
  if (direction === 1) return ranges.find((range) => range.start.offset > offset) ?? ranges[0];
  for (let i = ranges.length - 1; i >= 0; i--) {
    const range = ranges[i] as Range;
    if (range.start.offset < offset) return range;
  }
  return ranges[ranges.length - 1];
}
