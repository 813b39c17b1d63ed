/** A number as a report writes it: `63,349`, `15.6k`, `1.2M`, `4 000`. */
export interface WrittenNumber {
  value: number;
  /** False for `15.6k`-style values, which are rounded. */
  exact: boolean;
  /** The text that was read. */
  text: string;
}

const COUNT = /(?<![\w.])~?\s*(\d{1,3}(?:[,\u202f\u00a0]\d{3})+|\d+)(?:\.(\d+))?(?:([kKmMbB])(?![A-Za-z]))?(?![\d.,]*\d)(?!\s*(?:%|GB|MB|TB|KB|GiB|MiB|h\b|hours?|min|ms|s\b|seconds?|tokens?|B\b|params|parameters|epochs?|languages?|classes|labels|features|columns|dims?))/g;

/** The counts a text states (numbers that are not percentages, sizes in bytes, durations or tokens). */
export function countsIn(text: string): WrittenNumber[] {
  const counts: WrittenNumber[] = [];
  for (const match of text.matchAll(COUNT)) {
    const whole = Number((match[1] as string).replace(/[,\u202f\u00a0]/g, ''));
    const fraction = match[2];
    const suffix = match[3]?.toLowerCase();
    const scale = suffix === 'k' ? 1e3 : suffix === 'm' ? 1e6 : suffix === 'b' ? 1e9 : 1;
    if (fraction !== undefined && scale === 1) continue;
    const value = (whole + (fraction ? Number(`0.${fraction}`) : 0)) * scale;
    counts.push({ value, exact: scale === 1, text: match[0].trim() });
  }
  return counts;
}

/** The first count a text starts with (a table cell such as `63,349` or `15.6k sentences`). */
export function leadingCount(text: string): WrittenNumber | undefined {
  const trimmed = text.trim();
  const first = countsIn(trimmed)[0];
  return first && trimmed.replace(/^~\s*/, '').startsWith(first.text.replace(/^~\s*/, '')) ? first : undefined;
}

/** A percentage and the size of its last written digit: `92.9%` → 92.9, unit 0.1. */
export interface Percentage {
  value: number;
  unit: number;
}

export function percentageIn(text: string): Percentage | undefined {
  const match = /(\d+(?:\.(\d+))?)\s*%/.exec(text);
  if (!match) return undefined;
  return { value: Number(match[1]), unit: 10 ** -(match[2]?.length ?? 0) };
}

export function formatCount(value: number): string {
  return Math.round(value).toLocaleString('en-US');
}
