import type { Nodes, Table } from 'mdast';
import type { ChunkParse } from '../../parse/chunkParse';
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

const byChunk = new WeakMap<ChunkParse, ChunkText>();

/**
 * How much of a code block the rules read for facts (a seed in a config, `torch==2.3.1` in a
 * requirements list): its start. A pasted log of thousands of lines is read no further, so that
 * editing it stays fast; the README says so.
 */
const CODE_FACT_CHARACTERS = 10_000;

/** A chunk's statements and tables, in order; computed once per parse. */
export function chunkText(parse: ChunkParse): ChunkText {
  let own = byChunk.get(parse);
  if (!own) {
    own = readChunk(parse);
    byChunk.set(parse, own);
  }
  return own;
}

function readChunk(parse: ChunkParse): ChunkText {
  const { text } = parse;
  const result: ChunkText = { statements: [], tables: [] };
  const stack: { node: Nodes; inItem: boolean }[] = [{ node: parse.tree, inItem: false }];
  for (let item = stack.pop(); item; item = stack.pop()) {
    const { node, inItem } = item;
    const start = node.position?.start.offset;
    const end = node.position?.end.offset;
    if (node.type === 'paragraph' && start !== undefined && end !== undefined) {
      result.statements.push(...paragraphStatements(text, start, end, inItem ? 'item' : 'text'));
    } else if (node.type === 'table' && start !== undefined && end !== undefined) {
      addTable(text, node, start, end, result);
    } else if (node.type === 'code' && start !== undefined && end !== undefined) {
      const value = node.value.slice(0, CODE_FACT_CHARACTERS).replace(/\s+/g, ' ').trim();
      result.statements.push({ kind: 'code', text: value, label: undefined, value, start, end });
    } else if (node.type === 'root' || node.type === 'blockquote' || node.type === 'list' || node.type === 'listItem' || node.type === 'footnoteDefinition') {
      const nested = inItem || node.type === 'listItem';
      for (let i = node.children.length - 1; i >= 0; i--) stack.push({ node: node.children[i] as Nodes, inItem: nested });
    }
  }
  result.statements.sort((a, b) => a.start - b.start);
  return result;
}

/** A paragraph of `**Label**: value` lines gives one statement per line; any other paragraph one statement. */
function paragraphStatements(text: string, start: number, end: number, kind: 'text' | 'item'): ChunkStatement[] {
  const labelled = labelLines(text, start, end);
  if (labelled.length === 0) {
    const value = plain(text.slice(start, end));
    return [{ kind, text: value, label: undefined, value, start, end }];
  }
  const statements: ChunkStatement[] = [];
  const lead = labelled[0] as (typeof labelled)[number];
  if (lineStartOf(text, lead.label.start) > start) {
    const value = plain(text.slice(start, lineStartOf(text, lead.label.start)));
    if (value) statements.push({ kind, text: value, label: undefined, value, start, end: lineStartOf(text, lead.label.start) });
  }
  labelled.forEach((line, index) => {
    const next = labelled[index + 1];
    const lineEnd = next ? Math.max(start, lineStartOf(text, next.label.start)) : end;
    const label = plain(text.slice(line.label.start, line.label.end));
    const valueEnd = trimEnd(text, lineEnd);
    const value = line.value ? plain(text.slice(line.value.start, Math.max(line.value.end, valueEnd))) : '';
    statements.push({ kind, text: value ? `${label}: ${value}` : label, label, value, start: Math.max(start, lineStartOf(text, line.label.start)), end: valueEnd });
  });
  return statements;
}

function addTable(text: string, node: Table, start: number, end: number, result: ChunkText): void {
  const continued = node.data?.continued === true;
  const headerRow = continued ? undefined : node.children[0];
  const bodyRows = continued ? node.children : node.children.slice(1);
  if (!continued && !headerRow) return;
  const cellsOf = (row: (typeof node.children)[number]): Cell[] => row.children.map((cell) => {
    const first = cell.children[0]?.position?.start.offset;
    const last = cell.children[cell.children.length - 1]?.position?.end.offset;
    const cellStart = first ?? cell.position?.start.offset ?? start;
    const cellEnd = last ?? cellStart;
    return { text: first === undefined ? '' : plain(text.slice(cellStart, cellEnd)), start: cellStart, end: cellEnd };
  });
  const index = result.tables.length;
  const table: ChunkTable = { start, end, header: headerRow ? cellsOf(headerRow) : [], rows: [], continued };
  result.tables.push(table);
  for (const row of bodyRows) {
    const cells = cellsOf(row);
    table.rows.push(cells);
    const rowStart = row.position?.start.offset;
    const rowEnd = row.position?.end.offset;
    if (rowStart === undefined || rowEnd === undefined) continue;
    const label = cells[0]?.text ?? '';
    const value = cells.slice(1).map((cell) => cell.text).join(' | ');
    result.statements.push({ kind: 'row', text: `${label} | ${value}`, label, value, start: rowStart, end: rowEnd, table: index, cells });
  }
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

function lineStartOf(text: string, offset: number): number {
  let at = offset;
  while (at > 0 && text.charCodeAt(at - 1) !== 10 && text.charCodeAt(at - 1) !== 13) at--;
  return at;
}

function trimEnd(text: string, end: number): number {
  let at = end;
  while (at > 0 && /\s/.test(text.charAt(at - 1))) at--;
  return at;
}
