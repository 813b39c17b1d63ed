/**
 * Chunks of plain blocks, read without micromark: front matter, ATX headings, paragraphs, tight lists
 * of one-line items (task items too), GFM tables, fenced code and thematic breaks, each unindented and with the inline content
 * plainInline.ts reads. micromark is most of a full lint's time, and most chunks of a report are
 * made of nothing else. The tree is built equal node for node to remark's
 * (`test/unit/plainBlocksParse.test.ts` compares the two on every chunk of the examples, fixtures and
 * generated reports, and on generated near misses). Anything that could read otherwise — a line
 * that is indented, ends with blanks or could start or continue another block (block quotes, HTML,
 * setext underlines, link definitions, lazy lines, loose lists) — is refused, and remark reads the chunk.
 */
import type { AlignType, BlockContent, List, ListItem, PhrasingContent, Root, RootContent, Table, TableCell, TableRow } from 'mdast';
import { isDelimiterRow, splitRow, trimSpan } from '../text/rowCells';
import { inlineDelimiterCount, MAX_INLINE_DELIMITERS, MAX_TABLE_CELLS } from './limits';
import { blankTo, closesCodeFence, codeFenceOpening, endPoint, frontMatterBlock } from './lines';
import { isAsciiAlphanumeric, LinePoints, plainInline } from './plainInline';

const enum Code {
  Tab = 9,
  Space = 32,
  Hash = 35,
  CloseParen = 41,
  Star = 42,
  Plus = 43,
  Dash = 45,
  Dot = 46,
  Zero = 48,
  Nine = 57,
  Underscore = 95,
  Backtick = 96,
  Pipe = 124,
  Tilde = 126,
}

export interface Line {
  start: number;
  /** End of the content, before the line break. */
  end: number;
  /** 1-based line number in the chunk. */
  number: number;
}


/** The chunk's tree as remark makes it, or undefined when a block in it is not plain. */
export function parsePlainBlocks(text: string): Root | undefined {
  // Line breaks other than `\n`, NUL (replaced by micromark), a label definition (`]:`, which would
  // make `[label]` a link), and a chunk with as many delimiters as one inline run may hold (with fewer
  // in all, the parse limits blank no line): remark.
  if (text.includes('\r') || text.includes('\0') || text.includes(']:') || inlineDelimiterCount(text, MAX_INLINE_DELIMITERS) >= MAX_INLINE_DELIMITERS) return undefined;
  const lines = splitLines(text);
  const children: RootContent[] = [];
  /** The kind of the last block, for what may follow it without a blank line. */
  let previous: 'start' | 'blank' | 'heading' | 'block' = 'start';
  let index = 0;
  if (text.startsWith('---')) {
    // Front matter, or a thematic break that remark-frontmatter would read as its opening fence.
    const frontMatter = frontMatterBlock(text);
    if (!frontMatter) return undefined;
    const close = lines.findIndex((line) => line.start === frontMatter.closeStart);
    const closeLine = lines[close];
    if (!closeLine) return undefined;
    const value = text.slice(frontMatter.contentStart, Math.max(frontMatter.contentStart, frontMatter.closeStart - 1));
    children.push({ type: 'yaml', value, position: { start: { line: 1, column: 1, offset: 0 }, end: pointsOf(closeLine).at(closeLine.end) } });
    previous = 'block';
    index = close + 1;
  }
  while (index < lines.length) {
    const line = lines[index] as Line;
    const first = text.charCodeAt(line.start);
    if (isBlank(text, line)) {
      previous = 'blank';
      index++;
      continue;
    }
    // Blanks at a line's end, and indentation, are left to remark (hard breaks, indented code, lazy lines).
    const last = text.charCodeAt(line.end - 1);
    if (first === Code.Space || first === Code.Tab || last === Code.Space || last === Code.Tab) return undefined;
    let block: RootContent | undefined;
    let next = index + 1;
    if (first === Code.Hash) {
      block = heading(text, line);
    } else if (first === Code.Backtick || first === Code.Tilde) {
      const fence = code(text, lines, index);
      if (fence) [block, next] = fence;
      else if (first === Code.Tilde || text.startsWith('```', line.start)) return undefined;
    }
    if (!block && first !== Code.Hash) {
      // A list, a table or a thematic break starts after a blank line, a heading or at the chunk's start (not after a paragraph line).
      const fresh = previous !== 'block';
      if (listMarker(text, line)) {
        if (!fresh) return undefined;
        const list = bulletOrNumberedList(text, lines, index);
        if (!list) return undefined;
        [block, next] = list;
      } else if (first === Code.Pipe) {
        if (!fresh) return undefined;
        const table = plainTable(text, lines, index);
        if (!table) return undefined;
        [block, next] = table;
      } else if (startsParagraph(text, line)) {
        const paragraph = plainParagraph(text, lines, index);
        if (!paragraph) return undefined;
        [block, next] = paragraph;
      } else if (first === Code.Dash || first === Code.Star || first === Code.Underscore) {
        // Not on the chunk's first line: `---` there opens front matter.
        if (!fresh || index === 0) return undefined;
        block = thematicBreak(text, line);
      }
    }
    if (!block) return undefined;
    children.push(block);
    previous = block.type === 'heading' ? 'heading' : 'block';
    index = next;
    // After a list or a table only a blank line may follow (a lazy line or another row would join it),
    // and after a list's blank line no other list item (the list would go on, loose).
    if (block.type === 'list' || block.type === 'table') {
      const after = lines[next];
      if (after && !isBlank(text, after)) return undefined;
      if (block.type === 'list') {
        let following = next;
        while (following < lines.length && isBlank(text, lines[following] as Line)) following++;
        const item = lines[following];
        if (item && listMarker(text, item)) return undefined;
      }
    }
  }
  return { type: 'root', children, position: { start: { line: 1, column: 1, offset: 0 }, end: endPoint(text) } };
}

