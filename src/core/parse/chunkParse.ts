import type { Nodes, Root, RootContent } from 'mdast';
import type { Point } from 'unist';
import { toString } from 'mdast-util-to-string';
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

function isContent(node: RootContent): boolean {
  if (node.type === 'thematicBreak' || node.type === 'yaml' || node.type === 'definition') return false;
  if (node.type === 'html') return !/^\s*<!--[\s\S]*-->\s*$/.test(node.value);
  return true;
}

function endsOpen(tree: Root, text: string): boolean {
  let node: RootContent | undefined = tree.children[tree.children.length - 1];
  const contentEnd = text.replace(/[\r\n]+$/, '').length;
  while (node) {
    if ((node.position?.end.offset ?? 0) < contentEnd) return false;
    if (node.type === 'code' || node.type === 'html') return true;
    if (!('children' in node) || node.type === 'paragraph' || node.type === 'heading' || node.type === 'table') return false;
    const children: RootContent[] = node.children as RootContent[];
    node = children[children.length - 1];
  }
  return false;
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

/** Where a tree of `text` ends: the root's end position. */
export function endPoint(text: string): Point {
  const breaks = text.match(/\r\n|\n|\r/g)?.length ?? 0;
  const lastBreak = Math.max(text.lastIndexOf('\n'), text.lastIndexOf('\r'));
  return { line: breaks + 1, column: text.length - lastBreak, offset: text.length };
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

/** Moves the positions of nodes and all their descendants back by `offset` characters and `lines` whole lines (columns stay). */
export function shiftPositions(nodes: readonly Nodes[], offset: number, lines: number): void {
  if (offset === 0 && lines === 0) return;
  const stack: Nodes[] = [...nodes];
  for (let node = stack.pop(); node; node = stack.pop()) {
    const { position } = node;
    if (position) {
      node.position = {
        start: { line: position.start.line - lines, column: position.start.column, offset: (position.start.offset ?? 0) - offset },
        end: { line: position.end.line - lines, column: position.end.column, offset: (position.end.offset ?? 0) - offset },
      };
    }
    if ('children' in node) stack.push(...node.children);
  }
}
