import type { Nodes, Root, RootContent } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { closesCodeFence, codeFenceOpening, endPoint, lastLineStart, lineEnd } from './lines';
import { parseMarkdown } from './markdown';

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
  tree: Root;
  headings: HeadingFact[];
  /** Content before the chunk's first heading (only the first chunk can have it). */
  leadingContent: boolean;
  /** A fence or HTML block runs to the chunk's end: the next chunk's heading might belong to it. */
  openAtEnd: boolean;
  /** The link and footnote definitions the chunk makes: label by identifier. */
  definitions: { links: Map<string, string>; footnotes: Map<string, string> };
  /** The text with labels normalized as identifiers are (`[Foo  Bar]` → `[foo bar]`), to find the chunk's possible references; empty without `[`. */
  referenceText: string;
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

/**
 * Parses one chunk. A reference resolves only when its definition exists, and a definition anywhere in
 * the document counts: `borrowed` holds definitions from other chunks that this chunk may refer to.
 * They are parsed with the chunk (after it, or before it), then dropped from the tree.
 */
export function parseChunk(text: string, borrowed?: Borrowed): ChunkParse {
  let tree: Root;
  if (!borrowed) tree = parseMarkdown(text);
  else if (borrowed.before) {
    const prefix = `${borrowed.definitions}\n\n`;
    tree = parseMarkdown(prefix + text);
    dropPrefix(tree, prefix);
  } else {
    tree = parseMarkdown(`${text}\n\n${borrowed.definitions}\n`);
    dropSuffix(tree, text);
  }
  // Only the root's own fields: remark-gfm can leave a task item's `checked` on the root when a
  // paragraph starting `[x]` follows an empty list item.
  const root: Root = { type: 'root', children: tree.children };
  if (tree.position) root.position = tree.position;
  if (tree.data) root.data = tree.data;
  return describeChunk(text, root);
}

/** The facts of a chunk, from its text and its tree (positions relative to the text). */
export function describeChunk(text: string, tree: Root): ChunkParse {
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
        text: toString(node).trim(),
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
  return {
    text,
    tree,
    headings,
    leadingContent,
    openAtEnd: endsOpen(tree, text),
    definitions: text.includes(']:') ? definitionsOf(tree) : { links: new Map(), footnotes: new Map() },
    referenceText: text.includes('[') ? normalizeLabels(text) : '',
  };
}

/** Whether a root block is content: not a thematic break, front matter, a definition or an HTML comment. */
export function isContent(node: RootContent): boolean {
  if (node.type === 'thematicBreak' || node.type === 'yaml' || node.type === 'definition') return false;
  if (node.type === 'html') return !/^\s*<!--[\s\S]*-->\s*$/.test(node.value);
  return true;
}

function endsOpen(tree: Root, text: string): boolean {
  let node: RootContent | undefined = tree.children[tree.children.length - 1];
  const contentEnd = text.replace(/[\r\n]+$/, '').length;
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
  const lineEnd = /^[ \t]*(?:\r\n|\r|\n)/.exec(after)?.[0];
  return lineEnd !== undefined && /^[ \t]*(?:\r\n|\r|\n)/.test(after.slice(lineEnd.length));
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

/** Removes the nodes parsed after the text; the root then ends where the text ends. */
function dropSuffix(tree: Root, text: string): void {
  tree.children = tree.children.filter((node) => (node.position?.start.offset ?? 0) < text.length);
  if (tree.position) tree.position.end = endPoint(text);
}

/** Removes the nodes parsed before the text and moves every position back by the prefix (whole `\n`-ended lines). */
function dropPrefix(tree: Root, prefix: string): void {
  const lines = prefix.split('\n').length - 1;
  tree.children = tree.children.filter((node) => (node.position?.start.offset ?? 0) >= prefix.length);
  shiftPositions(tree.children, prefix.length, lines);
  if (tree.position) {
    const { end } = tree.position;
    tree.position = { start: { line: 1, column: 1, offset: 0 }, end: { line: end.line - lines, column: end.column, offset: (end.offset ?? 0) - prefix.length } };
  }
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
