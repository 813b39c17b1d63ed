import type { Nodes, Table, TableCell } from 'mdast';
import type { ChunkParse } from '../../parse/chunkParse';
import { lastLineStart } from '../../parse/lines';
import { labelLines } from '../../placeholders/labelLines';
import type { SectionOccurrence } from '../../sections/sectionMap';

/** A span of the document: `start` inclusive, `end` exclusive. */
export interface Span {
  start: number;
  end: number;
}

/**
 * One thing the report says, as a reader sees it: a paragraph, a list item's line, a table row, a
 * code block or a front matter entry. Rules look for facts in these, wherever they are.
 */
export interface Statement extends Span {
  kind: 'text' | 'item' | 'row' | 'code' | 'frontMatter';
  /** Plain text: emphasis and code marks removed, whitespace collapsed; a row's cells joined by ` | `. */
  text: string;
  /** A bold label (`**Random seeds**: 42`), a table row's first cell, or a front matter key. */
  label: string | undefined;
  /** The text after the label (the whole text when there is none). */
  value: string;
  /** The innermost section of the kind that holds it; undefined in front matter and unrecognised parts. */
  section: SectionOccurrence | undefined;
  /** For a row: its table, and its cells. */
  table?: TableFact;
  cells?: readonly Cell[];
}

export interface Cell extends Span {
  text: string;
}

export interface TableFact extends Span {
  header: readonly Cell[];
  rows: readonly (readonly Cell[])[];
  /** The statement of each body row, in order. */
  statements: Statement[];
  section: SectionOccurrence | undefined;
}

/** What a test of a statement reads (see `StatementTest` in reportFacts.ts). */
export type StatementText = Pick<Statement, 'kind' | 'text' | 'label' | 'value' | 'start' | 'end'>;

/** A statement as its chunk holds it: offsets in the chunk, its table by index in the chunk. */
export interface ChunkStatement extends Omit<Statement, 'section' | 'table'> {
  table?: number;
}

export interface ChunkTable extends Span {
  header: Cell[];
  rows: Cell[][];
  /** The rows go on a table that an earlier chunk started (a long table split into chunks). */
  continued: boolean;
}

export interface ChunkText {
  statements: ChunkStatement[];
  tables: ChunkTable[];
}

/**
 * A chunk's statements and tables as offsets in its text: the statements' strings, most of the facts'
 * memory, are made again from the text when read (`decodeStatement`, `decodeTable`). One typed array
 * (4 bytes a number, where an array of small integers takes 8): four counts (statements, cells, rows, tables), then per statement `STATEMENT` numbers
 * (kind, start, end, label start and end, value start and end, and a row's index or a code block's
 * index in `codes`), per cell `CELL` (start, end, whether it has text), per row `ROW` (first cell,
 * cell count, table), per table `TABLE` (start, end, continued, header's first cell and cell count).
 */
export interface CompactText {
  numbers: Int32Array;
  /** Code blocks' texts (a code block's value is not a slice of the source). */
  codes: readonly string[];
}

const STATEMENT = 8;
const CELL = 3;
const ROW = 3;
const TABLE = 5;
const KINDS = ['text', 'item', 'row', 'code'] as const;
type ChunkKind = (typeof KINDS)[number];

/**
 * How much of a code block the rules read for facts (a seed in a config, `torch==2.3.1` in a
 * requirements list): its start. A pasted log of thousands of lines is read no further, so that
 * editing it stays fast; the README says so.
 */
const CODE_FACT_CHARACTERS = 10_000;

const NO_CODES: readonly string[] = Object.freeze([]);