function splitLines(text: string): Line[] {
  const lines: Line[] = [];
  let start = 0;
  for (let number = 1; start < text.length; number++) {
    const breakAt = text.indexOf('\n', start);
    const end = breakAt < 0 ? text.length : breakAt;
    lines.push({ start, end, number });
    start = end + 1;
  }
  return lines;
}

function isBlank(text: string, line: Line): boolean {
  return blankTo(text, line.start, line.end);
}

function pointsOf(line: Line): LinePoints {
  return new LinePoints([line.start], line.number);
}

/** `#` to `######`, one space, then content that does not end with `#` (a closing sequence). */
function heading(text: string, line: Line): RootContent | undefined {
  let depth = 0;
  while (depth < 7 && text.charCodeAt(line.start + depth) === Code.Hash) depth++;
  const contentStart = line.start + depth + 1;
  if (depth > 6 || text.charCodeAt(line.start + depth) !== Code.Space || contentStart >= line.end) return undefined;
  const first = text.charCodeAt(contentStart);
  if (first === Code.Space || first === Code.Tab || text.charCodeAt(line.end - 1) === Code.Hash) return undefined;
  const points = pointsOf(line);
  const children = plainInline(text, contentStart, line.end, points);
  if (!children) return undefined;
  return { type: 'heading', depth: depth as 1 | 2 | 3 | 4 | 5 | 6, children, position: { start: points.at(line.start), end: points.at(line.end) } };
}

/** A fenced code block from `index` to its closing line, unindented; undefined when it is not closed in the chunk. */
function code(text: string, lines: readonly Line[], index: number): [RootContent, number] | undefined {
  const open = lines[index] as Line;
  const opening = text.slice(open.start, open.end);
  const fence = codeFenceOpening(opening);
  if (!fence) return undefined;
  const info = opening.slice(fence.size).replace(/^[ \t]+|[ \t]+$/g, '');
  if (/[\\&]/.test(info)) return undefined;
  for (let at = index + 1; at < lines.length; at++) {
    const line = lines[at] as Line;
    if (!closesCodeFence(text.slice(line.start, line.end), fence)) continue;
    const lang = /^[^ \t]*/.exec(info)?.[0] ?? '';
    const meta = info.slice(lang.length).replace(/^[ \t]+/, '');
    const value = at === index + 1 ? '' : text.slice(open.end + 1, line.start - 1);
    const position = { start: pointsOf(open).at(open.start), end: pointsOf(line).at(line.end) };
    return [{ type: 'code', lang: lang === '' ? null : lang, meta: meta === '' ? null : meta, value, position }, at + 1];
  }
  return undefined;
}

/** `-`, `*` or `+`, or 1-9 digits then `.` or `)`, then one space and content: the marker's length, else 0. */
function listMarker(text: string, line: Line): number {
  const first = text.charCodeAt(line.start);
  let size = 0;
  if (first === Code.Dash || first === Code.Star || first === Code.Plus) size = 1;
  else {
    while (size < 10 && isDigit(text.charCodeAt(line.start + size))) size++;
    if (size === 0 || size > 9) return 0;
    const delimiter = text.charCodeAt(line.start + size);
    if (delimiter !== Code.Dot && delimiter !== Code.CloseParen) return 0;
    size++;
  }
  return text.charCodeAt(line.start + size) === Code.Space && line.start + size + 1 < line.end ? size : 0;
}

function isDigit(code: number): boolean {
  return code >= Code.Zero && code <= Code.Nine;
}

