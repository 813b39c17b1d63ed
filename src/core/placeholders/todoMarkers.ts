import type { Span } from './spans';

export interface TodoMarker extends Span {
  text: string;
}

/**
 * The words writers leave for work still to do, upper case and standing alone: `TODO`, `TBD`, `FIXME`,
 * `XXX`. A `TODO:` label or `(TBD)` counts; `todo list`, `TODOs` or `XXXL` do not.
 */
const WORD_MARKER = /(?<![\p{L}\p{N}_-])(?:TODO|TBD|FIXME|XXX)(?![\p{L}\p{N}_-])/gu;

/**
 * `??` (or more) standing for a value: after a space, a bracket, a colon or the start, and before a space,
 * closing punctuation or the end: `Accuracy: ??`, `(??)`, `?? GPUs`. A real question (`really??`) follows
 * a word, and a URL's query (`/search??x`) is not preceded by a space, so neither counts.
 */
const QUESTION_MARKER = /(?<=^|[\s([{:|=])\?{2,}(?=$|[\s)\]}.,;:!%])/gu;

/** To-do markers in `text` between two offsets, in order. */
export function todoMarkers(text: string, start: number, end: number): TodoMarker[] {
  const source = text.slice(start, end);
  const found: TodoMarker[] = [];
  for (const pattern of [WORD_MARKER, QUESTION_MARKER]) {
    pattern.lastIndex = 0;
    for (const match of source.matchAll(pattern)) {
      if (insideUrl(source, match.index)) continue;
      found.push({ start: start + match.index, end: start + match.index + match[0].length, text: match[0] });
    }
  }
  return found.sort((a, b) => a.start - b.start);
}

/** Whether an offset of a text lies in a bare URL (a word holding `://` or starting `www.`). */
function insideUrl(source: string, at: number): boolean {
  let from = at;
  while (from > 0 && !/\s/.test(source[from - 1] as string)) from--;
  const word = source.slice(from, at);
  return word.includes('://') || word.startsWith('www.');
}
