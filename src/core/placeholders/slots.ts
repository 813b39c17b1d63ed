import type { Span } from './spans';

/**
 * `{{NAME}}` slots: a name of letters, digits, `_`, `.` or `-`, optionally padded with spaces
 * (`{{ model.name }}`). Every quantifier is bounded, so a match attempt costs a constant and the
 * scan stays linear however many `{{` the text holds.
 */
const SLOT = /\{\{[ \t]{0,8}[A-Za-z_][A-Za-z0-9_.-]{0,63}[ \t]{0,8}\}\}/g;

/** Slots in `text` outside the `skip` spans (code), which must be sorted by start and not overlap. */
export function findSlots(text: string, skip: readonly Span[]): Span[] {
  const found: Span[] = [];
  let next = 0;
  for (const match of text.matchAll(SLOT)) {
    const start = match.index;
    const end = start + match[0].length;
    while (next < skip.length && (skip[next] as Span).end <= start) next++;
    const code = skip[next];
    if (code && code.start < end) continue;
    found.push({ start, end });
  }
  return found;
}
