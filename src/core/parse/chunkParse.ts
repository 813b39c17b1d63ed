import type { Nodes, Root, RootContent } from 'mdast';
import type { Point } from 'unist';
import { breaksBefore, closesCodeFence, codeFenceOpening, endPoint, endWithout, lastLineStart, lineEnd } from './lines';
import { toString } from 'mdast-util-to-string';
import { detached } from '../text/detached';
import { unitSettings } from './chunks';
import type { SkippedSpan } from './limits';
import { limitComplexity } from './limits';
import { parseMarkdown } from './markdown';
import { parsePlainBlocks } from './plainBlocksParse';
import { parseTableRows } from './tableRowsParse';

/** A heading at the root of a chunk. Offsets are relative to the chunk. */
export interface HeadingFact {
  depth: number;
  /** The heading's plain text, as a reader sees it. */
  text: string;
  start: number;
  end: number;
  /** Start and end of the heading's text (after `## `, before closing `#`s), for precise ranges. */
  textStart: number;
  textEnd: number;
  /** Whether anything but blank lines, thematic breaks and HTML comments follows before the next heading or the chunk's end. */
  contentAfter: boolean;
  /** 1-based line of the heading within the chunk. */
  line: number;
}

/** What one chunk's parse yields, independent of where the chunk sits in the document. */
export interface ChunkParse {
  text: string;
  /**
   * The chunk's syntax tree. The linter releases it once every rule has read it (`releaseTree`),
   * as trees are most of a parse's memory; reading it after that parses the chunk again, to a tree
   * equal node for node.
   */
  readonly tree: Root;
  headings: HeadingFact[];
  /** Content before the chunk's first heading. */
  leadingContent: boolean;
  /** A fence or HTML block runs to the chunk's end: the next chunk's heading might belong to it. */
  openAtEnd: boolean;
  /** The link and footnote definitions the chunk makes: label by identifier. */
  definitions: { readonly links: ReadonlyMap<string, string>; readonly footnotes: ReadonlyMap<string, string> };
  /**
   * The text with labels normalized as identifiers are (`[Foo  Bar]` → `[foo bar]`), to find the chunk's
   * possible references; empty without `[`. Made when first read (only a document with definitions
   * reads it), then kept.
   */
  readonly referenceText: string;
  /** The table context the chunk was parsed in, if any. */
  table?: TableContext;
  /** The definitions borrowed from other chunks it was parsed with, if any. */
  borrowed?: Borrowed;
  /** The root's last block, as `parseDocument` checks a split after the chunk: a list, indented code, a table that reaches the chunk's end. */
  lastBlock: 'list' | 'indented-code' | 'table-to-end' | 'other' | 'none';
  /** The root's first block when it is a list starting at the chunk's start: ordered or not, and its first number. */
  firstList: { ordered: boolean; start: number } | undefined;
  /** Why remark failed on the text, if it did (the tree is then empty). */
  parseError: string | undefined;
  /** Parsed as table rows after a header, but its first line is not a row of that table. */
  continuationFailed: boolean;
}

/** Facts of a parse that need no tree and are not made when read. */
type ChunkFacts = Omit<ChunkParse, 'tree' | 'referenceText'>;

const trees = new WeakMap<ChunkParse, Root>();
const referenceTexts = new WeakMap<ChunkParse, string>();
/** Shared by the chunks without a heading; never changed. */
const NO_HEADINGS: HeadingFact[] = [];
/** The lines left out of a parse (see limits.ts), where the parse already knows them. */
const knownSkipped = new WeakMap<ChunkParse, SkippedSpan[]>();

/** The lines of the chunk that were left out of its parse (see limits.ts). */
export function skippedLines(parse: ChunkParse): SkippedSpan[] {
  return knownSkipped.get(parse) ?? limitComplexity(parse.text).skipped;
}

/**
 * A chunk parse whose tree is kept in `trees`, where it can be released, and made again when read after
 * that. The getter lives on the prototype: one defined on each object would turn every chunk's facts
 * into a slow dictionary-mode object (~1 KiB each).
 */
class TreeKeepingParse implements ChunkParse {
  text: string;
  headings: HeadingFact[];
  leadingContent: boolean;
  openAtEnd: boolean;
  definitions: ChunkParse['definitions'];
  table?: TableContext;
  borrowed?: Borrowed;
  lastBlock: ChunkParse['lastBlock'];
  firstList: ChunkParse['firstList'];
  parseError: string | undefined;
  continuationFailed: boolean;

