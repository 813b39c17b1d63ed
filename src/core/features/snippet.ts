/**
 * Turns template text into VS Code snippet syntax: `{{TITLE}}` becomes the first tab stop,
 * `{{AUTHORS}}` the next, other `{{NAME}}` slots and the given filler ranges further ones;
 * `{{DATE}}` becomes a date. Every occurrence of a slot shares its tab stop, so typing the title
 * once fills the front matter and the `#` heading alike. A tab stop's default is the text it
 * replaces (`{{TITLE}}`, `Finding 1`), so a slot the user skips stays a placeholder the linter reports.
 */

/** A range of the text (offsets) whose text becomes a tab stop's default. */
export interface SnippetStop {
  start: number;
  end: number;
}

export interface SnippetOptions {
  /** Replaces `{{DATE}}`. Without it the snippet uses VS Code's date variables, so it is dated when inserted. */
  date?: string;
  /** Filler that becomes tab stops after the slots, in text order. Ranges overlapping a slot or an earlier stop are dropped. */
  stops?: readonly SnippetStop[];
}

const SLOT = /\{\{([A-Za-z][A-Za-z0-9_]*)\}\}/g;
const FIRST_SLOTS = ['TITLE', 'AUTHORS'];
const DATE_SLOT = 'DATE';
const DATE_VARIABLES = '$CURRENT_YEAR-$CURRENT_MONTH-$CURRENT_DATE';

interface Piece {
  start: number;
  end: number;
  /** The slot's name, or undefined for a filler stop. */
  slot: string | undefined;
}

export function toSnippet(text: string, options: SnippetOptions = {}): string {
  const pieces = collectPieces(text, options.stops ?? []);
  const indices = assignIndices(pieces);
  let out = '';
  let at = 0;
  pieces.forEach((piece, position) => {
    out += escapeSnippet(text.slice(at, piece.start));
    at = piece.end;
    if (piece.slot === DATE_SLOT) {
      out += options.date === undefined ? DATE_VARIABLES : escapeSnippet(options.date);
      return;
    }
    const index = piece.slot === undefined ? indices.stops.get(position) : indices.slots.get(piece.slot);
    out += `\${${index ?? 0}:${escapeSnippet(text.slice(piece.start, piece.end))}}`;
  });
  return out + escapeSnippet(text.slice(at));
}

/** Escapes text so a snippet inserts it literally (also inside a placeholder's default). */
export function escapeSnippet(text: string): string {
  return text.replace(/[\\$}]/g, '\\$&');
}

function collectPieces(text: string, stops: readonly SnippetStop[]): Piece[] {
  const slots: Piece[] = [...text.matchAll(SLOT)].map((match) => ({
    start: match.index,
    end: match.index + match[0].length,
    slot: match[1],
  }));
  const pieces = [...slots];
  const sorted = stops
    .filter((stop) => stop.start >= 0 && stop.end <= text.length && stop.end > stop.start)
    .map((stop) => ({ start: stop.start, end: stop.end, slot: undefined }))
    .sort((a, b) => a.start - b.start || b.end - a.end);
  for (const stop of sorted) {
    if (!pieces.some((piece) => stop.start < piece.end && piece.start < stop.end)) pieces.push(stop);
  }
  return pieces.sort((a, b) => a.start - b.start);
}

function assignIndices(pieces: readonly Piece[]): { slots: Map<string, number>; stops: Map<number, number> } {
  const names = pieces.map((piece) => piece.slot).filter((slot): slot is string => slot !== undefined && slot !== DATE_SLOT);
  const ordered = [...FIRST_SLOTS.filter((name) => names.includes(name)), ...names.filter((name) => !FIRST_SLOTS.includes(name))];
  const slots = new Map<string, number>();
  for (const name of ordered) if (!slots.has(name)) slots.set(name, slots.size + 1);
  const stops = new Map<number, number>();
  let next = slots.size + 1;
  pieces.forEach((piece, position) => {
    if (piece.slot === undefined) stops.set(position, next++);
  });
  return { slots, stops };
}