/** Consecutive one-line items with the same marker kind, each of plain content that starts no other block. */
function bulletOrNumberedList(text: string, lines: readonly Line[], index: number): [List, number] | undefined {
  const head = lines[index] as Line;
  const kind = listKind(text, head, listMarker(text, head));
  const ordered = kind !== '-' && kind !== '*' && kind !== '+';
  const items: ListItem[] = [];
  let at = index;
  for (; at < lines.length; at++) {
    const line = lines[at] as Line;
    const size = listMarker(text, line);
    if (size === 0 || isBlank(text, line)) break;
    if (listKind(text, line, size) !== kind) return undefined;
    const checked = taskCheck(text, line.start + size + 1);
    const contentStart = line.start + size + 1 + (checked === null ? 0 : 4);
    if (!startsItemContent(text, contentStart, line.end) || text.charCodeAt(line.end - 1) === Code.Space || text.charCodeAt(line.end - 1) === Code.Tab) return undefined;
    const points = pointsOf(line);
    const children = plainInline(text, contentStart, line.end, points);
    if (!children) return undefined;
    // After a task box the paragraph starts where its first text does, or, when that is not text, at the box.
    const paragraphStart = checked !== null && children[0]?.type !== 'text' ? line.start + size + 1 : contentStart;
    const paragraph: BlockContent = { type: 'paragraph', children, position: { start: points.at(paragraphStart), end: points.at(line.end) } };
    items.push({ type: 'listItem', spread: false, checked, children: [paragraph], position: { start: points.at(line.start), end: points.at(line.end) } });
  }
  const firstItem = items[0];
  const lastItem = items[items.length - 1];
  if (!firstItem?.position || !lastItem?.position) return undefined;
  // A line after the items that is not blank would be a lazy line of the last one.
  const after = lines[at];
  if (after && !isBlank(text, after)) return undefined;
  const list: List = {
    type: 'list',
    ordered,
    start: ordered ? Number.parseInt(text.slice(head.start, head.start + 9), 10) : null,
    spread: false,
    children: items,
    position: { start: { ...firstItem.position.start }, end: { ...lastItem.position.end } },
  };
  return [list, at];
}

/** A task item's box, `[ ]`, `[x]` or `[X]` then one space, at the start of its content: whether it is checked; null without one. */
function taskCheck(text: string, start: number): boolean | null {
  if (text.charCodeAt(start) !== 91 || text.charCodeAt(start + 2) !== 93 || text.charCodeAt(start + 3) !== Code.Space) return null;
  const mark = text.charAt(start + 1);
  return mark === ' ' ? false : mark === 'x' || mark === 'X' ? true : null;
}

/** The bullet, or the number's delimiter: items of another kind start another list. */
function listKind(text: string, line: Line, size: number): string {
  return text.charAt(line.start + size - 1);
}

/**
 * Content that starts no block of its own inside the item: not a heading, quote, list marker, fence,
 * thematic break, HTML, table or setext underline. `**` followed by a letter or digit opens strong; a
 * `[` a label or a link.
 */
function startsItemContent(text: string, start: number, end: number): boolean {
  const first = text.charCodeAt(start);
  if (first === Code.Star) return text.charCodeAt(start + 1) === Code.Star && isAsciiAlphanumeric(text.charCodeAt(start + 2));
  if (first === Code.Backtick) return text.charCodeAt(start + 1) !== Code.Backtick;
  if (isDigit(first)) return !listMarker(text, { start, end, number: 0 }) && !/^\d{1,9}[.)]$/.test(text.slice(start, end));
  // `[9] Hinton …`: a label (the chunk defines none), but not what could be a task box or a footnote.
  if (first === 91) return !/^\[[ xX^]/.test(text.slice(start, start + 2));
  return first >= 128 || isAsciiAlphanumeric(first) || '("\'$%@,.:;?/'.includes(String.fromCharCode(first));
}

/** The first line of a paragraph: what `startsItemContent` allows, but no list item (the caller tries lists first). */
function startsParagraph(text: string, line: Line): boolean {
  return startsItemContent(text, line.start, line.end);
}

/**
 * Lines that continue the paragraph: they start as a paragraph may and hold no `|` (a table's
 * delimiter row turns a paragraph line into a table head). A heading or a fence ends it; any other
 * line that could start a block is refused.
 */
