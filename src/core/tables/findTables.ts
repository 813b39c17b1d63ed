import type { ListItem, Nodes, Paragraph, Root, Table } from 'mdast';
import type { RowCells, Span } from '../text/rowCells';
import { hasPipe, isDelimiterRow, isSpace, splitRow, trimSpan } from '../text/rowCells';

/** One row of a table in the source: its text (trimmed, on one line) and where it sits in the parsed text. */
export interface SourceRow extends Span {
  text: string;
  /** Cell count: the parser's for a rendered table, GFM's splitting rule for a table that does not render. */
  cellCount: number;
}

/**
 * A table as written: the header, the delimiter row when it is broken, and the body rows. A table
 * whose rows continue one in an earlier chunk (see chunks.ts) has no header here, only its columns.
 */
export interface SourceTable {
  header: SourceRow | undefined;
  /** The header's cell count. */
  columns: number;
  /** Set when the delimiter row's cell count differs from the header's, so GFM renders no table. */
  brokenDelimiter: (SourceRow & { split: RowCells }) | undefined;
  body: SourceRow[];
}

/**
 * Finds every table of a parse: the tables remark built, and the header and delimiter lines inside
 * paragraphs whose cell counts differ (GFM then renders a paragraph, so only the source shows them).
 * Code, HTML and front matter are never looked into; block quote markers are stripped from lines.
 */
export function findTables(tree: Root, text: string): SourceTable[] {
  const tables: SourceTable[] = [];
  const stack: Container[] = [{ node: tree, quotes: 0, indent: 0 }];
  while (stack.length > 0) {
    const { node, quotes, indent } = stack.pop() as Container;
    if (node.type === 'table') {
      const table = renderedTable(node, text);
      if (table) tables.push(table);
    } else if (node.type === 'paragraph') {
      tables.push(...brokenTables(node, text, { quotes, indent }));
    } else if (node.type === 'root' || node.type === 'blockquote' || node.type === 'list' || node.type === 'listItem' || node.type === 'footnoteDefinition') {
      const inner = {
        quotes: node.type === 'blockquote' ? quotes + 1 : quotes,
        indent: node.type === 'listItem' ? contentIndent(node, text) ?? indent : indent,
      };
      for (let i = node.children.length - 1; i >= 0; i--) stack.push({ node: node.children[i] as Nodes, ...inner });
    }
  }
  return tables.sort((a, b) => startOf(a) - startOf(b));
}

/** Where a block sits: how many block quotes enclose it and the column its list item's content starts at. */
interface Prefix {
  quotes: number;
  indent: number;
}

interface Container extends Prefix {
  node: Nodes;
}

/** Characters from the line start to a list item's content; a line indented less is a lazy continuation. */
function contentIndent(item: ListItem, text: string): number | undefined {
  const start = item.children[0]?.position?.start.offset;
  if (start === undefined) return undefined;
  let lineStart = start;
  while (lineStart > 0 && text.charCodeAt(lineStart - 1) !== 10 && text.charCodeAt(lineStart - 1) !== 13) lineStart--;
  return start - lineStart;
}

function startOf(table: SourceTable): number {
  return (table.header ?? table.body[0])?.start ?? 0;
}

function renderedTable(node: Table, text: string): SourceTable | undefined {
  const continued = node.data?.continued === true;
  const headerNode = continued ? undefined : node.children[0];
  const header = headerNode && sourceRow(text, headerNode.position?.start.offset, headerNode.position?.end.offset, headerNode.children.length);
  if (!continued && !header) return undefined;
  const body: SourceRow[] = [];
  for (const row of continued ? node.children : node.children.slice(1)) {
    const source = sourceRow(text, row.position?.start.offset, row.position?.end.offset, row.children.length);
    if (source) body.push(source);
  }
  // A rendered table's delimiter row has as many cells as its header, one alignment each.
  return { header, columns: header?.cellCount ?? node.align?.length ?? 0, brokenDelimiter: undefined, body };
}

function sourceRow(text: string, start: number | undefined, end: number | undefined, cellCount: number): SourceRow | undefined {
  if (start === undefined || end === undefined) return undefined;
  const span = trimSpan(text, start, end);
  return { ...span, text: text.slice(span.start, span.end), cellCount };
}

function brokenTables(node: Paragraph, text: string, prefix: Prefix): SourceTable[] {
  const start = node.position?.start.offset;
  const end = node.position?.end.offset;
  if (start === undefined || end === undefined || !text.slice(start, end).includes('|')) return [];
  const lines = paragraphLines(text, start, end, prefix);
  const tables: SourceTable[] = [];
  for (let i = 0; i + 1 < lines.length; i++) {
    const header = lines[i] as Line;
    const delimiter = lines[i + 1] as Line;
    if (header.lazy || delimiter.lazy) continue;
    const headerText = text.slice(header.start, header.end);
    const delimiterText = text.slice(delimiter.start, delimiter.end);
    if (!hasPipe(headerText)) continue;
    const delimiterSplit = splitRow(delimiterText);
    if (!isDelimiterRow(delimiterText, delimiterSplit)) continue;
    const headerCount = splitRow(headerText).cells.length;
    if (delimiterSplit.cells.length === headerCount) continue;
    const body: SourceRow[] = [];
    for (const line of lines.slice(i + 2)) {
      if (line.lazy) break;
      const rowText = text.slice(line.start, line.end);
      body.push({ start: line.start, end: line.end, text: rowText, cellCount: splitRow(rowText).cells.length });
    }
    tables.push({
      header: { start: header.start, end: header.end, text: headerText, cellCount: headerCount },
      columns: headerCount,
      brokenDelimiter: { start: delimiter.start, end: delimiter.end, text: delimiterText, cellCount: delimiterSplit.cells.length, split: delimiterSplit },
      body,
    });
    break;
  }
  return tables;
}

/** A paragraph line without its container prefix, trimmed; lazy when it lacks the prefix (a table ends there). */
interface Line extends Span {
  lazy: boolean;
}

function paragraphLines(text: string, start: number, end: number, prefix: Prefix): Line[] {
  const lines: Line[] = [];
  let lineStart = start;
  while (lineStart <= end) {
    let lineEnd = lineStart;
    while (lineEnd < end && text.charCodeAt(lineEnd) !== 10 && text.charCodeAt(lineEnd) !== 13) lineEnd++;
    if (lineStart === start) {
      lines.push({ ...trimSpan(text, start, lineEnd), lazy: false });
    } else {
      const { at, quotes } = stripQuotes(text, lineStart, lineEnd, prefix.quotes);
      const span = trimSpan(text, at, lineEnd);
      lines.push({ ...span, lazy: quotes < prefix.quotes || span.start - lineStart < prefix.indent });
    }
    if (lineEnd >= end) break;
    lineStart = lineEnd + (text.charCodeAt(lineEnd) === 13 && text.charCodeAt(lineEnd + 1) === 10 ? 2 : 1);
  }
  return lines;
}

function stripQuotes(text: string, start: number, end: number, quotes: number): { at: number; quotes: number } {
  let at = start;
  let depth = 0;
  for (; depth < quotes; depth++) {
    let next = at;
    while (next < end && isSpace(text.charCodeAt(next))) next++;
    if (text.charCodeAt(next) !== 62) break;
    at = next + 1;
  }
  return { at, quotes: depth };
}
