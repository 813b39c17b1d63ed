import type { Nodes, Table } from 'mdast';
import type { ChunkParse } from '../../src/core/parse/chunkParse';
import { labelLines } from '../../src/core/placeholders/labelLines';
import type { Cell, ChunkStatement, ChunkTable, ChunkText } from '../../src/core/rules/facts/reportText';
import { plain, trimEnd } from '../../src/core/rules/facts/reportText';
import { lastLineStart } from '../../src/core/parse/lines';

const CODE_FACT_CHARACTERS = 10_000;

/**
 * The reference for the facts index's compact statements: a chunk's statements and tables read
 * straight from its tree, as objects with their strings (how the index read them before it kept
 * offsets only). Tests compare what the index decodes with this.
 */
export function referenceChunkText(parse: ChunkParse): ChunkText {
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
  if (lastLineStart(text, lead.label.start) > start) {
    const value = plain(text.slice(start, lastLineStart(text, lead.label.start)));
    if (value) statements.push({ kind, text: value, label: undefined, value, start, end: lastLineStart(text, lead.label.start) });
  }
  labelled.forEach((line, index) => {
    const next = labelled[index + 1];
    const lineEnd = next ? Math.max(start, lastLineStart(text, next.label.start)) : end;
    const label = plain(text.slice(line.label.start, line.label.end));
    const valueEnd = trimEnd(text, lineEnd);
    const value = line.value ? plain(text.slice(line.value.start, Math.max(line.value.end, valueEnd))) : '';
    statements.push({ kind, text: value ? `${label}: ${value}` : label, label, value, start: Math.max(start, lastLineStart(text, line.label.start)), end: valueEnd });
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