  constructor(facts: ChunkFacts, tree: Root) {
    this.text = facts.text;
    this.headings = facts.headings;
    this.leadingContent = facts.leadingContent;
    this.openAtEnd = facts.openAtEnd;
    this.definitions = facts.definitions;
    if (facts.table) this.table = facts.table;
    if (facts.borrowed) this.borrowed = facts.borrowed;
    this.lastBlock = facts.lastBlock;
    this.firstList = facts.firstList;
    this.parseError = facts.parseError;
    this.continuationFailed = facts.continuationFailed;
    trees.set(this, tree);
  }

  get tree(): Root {
    let kept = trees.get(this);
    if (!kept) {
      kept = parseChunk(this.text, this.borrowed, this.table ?? {}).tree;
      trees.set(this, kept);
    }
    return kept;
  }

  get referenceText(): string {
    let kept = referenceTexts.get(this);
    if (kept === undefined) {
      kept = this.text.includes('[') ? normalizeLabels(this.text) : '';
      referenceTexts.set(this, kept);
    }
    return kept;
  }
}

/** Lets the chunk's tree go; it is parsed again if read later. */
export function releaseTree(parse: ChunkParse): void {
  trees.delete(parse);
}

/** Definitions made in other chunks, as Markdown (`[label]: #` lines), and where to parse them. */
export interface Borrowed {
  definitions: string;
  /**
   * Before the text, for a chunk whose last block may still be open (it would swallow them); a chunk
   * that can be open at its end is never the first one, so it starts with a heading, not front matter.
   */
  before: boolean;
}

/** Where a chunk sits in a table that other chunks hold parts of (see `UnitSpan` in chunks.ts). */
export interface TableContext {
  /** The table's header and delimiter lines, for a chunk that starts with body rows. */
  tableHead?: string;
  /** The chunk's last block is a table whose rows go on in the next chunk. */
  tableContinues?: boolean;
}

/**
 * Parses one chunk. A reference resolves only when its definition exists, and a definition anywhere in
 * the document counts: `borrowed` holds definitions from other chunks that this chunk may refer to.
 * They are parsed with the chunk (after it, or before it), then dropped from the tree. A chunk of
 * table rows is parsed after its table's header and delimiter rows, which are dropped likewise.
 * Three kinds of chunk are read without micromark, to the same tree: one long fenced code block
 * (`parseLongFence`), plain blocks (plainBlocksParse.ts) and plain table rows (tableRowsParse.ts).
 */
export function parseChunk(text: string, borrowed?: Borrowed, table: TableContext = {}): ChunkParse {
  const fence = borrowed || table.tableHead !== undefined ? undefined : parseLongFence(text);
  if (fence) {
    const parse = describeChunk(text, fence);
    knownSkipped.set(parse, []);
    return parse;
  }
  const plain = borrowed || table.tableHead !== undefined || table.tableContinues ? undefined : parsePlainChunk(text);
  if (plain) return plain;
  const rows = borrowed || table.tableHead === undefined ? undefined : parseTableRows(text, table.tableHead);
  if (rows) {
    if (table.tableContinues) markContinues(rows, text);
    const parse = describeChunk(text, rows, table);
    knownSkipped.set(parse, []);
    return parse;
  }
  return parseChunkWithRemark(text, borrowed, table);
}

/** The parse of a chunk of plain blocks (plainBlocksParse.ts), read without micromark; undefined for any other chunk. */
export function parsePlainChunk(text: string): ChunkParse | undefined {
  const tree = parsePlainBlocks(text);
  if (!tree) return undefined;
  const parse = describeChunk(text, tree);
  knownSkipped.set(parse, []);
  return parse;
}

/**
 * `parseChunk` always through remark, without the paths that build a tree without micromark (a long
 * fence, plain blocks, plain table rows). Exported for the tests that compare those paths with it.
 */
export function parseChunkWithRemark(text: string, borrowed?: Borrowed, table: TableContext = {}): ChunkParse {
  const before = borrowed?.before ? `${borrowed.definitions}\n\n` : '';
  const prefix = before + (table.tableHead ?? '');
  const suffix = borrowed && !borrowed.before ? `\n\n${borrowed.definitions}\n` : '';
  const tree = parseMarkdown(prefix + text + suffix);
  if (suffix) dropSuffix(tree, prefix.length + text.length);
  if (prefix) dropPrefix(tree, prefix, before.length, table.tableHead !== undefined);
  // Only the root's own fields: remark-gfm can leave a task item's `checked` on the root when a
  // paragraph starting `[x]` follows an empty list item.
  const root: Root = { type: 'root', children: tree.children };
  if (tree.position) root.position = prefix || suffix ? { start: { line: 1, column: 1, offset: 0 }, end: endPoint(text) } : tree.position;
  if (tree.data) root.data = tree.data;
  if (table.tableContinues) markContinues(root, text);
  return describeChunk(text, root, table.tableHead !== undefined || table.tableContinues ? table : undefined, borrowed);
}