function plainParagraph(text: string, lines: readonly Line[], index: number): [RootContent, number] | undefined {
  const starts: number[] = [];
  let at = index;
  for (; at < lines.length; at++) {
    const line = lines[at] as Line;
    if (isBlank(text, line)) break;
    const first = text.charCodeAt(line.start);
    // The block loop reads the heading or fence next, and refuses a `#` line that is not a heading.
    if (at > index && (first === Code.Hash || ((first === Code.Backtick || first === Code.Tilde) && codeFenceOpening(text.slice(line.start, line.end))))) break;
    const last = text.charCodeAt(line.end - 1);
    if (!startsParagraph(text, line) || last === Code.Space || last === Code.Tab || text.slice(line.start, line.end).includes('|')) return undefined;
    starts.push(line.start);
  }
  const firstLine = lines[index] as Line;
  const lastLine = lines[at - 1] as Line;
  const points = new LinePoints(starts, firstLine.number);
  const children = plainInline(text, firstLine.start, lastLine.end, points);
  if (!children) return undefined;
  return [{ type: 'paragraph', children, position: { start: points.at(firstLine.start), end: points.at(lastLine.end) } }, at];
}

/** Three or more `-`, `*` or `_` and nothing else. */
function thematicBreak(text: string, line: Line): RootContent | undefined {
  const char = text.charCodeAt(line.start);
  if (line.end - line.start < 3) return undefined;
  for (let at = line.start; at < line.end; at++) if (text.charCodeAt(at) !== char) return undefined;
  const points = pointsOf(line);
  return { type: 'thematicBreak', position: { start: points.at(line.start), end: points.at(line.end) } };
}

/** A table: a header row and a delimiter row with as many cells, then rows that each start with `|`, to a blank line. */
function plainTable(text: string, lines: readonly Line[], index: number): [Table, number] | undefined {
  const header = lines[index] as Line;
  const delimiter = lines[index + 1];
  if (!delimiter || text.charCodeAt(delimiter.start) !== Code.Pipe) return undefined;
  const delimiterText = text.slice(delimiter.start, delimiter.end);
  const delimiterCells = splitRow(delimiterText);
  if (!isDelimiterRow(delimiterText, delimiterCells)) return undefined;
  const headerRow = tableRow(text, header);
  if (!headerRow || headerRow.children.length !== delimiterCells.cells.length) return undefined;
  const rows: TableRow[] = [headerRow];
  let at = index + 2;
  for (; at < lines.length; at++) {
    const line = lines[at] as Line;
    if (isBlank(text, line)) break;
    if (text.charCodeAt(line.start) !== Code.Pipe) return undefined;
    const row = tableRow(text, line);
    if (!row) return undefined;
    rows.push(row);
  }
  const align: AlignType[] = delimiterCells.cells.map((cell) => {
    const spec = delimiterText.slice(cell.start, cell.end).trim();
    const left = spec.startsWith(':');
    const right = spec.endsWith(':');
    return left && right ? 'center' : left ? 'left' : right ? 'right' : null;
  });
  const last = rows[rows.length - 1] as TableRow;
  if (!headerRow.position || !last.position) return undefined;
  // A table of a header alone ends with its delimiter row.
  const end = rows.length > 1 ? { ...last.position.end } : pointsOf(delimiter).at(delimiter.end);
  return [{ type: 'table', align, children: rows, position: { start: { ...headerRow.position.start }, end } }, at];
}

/**
 * A row as mdast-util-gfm-table makes it: the row spans the whole line, trailing blanks included; a
 * cell spans from the pipe before it (the line's start for the first) to the next separating pipe,
 * the last to the line's end; a cell's content is what lies between the pipes without surrounding
 * blanks, read by plainInline, and an empty cell has none. Cells beyond the header's count are kept.
 * Undefined when a cell's content is not plain.
 */
export function tableRow(text: string, line: Line): TableRow | undefined {
  // Blanks after the last pipe make no cell; the last cell still reaches the line's end.
  let contentEnd = line.end;
  while (contentEnd > line.start && (text.charCodeAt(contentEnd - 1) === Code.Space || text.charCodeAt(contentEnd - 1) === Code.Tab)) contentEnd--;
  const { cells } = splitRow(text.slice(line.start, contentEnd));
  if (cells.length > MAX_TABLE_CELLS || text.slice(line.start, line.end).includes('\\')) return undefined;
  const points = pointsOf(line);
  const children: TableCell[] = [];
  for (let index = 0; index < cells.length; index++) {
    const cell = cells[index] as (typeof cells)[number];
    const from = index === 0 ? line.start : line.start + cell.start - 1;
    const to = index === cells.length - 1 ? line.end : line.start + cell.end;
    const content = trimSpan(text, line.start + cell.start, line.start + cell.end);
    const inline: PhrasingContent[] | undefined = content.end > content.start ? plainInline(text, content.start, content.end, points) : [];
    if (!inline) return undefined;
    children.push({ type: 'tableCell', children: inline, position: { start: points.at(from), end: points.at(to) } });
  }
  return { type: 'tableRow', children, position: { start: points.at(line.start), end: points.at(line.end) } };
}