/** Reads a chunk's statements and tables from its tree. */
export function compactText(parse: ChunkParse): CompactText {
  const { text } = parse;
  const statements: number[][] = [];
  const cells: number[] = [];
  const rows: number[] = [];
  const tables: number[] = [];
  const codes: string[] = [];
  const addCell = (cell: TableCell, tableStart: number): void => {
    const first = cell.children[0]?.position?.start.offset;
    const last = cell.children[cell.children.length - 1]?.position?.end.offset;
    const cellStart = first ?? cell.position?.start.offset ?? tableStart;
    cells.push(cellStart, last ?? cellStart, first === undefined ? 0 : 1);
  };
  const addTable = (node: Table, start: number, end: number): void => {
    const continued = node.data?.continued === true;
    const headerRow = continued ? undefined : node.children[0];
    if (!continued && !headerRow) return;
    const table = tables.length / TABLE;
    const headerFirst = cells.length / CELL;
    if (headerRow) for (const cell of headerRow.children) addCell(cell, start);
    tables.push(start, end, continued ? 1 : 0, headerFirst, cells.length / CELL - headerFirst);
    for (const row of continued ? node.children : node.children.slice(1)) {
      const first = cells.length / CELL;
      for (const cell of row.children) addCell(cell, start);
      const index = rows.length / ROW;
      rows.push(first, cells.length / CELL - first, table);
      const rowStart = row.position?.start.offset;
      const rowEnd = row.position?.end.offset;
      if (rowStart !== undefined && rowEnd !== undefined) statements.push([KINDS.indexOf('row'), rowStart, rowEnd, -1, -1, -1, -1, index]);
    }
  };
  const stack: { node: Nodes; inItem: boolean }[] = [{ node: parse.tree, inItem: false }];
  for (let item = stack.pop(); item; item = stack.pop()) {
    const { node, inItem } = item;
    const start = node.position?.start.offset;
    const end = node.position?.end.offset;
    if (node.type === 'paragraph' && start !== undefined && end !== undefined) {
      statements.push(...paragraphStatements(text, start, end, inItem ? 'item' : 'text'));
    } else if (node.type === 'table' && start !== undefined && end !== undefined) {
      addTable(node, start, end);
    } else if (node.type === 'code' && start !== undefined && end !== undefined) {
      statements.push([KINDS.indexOf('code'), start, end, -1, -1, -1, -1, codes.length]);
      codes.push(node.value.slice(0, CODE_FACT_CHARACTERS).replace(/\s+/g, ' ').trim());
    } else if (node.type === 'root' || node.type === 'blockquote' || node.type === 'list' || node.type === 'listItem' || node.type === 'footnoteDefinition') {
      const nested = inItem || node.type === 'listItem';
      for (let i = node.children.length - 1; i >= 0; i--) stack.push({ node: node.children[i] as Nodes, inItem: nested });
    }
  }
  statements.sort((a, b) => (a[1] as number) - (b[1] as number));
  const numbers = new Int32Array(4 + statements.length * STATEMENT + cells.length + rows.length + tables.length);
  numbers[0] = statements.length;
  numbers[1] = cells.length / CELL;
  numbers[2] = rows.length / ROW;
  numbers[3] = tables.length / TABLE;
  let at = 4;
  for (const part of [...statements, cells, rows, tables]) for (const number of part) numbers[at++] = number;
  return { numbers, codes: codes.length > 0 ? codes.slice() : NO_CODES };
}

/** A paragraph of `**Label**: value` lines gives one statement per line; any other paragraph one statement. */
function paragraphStatements(text: string, start: number, end: number, kind: 'text' | 'item'): number[][] {
  const code = KINDS.indexOf(kind);
  const labelled = labelLines(text, start, end);
  if (labelled.length === 0) return [[code, start, end, -1, -1, -1, -1, 0]];
  const statements: number[][] = [];
  const lead = labelled[0] as (typeof labelled)[number];
  const leadLine = lastLineStart(text, lead.label.start);
  if (leadLine > start && plain(text.slice(start, leadLine))) statements.push([code, start, leadLine, -1, -1, -1, -1, 0]);
  labelled.forEach((line, index) => {
    const next = labelled[index + 1];
    const lineEnd = next ? Math.max(start, lastLineStart(text, next.label.start)) : end;
    const valueEnd = trimEnd(text, lineEnd);
    const value = line.value ? [line.value.start, Math.max(line.value.end, valueEnd)] : [-1, -1];
    statements.push([code, Math.max(start, lastLineStart(text, line.label.start)), valueEnd, line.label.start, line.label.end, value[0] as number, value[1] as number, 0]);
  });
  return statements;
}

export function statementCount(compact: CompactText): number {
  return compact.numbers[0] as number;
}

export function tableCount(compact: CompactText): number {
  return compact.numbers[3] as number;
}

/** Where the statement with this index starts in its chunk. */
export function statementStart(compact: CompactText, index: number): number {
  return compact.numbers[4 + index * STATEMENT + 1] as number;
}

/** The index of the table whose row the statement is, if it is a row. */
export function statementTable(compact: CompactText, index: number): number | undefined {
  const at = 4 + index * STATEMENT;
  const { numbers } = compact;
  return KINDS[numbers[at] as number] === 'row' ? (numbers[rowsAt(compact) + (numbers[at + 7] as number) * ROW + 2] as number) : undefined;
}

export function tableStart(compact: CompactText, index: number): number {
  return compact.numbers[tablesAt(compact) + index * TABLE] as number;
}

export function tableEnd(compact: CompactText, index: number): number {
  return compact.numbers[tablesAt(compact) + index * TABLE + 1] as number;
}