/** The facts of a chunk, from its text and its tree (positions relative to the text). */
export function describeChunk(text: string, tree: Root, table?: TableContext, borrowed?: Borrowed): ChunkParse {
  const headings: HeadingFact[] = [];
  let leadingContent = false;
  for (const node of tree.children) {
    if (node.type === 'heading') {
      const start = node.position?.start.offset ?? 0;
      const end = node.position?.end.offset ?? start;
      const first = node.children[0]?.position?.start.offset;
      const last = node.children[node.children.length - 1]?.position?.end.offset;
      headings.push({
        depth: node.depth,
        text: detached(toString(node).trim()),
        start,
        end,
        textStart: first ?? end,
        textEnd: last ?? end,
        contentAfter: false,
        line: node.position?.start.line ?? 1,
      });
    } else if (isContent(node)) {
      const current = headings[headings.length - 1];
      if (current) current.contentAfter = true;
      else leadingContent = true;
    }
  }
  const facts: ChunkFacts = {
    text,
    // Exactly as long as it is: an array grown by pushing keeps room for 16 more (most chunks have one heading).
    headings: headings.length === 0 ? NO_HEADINGS : headings.slice(),
    leadingContent,
    openAtEnd: endsOpen(tree, text),
    definitions: text.includes(']:') ? definitionsOf(tree) : NO_DEFINITIONS,
    lastBlock: lastBlockOf(tree, text),
    firstList: firstListOf(tree),
    parseError: tree.data?.parseError,
    continuationFailed: tree.data?.continuationFailed === true,
  };
  if (table) facts.table = table;
  if (borrowed) facts.borrowed = borrowed;
  return new TreeKeepingParse(facts, tree);
}

