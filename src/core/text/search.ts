/**
 * The first index in `0..length` at which `isAtOrAfter` holds, for a test that is false up to some
 * index and true from there on (`length` when it never holds): a binary search.
 */
export function firstIndexWhere(length: number, isAtOrAfter: (index: number) => boolean): number {
  let low = 0;
  let high = length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (isAtOrAfter(mid)) high = mid;
    else low = mid + 1;
  }
  return low;
}

/** The index of the first value not below `value` in an ascending list. */
export function lowerBound(sorted: ArrayLike<number>, value: number): number {
  return firstIndexWhere(sorted.length, (index) => (sorted[index] as number) >= value);
}
