/**
 * Chunks of plain table body rows, read without micromark. A long table is split between its body
 * rows (see chunks.ts), and each chunk of rows is parsed after the table's header and delimiter
 * lines; micromark's table extension takes most of the time of a full lint of a table-heavy report
 * and of an edit in a big table. Rows that hold nothing but plain text make a tree that follows from
 * their pipes alone (each row read by `tableRow` in plainBlocksParse.ts), equal node for node to remark's (`test/unit/tableRowsParse.test.ts`
 * compares the two). Anything else — a character that can start an inline construct or another
 * block, text after the rows, a head that is not a plain table head — is left to remark.
 */
import type { Root, Table, TableRow } from 'mdast';
import { inlineDelimiterCount, MAX_INLINE_DELIMITERS, MAX_TABLE_CELLS } from './limits';
import { endPoint } from './lines';
import { parseMarkdown } from './markdown';
import { tableRow } from './plainBlocksParse';

const enum Code {
  Tab = 9,
  LineFeed = 10,
  CarriageReturn = 13,
  Space = 32,
  Paren = 40,
  CloseParen = 41,
  Dot = 46,
  Zero = 48,
  Nine = 57,
  Pipe = 124,
}

/** What an ASCII character is in a plain row. */
const enum Kind {
  Plain = 0,
  /** Could start an inline construct or change the parse (escapes, references, code, emphasis, links, HTML, strikethrough), or is a control character. */
  Refused = 1,
  /** Counts against the parse limits (limits.ts) but starts nothing: `(` and `)`. */
  Counted = 2,
  Pipe = 3,
  LineBreak = 4,
}

const KINDS = new Uint8Array(128);
for (let code = 0; code < 32; code++) KINDS[code] = Kind.Refused;
KINDS[127] = Kind.Refused;
KINDS[Code.Tab] = Kind.Plain;
KINDS[Code.LineFeed] = KINDS[Code.CarriageReturn] = Kind.LineBreak;
for (const char of '\\`*_<>[]!&~$') KINDS[char.charCodeAt(0)] = Kind.Refused;
KINDS[Code.Paren] = KINDS[Code.CloseParen] = Kind.Counted;
KINDS[Code.Pipe] = Kind.Pipe;


/** What the rows need of their table's head: its columns' alignment, and its share of the parse limits. */
interface Head {
  align: NonNullable<Table['align']>;
  delimiters: number;
}

/** Heads read so far, by their text (`null`: not a plain table head). Few tables are long enough to be split. */
const heads = new Map<string, Head | null>();
const MAX_HEADS = 64;

function headOf(tableHead: string): Head | undefined {
  let head = heads.get(tableHead);
  if (head === undefined) {
    head = readHead(tableHead);
    if (heads.size >= MAX_HEADS) heads.clear();
    heads.set(tableHead, head);
  }
  return head ?? undefined;
}

/**
 * The head as remark reads it alone: it must be exactly one table of one row (the header) starting at
 * its first character, and end with a line break, so that the rows after it start a line of their own.
 * The header and delimiter rows make a table whatever follows them.
 */
function readHead(tableHead: string): Head | null {
  const last = tableHead.charCodeAt(tableHead.length - 1);
  if (last !== Code.LineFeed && last !== Code.CarriageReturn) return null;
  const tree = parseMarkdown(tableHead);
  const table = tree.children[0];
  if (tree.data || tree.children.length !== 1 || table?.type !== 'table' || table.children.length !== 1 || table.position?.start.offset !== 0) return null;
  return { align: table.align ?? [], delimiters: inlineDelimiterCount(tableHead) };
}

/**
 * The tree remark makes of `text` parsed after `tableHead` once the header row is dropped (see
 * `dropPrefix` in chunkParse.ts): the table, `continued`, with the text's rows. Undefined unless the
 * text is nothing but plain rows, each on its line, then possibly blank lines:
 * - a row starts with `|`, a letter or a digit (not a list item's number), so it starts no other
 *   block and interrupts the table with none; a blank line ends the table;
 * - a row holds no character that can start an inline construct (`\`, `` ` ``, `*`, `_`, `<`, `>`,
 *   `[`, `]`, `!`, `&`, `~`, `$`) and no control character but tabs;
 * - the parse limits (limits.ts) blank nothing, in the text with its head or alone.
 * Not `continues`: the caller marks that, as for remark's tree.
 */
export function parseTableRows(text: string, tableHead: string): Root | undefined {
  const head = headOf(tableHead);
  if (!head) return undefined;
  let delimiters = head.delimiters;
  const rows: TableRow[] = [];
  let line = 1;
  let start = 0;
  while (start < text.length) {
    let end = start;
    let pipes = 0;
    let blank = true;
    for (; end < text.length; end++) {
      const code = text.charCodeAt(end);
      if (code >= 128) {
        blank = false;
        continue;
      }
      switch (KINDS[code]) {
        case Kind.Plain:
          if (code !== Code.Space && code !== Code.Tab) blank = false;
          continue;
        case Kind.Counted:
          delimiters++;
          blank = false;
          continue;
        case Kind.Pipe:
          pipes++;
          blank = false;
          continue;
        case Kind.Refused:
          return undefined;
      }
      break;
    }
    const next = end + (text.charCodeAt(end) === Code.CarriageReturn && text.charCodeAt(end + 1) === Code.LineFeed ? 2 : end < text.length ? 1 : 0);
    if (blank) {
      // A blank line ends the table; only blank lines may follow.
      if (rows.length === 0 || !blankToEnd(text, next)) return undefined;
      break;
    }
    if (!startsRow(text, start, end) || pipes > MAX_TABLE_CELLS) return undefined;
    const parsed = tableRow(text, { start, end, number: line });
    if (!parsed) return undefined;
    rows.push(parsed);
    line++;
    start = next;
  }
  const first = rows[0]?.position;
  const last = rows[rows.length - 1]?.position;
  // The limits count delimiters by inline run; no run holds more than all of them.
  if (!first || !last || delimiters > MAX_INLINE_DELIMITERS) return undefined;
  const table: Table = {
    type: 'table',
    align: [...head.align],
    children: rows,
    position: { start: { ...first.start }, end: { ...last.end } },
    data: { continued: true },
  };
  return { type: 'root', children: [table], position: { start: { line: 1, column: 1, offset: 0 }, end: endPoint(text) } };
}

/**
 * Whether a line can only be a row of the table: it starts with `|`, a letter, or a digit that does not
 * start an ordered list item (`1.`, `2)` then a blank or the end). A leading blank (indentation), `#`,
 * `>`, `-`, `+`, `*`, `=`, `<`, `` ` ``, `~`, `[` and the like could start or interrupt with another block.
 */
function startsRow(text: string, start: number, end: number): boolean {
  const first = text.charCodeAt(start);
  if (first === Code.Pipe || ((first | 32) >= 97 && (first | 32) <= 122)) return true;
  if (first < Code.Zero || first > Code.Nine) return false;
  let i = start;
  while (i < end && text.charCodeAt(i) >= Code.Zero && text.charCodeAt(i) <= Code.Nine) i++;
  const after = text.charCodeAt(i);
  if (after !== Code.Dot && after !== Code.CloseParen) return true;
  const following = text.charCodeAt(i + 1);
  return i + 1 < end && following !== Code.Space && following !== Code.Tab;
}

function blankToEnd(text: string, from: number): boolean {
  for (let i = from; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code !== Code.Space && code !== Code.Tab && code !== Code.LineFeed && code !== Code.CarriageReturn) return false;
  }
  return true;
}