function lastBlockOf(tree: Root, text: string): ChunkParse['lastBlock'] {
  const last = tree.children[tree.children.length - 1];
  if (!last) return 'none';
  if (last.type === 'list') return 'list';
  if (last.type === 'code' && !/^ {0,3}(?:`{3}|~{3})/.test(text.slice(last.position?.start.offset ?? 0, (last.position?.start.offset ?? 0) + 8))) return 'indented-code';
  if (last.type === 'table') {
    // The text without its last line break, if it ends with one.
    const contentEnd = text.endsWith('\r\n') ? text.length - 2 : text.endsWith('\n') || text.endsWith('\r') ? text.length - 1 : text.length;
    const blanksFrom = endWithout(text, ' \t', contentEnd);
    const endsWithBlankLine = blanksFrom > 0 && '\r\n'.includes(text.charAt(blanksFrom - 1));
    if ((last.position?.end.offset ?? 0) === contentEnd && !endsWithBlankLine) return 'table-to-end';
  }
  return 'other';
}

function firstListOf(tree: Root): ChunkParse['firstList'] {
  const first = tree.children[0];
  if (first?.type !== 'list' || first.position?.start.offset !== 0) return undefined;
  return { ordered: first.ordered === true, start: first.start ?? 1 };
}

/** Whether a root block is content: not a thematic break, front matter, a definition or an HTML comment. */
export function isContent(node: RootContent): boolean {
  if (node.type === 'thematicBreak' || node.type === 'yaml' || node.type === 'definition') return false;
  if (node.type === 'html') return !/^\s*<!--[\s\S]*-->\s*$/.test(node.value);
  return true;
}

function endsOpen(tree: Root, text: string): boolean {
  let node: RootContent | undefined = tree.children[tree.children.length - 1];
  const contentEnd = endWithout(text, '\r\n');
  while (node) {
    if ((node.position?.end.offset ?? 0) < contentEnd) return false;
    if (node.type === 'code') return !codeClosed(node, text);
    if (node.type === 'html') return !htmlClosed(node, text);
    if (!('children' in node) || node.type === 'paragraph' || node.type === 'heading' || node.type === 'table') return false;
    const children: RootContent[] = node.children as RootContent[];
    node = children[children.length - 1];
  }
  return false;
}

/**
 * Whether a code block that reaches the chunk's end is closed: a fence whose last line closes it, or
 * indented code (an unindented heading ends it). Merging a chunk that ends with a closed fence into
 * the next one would re-parse a growing text for every section that ends with a code block.
 */
function codeClosed(node: RootContent, text: string): boolean {
  const source = sourceOf(node, text);
  const open = codeFenceOpening(withoutContainers(source.slice(0, lineEnd(source, 0))));
  if (!open) return true;
  const last = lastLineStart(source);
  return last > 0 && closesCodeFence(withoutContainers(source.slice(last)), open);
}

/**
 * Whether an HTML block that reaches the chunk's end is closed: a comment, processing instruction,
 * declaration, CDATA or raw block (`<script>`, `<pre>`, `<style>`, `<textarea>`) whose end marker is on
 * its last line; any other HTML block only ends at a blank line, so it is closed when one follows it.
 */
function htmlClosed(node: RootContent, text: string): boolean {
  const source = sourceOf(node, text);
  const lastLine = source.slice(lastLineStart(source));
  const start = withoutContainers(source);
  const ends: [RegExp, string][] = [[/^<!--/, '-->'], [/^<\?/, '?>'], [/^<!\[CDATA\[/, ']]>'], [/^<![A-Za-z]/, '>']];
  for (const [opener, marker] of ends) if (opener.test(start)) return lastLine.includes(marker);
  const raw = /^<(script|pre|style|textarea)(?=[\s>]|$)/i.exec(start)?.[1];
  if (raw) return lastLine.toLowerCase().includes(`</${raw.toLowerCase()}>`);
  const after = text.slice(node.position?.end.offset ?? text.length);
  const lineBreak = /^[ \t]*(?:\r\n|\r|\n)/.exec(after)?.[0];
  return lineBreak !== undefined && /^[ \t]*(?:\r\n|\r|\n)/.test(after.slice(lineBreak.length));
}

/** A line of a block without the block quote marks and indentation of the containers it sits in. */
function withoutContainers(line: string): string {
  return line.replace(/^[ \t>]*/, '');
}

function sourceOf(node: RootContent, text: string): string {
  return text.slice(node.position?.start.offset ?? 0, node.position?.end.offset ?? 0);
}

/** As micromark normalizes a label into an identifier, applied to a whole text. */
function normalizeLabels(text: string): string {
  return text.replace(/[\t\n\r ]+/g, ' ').replace(/\[ /g, '[').replace(/ \]/g, ']').toLowerCase().toUpperCase().toLowerCase();
}

/** What a chunk without `]:` defines, shared by all such chunks. */
const NO_DEFINITIONS: ChunkParse['definitions'] = Object.freeze({ links: new Map<string, string>(), footnotes: new Map<string, string>() });

function definitionsOf(tree: Root): ChunkParse['definitions'] {
  const links = new Map<string, string>();
  const footnotes = new Map<string, string>();
  const visit = (node: Nodes): void => {
    if (node.type === 'definition') {
      if (!links.has(node.identifier)) links.set(node.identifier, node.label ?? node.identifier);
    } else if (node.type === 'footnoteDefinition') {
      if (!footnotes.has(node.identifier)) footnotes.set(node.identifier, node.label ?? node.identifier);
    }
    if (node.type === 'root' || node.type === 'blockquote' || node.type === 'list' || node.type === 'listItem' || node.type === 'footnoteDefinition') {
      for (const child of node.children) visit(child);
    }
  };
  visit(tree);
  return { links, footnotes };
}


/** Removes the nodes parsed after the first `length` characters; the root then ends there. */
function dropSuffix(tree: Root, length: number): void {
  tree.children = tree.children.filter((node) => (node.position?.start.offset ?? 0) < length);
}

/**
 * Removes the nodes parsed before the text, which starts after `prefix`, and moves every position back
 * by the prefix (whole lines). With `continuesTable`, the prefix ends with a table's header
 * and delimiter rows: the table they start is kept without its header row, as the table the chunk's
 * rows continue, marked `continued`. When the chunk's first line is not a row of it, the table is
 * dropped and the root is marked `continuationFailed`, for `parseDocument` to parse the rows with the
 * chunk before them instead.
 */
function dropPrefix(tree: Root, prefix: string, headAt: number, continuesTable: boolean): void {
  const lines = prefix.match(/\r\n|\r|\n/g)?.length ?? 0;
  const kept: RootContent[] = [];
  let continued = !continuesTable;
  for (const node of tree.children) {
    const start = node.position?.start.offset ?? 0;
    if (start >= prefix.length) kept.push(node);
    else if (continuesTable && node.type === 'table' && start === headAt) {
      const rows = node.children.slice(1);
      const firstRow = rows[0]?.position?.start;
      if (!firstRow || firstRow.offset !== prefix.length || !node.position) continue;
      node.children = rows;
      node.position.start = { ...firstRow };
      node.data = { ...node.data, continued: true };
      kept.push(node);
      continued = true;
    }
  }
  tree.children = kept;
  shiftPositions(kept, prefix.length, lines);
  if (!continued) tree.data = { ...tree.data, continuationFailed: true };
}

/** Marks the chunk's last block, a table reaching the chunk's end, as going on in the next chunk. */
function markContinues(root: Root, text: string): void {
  const last = root.children[root.children.length - 1];
  if (last?.type === 'table' && (last.position?.end.offset ?? 0) >= text.replace(/(?:\r\n|\n|\r)$/, '').length) last.data = { ...last.data, continues: true };
}

/**
 * Moves the positions of nodes and all their descendants back by `offset` characters and `lines` whole
 * lines (columns stay), in place: mdast-util-from-markdown gives every node its own point objects.
 */
export function shiftPositions(nodes: readonly Nodes[], offset: number, lines: number): void {
  if (offset === 0 && lines === 0) return;
  const stack: Nodes[] = [...nodes];
  for (let node = stack.pop(); node; node = stack.pop()) {
    const { position } = node;
    if (position) {
      position.start.line -= lines;
      position.end.line -= lines;
      if (position.start.offset !== undefined) position.start.offset -= offset;
      if (position.end.offset !== undefined) position.end.offset -= offset;
    }
    if ('children' in node) for (const child of node.children) stack.push(child);
  }
}

/**
 * A chunk that is one fenced code block at the start of a line (and blank lines after it), built
 * without micromark: such a fence is literal text line by line, and a log pasted into a report can be
 * thousands of lines long. Anything unusual (other line breaks, an info string with escapes or
 * entities, lines the complexity limits would blank, no closing fence) is left to remark.
 */
function parseLongFence(text: string): Root | undefined {
  if (text.length < unitSettings.minLiteralFenceChars || text.includes('\r')) return undefined;
  const open = /^(`{3,}|~{3,})([^\n]*)\n/.exec(text);
  const marker = open?.[1];
  const info = open?.[2] ?? '';
  if (!open || !marker || /[\\&]/.test(info) || (marker[0] === '`' && info.includes('`'))) return undefined;
  const contentEnd = endWithout(text, ' \t\n');
  const lastStart = text.lastIndexOf('\n', contentEnd - 1) + 1;
  const close = /^ {0,3}(`{3,}|~{3,})[ \t]*$/.exec(text.slice(lastStart, text.indexOf('\n', lastStart) < 0 ? text.length : text.indexOf('\n', lastStart)))?.[1];
  if (!close || lastStart < open[0].length || close[0] !== marker[0] || close.length < marker.length) return undefined;
  const body = text.slice(open[0].length, lastStart);
  // A line inside that would close the fence earlier: remark decides.
  const closer = new RegExp(`^ {0,3}${marker[0] === '`' ? '`' : '~'}{${marker.length},}[ \\t]*$`, 'm');
  // The parse limits (limits.ts) skip a fence's lines, and the blank lines after it: they blank
  // nothing here once the line scan agrees that the first line opens this fence.
  if (closer.test(body) || codeFenceOpening(open[0].slice(0, -1))?.size !== marker.length) return undefined;
  const trimmed = info.replace(/^[ \t]+/, '');
  const lang = /^[^ \t]*/.exec(trimmed)?.[0] ?? '';
  const meta = trimmed.slice(lang.length).replace(/^[ \t]+/, '');
  const closeEnd = text.indexOf('\n', lastStart) < 0 ? text.length : text.indexOf('\n', lastStart);
  // The closing line's number, counted once: only blank lines follow it.
  const end = pointAt(text, closeEnd);
  const textEnd = { line: end.line + breaksBefore(text.slice(closeEnd)), column: text.length - lastLineStart(text) + 1, offset: text.length };
  const code: RootContent = {
    type: 'code',
    lang: lang === '' ? null : lang,
    meta: meta === '' ? null : meta,
    value: body.slice(0, -1),
    position: { start: { line: 1, column: 1, offset: 0 }, end },
  };
  return { type: 'root', children: [code], position: { start: { line: 1, column: 1, offset: 0 }, end: textEnd } };
}

/** The point of an offset in a `\n`-only text. */
function pointAt(text: string, offset: number): Point {
  return { line: breaksBefore(text, offset) + 1, column: offset - lastLineStart(text, offset) + 1, offset };
}

declare module 'mdast' {
  interface TableData {
    /** The table's header row is in an earlier chunk: this chunk holds rows that continue it. */
    continued?: boolean;
    /** The table's rows go on in the next chunk. */
    continues?: boolean;
  }
  interface RootData {
    /** The chunk was parsed as table rows after a header, but its first line is not a row of that table. */
    continuationFailed?: boolean;
  }
}
