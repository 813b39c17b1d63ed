/** A span of a string: `start` inclusive, `end` exclusive. */
export interface Span {
  start: number;
  end: number;
}

/** How a table row line splits into cells, as GFM splits it. Offsets are relative to the row text. */
export interface RowCells {
  /** Each cell's text between its separating pipes, surrounding spaces included. */
  cells: Span[];
  leadingPipe: boolean;
  trailingPipe: boolean;
  /** Whether the row pads its pipes with spaces (`| a | b |` rather than `|a|b|`). */
  spaced: boolean;
}

const BACKSLASH = 92;
const PIPE = 124;

/**
 * Splits one row, trimmed of surrounding whitespace, at its unescaped pipes. As in GFM, `\|` is no
 * separator, pipes inside code spans still are, and leading and trailing pipes are optional.
 */
export function splitRow(row: string): RowCells {
  const pipes: number[] = [];
  for (let i = 0; i < row.length; i++) {
    const code = row.charCodeAt(i);
    if (code === BACKSLASH) i++;
    else if (code === PIPE) pipes.push(i);
  }
  const leadingPipe = pipes[0] === 0;
  const last = pipes[pipes.length - 1];
  const trailingPipe = last === row.length - 1 && !(leadingPipe && pipes.length === 1);
  const separators = pipes.slice(leadingPipe ? 1 : 0, trailingPipe ? -1 : undefined);
  const cells: Span[] = [];
  let start = leadingPipe ? 1 : 0;
  for (const pipe of separators) {
    cells.push({ start, end: pipe });
    start = pipe + 1;
  }
  cells.push({ start, end: trailingPipe ? row.length - 1 : row.length });
  const spaced = pipes.length === 0 || pipes.some((pipe) => isSpace(row.charCodeAt(pipe + 1)) || isSpace(row.charCodeAt(pipe - 1)));
  return { cells, leadingPipe, trailingPipe, spaced };
}

/** Whether the row has at least one unescaped pipe. */
export function hasPipe(row: string): boolean {
  for (let i = 0; i < row.length; i++) {
    const code = row.charCodeAt(i);
    if (code === BACKSLASH) i++;
    else if (code === PIPE) return true;
  }
  return false;
}

const DELIMITER_CELL = /^[ \t]*:?-+:?[ \t]*$/;

/** Whether a row is a GFM delimiter row (`|---|:--:|`): it has a pipe and every cell is dashes with optional colons. */
export function isDelimiterRow(row: string, split: RowCells): boolean {
  return hasPipe(row) && split.cells.every((cell) => DELIMITER_CELL.test(row.slice(cell.start, cell.end)));
}

export function isSpace(code: number): boolean {
  return code === 32 || code === 9;
}

/** The span of `text` between `start` and `end` without surrounding spaces and tabs. */
export function trimSpan(text: string, start: number, end: number): Span {
  let from = start;
  let to = end;
  while (from < to && isSpace(text.charCodeAt(from))) from++;
  while (to > from && isSpace(text.charCodeAt(to - 1))) to--;
  return { start: from, end: to };
}
