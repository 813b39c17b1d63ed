/**
 * Turns template text into VS Code snippet syntax: `{{TITLE}}` becomes the first tab stop,
 * `{{AUTHORS}}` the next, other `{{NAME}}` slots and the given filler ranges further ones;
 * `{{DATE}}` becomes a date. Every occurrence of a slot shares its tab stop, so typing the title
 * once fills the front matter and the `#` heading alike. A tab stop's default is the text it
 * replaces (`{{TITLE}}`, `Finding 1`), so a slot the user skips stays a placeholder the linter reports.
 * A choice list the template offers (`Draft / Final / In Review`) becomes a snippet choice
 * (`${3|Draft,Final,In Review|}`), a tab stop in text order among the slots.
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
  /** The kind's choice lists (`Draft / Final / In Review`): where one stands in the text, or is a stop's text, it becomes a choice. */
  choices?: readonly string[];
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
  /** A choice list's options. */
  options?: readonly string[];
}

export function toSnippet(text: string, options: SnippetOptions = {}): string {
  const pieces = collectPieces(text, options.stops ?? [], options.choices ?? []);
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
    out += piece.options
      ? `\${${index ?? 0}|${piece.options.map(escapeChoice).join(',')}|}`
      : `\${${index ?? 0}:${escapeSnippet(text.slice(piece.start, piece.end))}}`;
  });
  return out + escapeSnippet(text.slice(at));
}

/** Escapes text so a snippet inserts it literally (also inside a placeholder's default). */
export function escapeSnippet(text: string): string {
  return text.replace(/[\\$}]/g, '\\$&');
}

/** Escapes one option of a snippet choice. */
function escapeChoice(option: string): string {
  return option.replace(/[\\$}|,]/g, '\\$&');
}

/** A choice list's options: `Draft / Final / In Review` → Draft, Final, In Review. */
export function choiceOptions(choice: string): string[] {
  return choice.split(' / ').map((option) => option.trim()).filter((option) => option !== '');
}

/** Where a choice list stands alone as a value: after `: ` or at a line's start, up to the line's end. */
function choicePieces(text: string, choices: readonly string[]): Piece[] {
  const pieces: Piece[] = [];
  for (const choice of choices) {
    const options = choiceOptions(choice);
    if (options.length < 2) continue;
    for (let at = text.indexOf(choice); at >= 0; at = text.indexOf(choice, at + choice.length)) {
      const end = at + choice.length;
      const before = text.slice(text.lastIndexOf('\n', at - 1) + 1, at);
      const after = text.slice(end, end + 2);
      if ((before.trim() === '' || before.endsWith(': ')) && (after === '' || after.startsWith('\n') || after.startsWith('\r'))) {
        pieces.push({ start: at, end, slot: undefined, options });
      }
    }
  }
  return pieces;
}

function collectPieces(text: string, stops: readonly SnippetStop[], choices: readonly string[]): Piece[] {
  const slots: Piece[] = [...text.matchAll(SLOT)].map((match) => ({
    start: match.index,
    end: match.index + match[0].length,
    slot: match[1],
  }));
  const pieces = [...slots];
  for (const choice of choicePieces(text, choices)) {
    if (!pieces.some((piece) => choice.start < piece.end && piece.start < choice.end)) pieces.push(choice);
  }
  const sorted = stops
    .filter((stop) => stop.start >= 0 && stop.end <= text.length && stop.end > stop.start)
    .map((stop) => ({ start: stop.start, end: stop.end, slot: undefined }))
    .sort((a, b) => a.start - b.start || b.end - a.end);
  for (const stop of sorted) {
    if (!pieces.some((piece) => stop.start < piece.end && piece.start < stop.end)) pieces.push(stop);
  }
  const byText = new Map(choices.map((choice) => [choice, choiceOptions(choice)]));
  for (const piece of pieces) {
    const options = piece.slot === undefined && !piece.options ? byText.get(text.slice(piece.start, piece.end)) : undefined;
    if (options && options.length > 1) piece.options = options;
  }
  return pieces.sort((a, b) => a.start - b.start);
}

/** Tab stop numbers: title and authors first, then the other slots and the choices in text order, then filler. */
function assignIndices(pieces: readonly Piece[]): { slots: Map<string, number>; stops: Map<number, number> } {
  const slots = new Map<string, number>();
  const stops = new Map<number, number>();
  let next = 1;
  const names = new Set(pieces.map((piece) => piece.slot));
  for (const name of FIRST_SLOTS) if (names.has(name)) slots.set(name, next++);
  pieces.forEach((piece, position) => {
    if (piece.options) stops.set(position, next++);
    else if (piece.slot !== undefined && piece.slot !== DATE_SLOT && !slots.has(piece.slot)) slots.set(piece.slot, next++);
  });
  pieces.forEach((piece, position) => {
    if (piece.slot === undefined && !piece.options) stops.set(position, next++);
  });
  return { slots, stops };
}
