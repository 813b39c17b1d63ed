import type { Root, RootContent } from 'mdast';
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
}

export function parseChunk(text: string): ChunkParse {
  const tree = parseMarkdown(text);
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
      });
    } else if (isContent(node)) {
      const current = headings[headings.length - 1];
      if (current) current.contentAfter = true;
      else leadingContent = true;
    }
  }
  return { text, tree, headings, leadingContent, openAtEnd: endsOpen(tree, text) };
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
