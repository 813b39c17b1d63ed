import type { TextEdit } from '../types';
import type { RowCells, Span } from '../text/rowCells';
import { trimSpan } from '../text/rowCells';

/** Appends empty cells to a row that is `missing` cells short, in the row's own pipe and spacing style. */
export function padRowEdit(row: string, rowStart: number, split: RowCells, missing: number): TextEdit {
  const cell = split.spaced ? '  |' : '|';
  const close = split.trailingPipe ? '' : split.spaced ? ' |' : '|';
  const at = rowStart + row.length;
  return { start: at, end: at, newText: close + cell.repeat(missing) };
}

/**
 * Folds the cells past the `keep`th into the `keep`th cell, escaping the pipes between them as `\|`
 * so no text is lost; empty cells at the end are dropped instead.
 */
export function mergeOverflowEdit(row: string, rowStart: number, split: RowCells, keep: number): TextEdit | undefined {
  const cells = split.cells;
  const lastKept = cells[keep - 1];
  const firstExtra = cells[keep];
  const lastCell = cells[cells.length - 1];
  if (!lastKept || !firstExtra || !lastCell) return undefined;
  const end = lastCell.end;
  const closing = split.trailingPipe && split.spaced ? ' ' : '';
  let lastFilled = cells.length - 1;
  while (lastFilled >= keep && isBlank(row, cells[lastFilled] as Span)) lastFilled--;
  if (lastFilled < keep) {
    const start = trimSpan(row, lastKept.start, lastKept.end).end;
    return { start: rowStart + start, end: rowStart + end, newText: closing };
  }
  const start = firstExtra.start - 1;
  const mergedEnd = trimSpan(row, start, (cells[lastFilled] as Span).end).end;
  const tail = lastFilled === cells.length - 1 ? row.slice(mergedEnd, end) : closing;
  const separators = new Set(cells.slice(keep, lastFilled + 1).map((cell) => cell.start - 1));
  let merged = '';
  for (let i = start; i < mergedEnd; i++) merged += separators.has(i) ? '\\|' : row[i];
  return { start: rowStart + start, end: rowStart + end, newText: merged + tail };
}

/** Rewrites a delimiter row to `count` cells, keeping the alignment of the cells it has. */
export function delimiterRowText(row: string, split: RowCells, count: number): string {
  const cells: string[] = [];
  for (let i = 0; i < count; i++) {
    const cell = split.cells[i];
    const text = cell ? row.slice(cell.start, cell.end).trim() : '';
    cells.push(text || '---');
  }
  const pad = split.spaced ? ' ' : '';
  const pipes = split.leadingPipe || split.trailingPipe || count === 1;
  const inner = cells.join(`${pad}|${pad}`);
  if (!pipes) return inner;
  return `${split.leadingPipe || !split.trailingPipe ? `|${pad}` : ''}${inner}${split.trailingPipe || !split.leadingPipe ? `${pad}|` : ''}`;
}

function isBlank(row: string, cell: Span): boolean {
  return row.slice(cell.start, cell.end).trim() === '';
}