/** The header cells of the table with this index (none for a continued table). */
export function decodeHeader(compact: CompactText, text: string, index: number): Cell[] {
  const at = tablesAt(compact) + index * TABLE;
  return decodeCells(compact, text, compact.numbers[at + 3] as number, compact.numbers[at + 4] as number);
}

export function tableContinued(compact: CompactText, index: number): boolean {
  return compact.numbers[tablesAt(compact) + index * TABLE + 2] === 1;
}

/** The statement with this index, its strings made from the chunk's text. */
export function decodeStatement(compact: CompactText, text: string, index: number): ChunkStatement {
  const { numbers } = compact;
  const at = 4 + index * STATEMENT;
  const kind = KINDS[numbers[at] as number] as ChunkKind;
  const start = numbers[at + 1] as number;
  const end = numbers[at + 2] as number;
  const aux = numbers[at + 7] as number;
  if (kind === 'code') {
    const value = compact.codes[aux] as string;
    return { kind, text: value, label: undefined, value, start, end };
  }
  if (kind === 'row') {
    const row = rowsAt(compact) + aux * ROW;
    const cells = decodeCells(compact, text, numbers[row] as number, numbers[row + 1] as number);
    const label = cells[0]?.text ?? '';
    const value = cells.slice(1).map((cell) => cell.text).join(' | ');
    return { kind, text: `${label} | ${value}`, label, value, start, end, table: numbers[row + 2] as number, cells };
  }
  const labelStart = numbers[at + 3] as number;
  if (labelStart < 0) {
    const value = plain(text.slice(start, end));
    return { kind, text: value, label: undefined, value, start, end };
  }
  const label = plain(text.slice(labelStart, numbers[at + 4] as number));
  const valueStart = numbers[at + 5] as number;
  const value = valueStart < 0 ? '' : plain(text.slice(valueStart, numbers[at + 6] as number));
  return { kind, text: value ? `${label}: ${value}` : label, label, value, start, end };
}

/** The table with this index, its cells' strings made from the chunk's text. */
export function decodeTable(compact: CompactText, text: string, index: number): ChunkTable {
  const { numbers } = compact;
  const at = tablesAt(compact) + index * TABLE;
  const rows: Cell[][] = [];
  const rowCount = numbers[2] as number;
  for (let row = 0, rowAt = rowsAt(compact); row < rowCount; row++, rowAt += ROW) {
    if (numbers[rowAt + 2] === index) rows.push(decodeCells(compact, text, numbers[rowAt] as number, numbers[rowAt + 1] as number));
  }
  return {
    start: numbers[at] as number,
    end: numbers[at + 1] as number,
    header: decodeHeader(compact, text, index),
    rows,
    continued: numbers[at + 2] === 1,
  };
}

/** Every statement and table of the chunk. */
export function decodeAll(compact: CompactText, text: string): ChunkText {
  const statements: ChunkStatement[] = [];
  const tables: ChunkTable[] = [];
  for (let index = 0; index < statementCount(compact); index++) statements.push(decodeStatement(compact, text, index));
  for (let index = 0; index < tableCount(compact); index++) tables.push(decodeTable(compact, text, index));
  return { statements, tables };
}

function decodeCells(compact: CompactText, text: string, first: number, count: number): Cell[] {
  const { numbers } = compact;
  const cells: Cell[] = [];
  for (let cell = 0, at = cellsAt(compact) + first * CELL; cell < count; cell++, at += CELL) {
    const start = numbers[at] as number;
    const end = numbers[at + 1] as number;
    cells.push({ text: numbers[at + 2] === 1 ? plain(text.slice(start, end)) : '', start, end });
  }
  return cells;
}

function cellsAt(compact: CompactText): number {
  return 4 + (compact.numbers[0] as number) * STATEMENT;
}

function rowsAt(compact: CompactText): number {
  return cellsAt(compact) + (compact.numbers[1] as number) * CELL;
}

function tablesAt(compact: CompactText): number {
  return rowsAt(compact) + (compact.numbers[2] as number) * ROW;
}

/** Plain text of Markdown source: no emphasis or code marks, escapes resolved, whitespace collapsed. */
export function plain(source: string): string {
  return source
    .replace(/\\([\\|*_`[\]()#!<>~-])/g, '$1')
    .replace(/\*\*|__|\*|`/g, '')
    .replace(/<br\s*\/?>/gi, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** The offset before the whitespace that ends the text up to `end`. */
export function trimEnd(text: string, end: number): number {
  let at = end;
  while (at > 0 && /\s/.test(text.charAt(at - 1))) at--;
  return at;
}
