import type { RootContent } from 'mdast';
import type { ChunkParse } from './chunkParse';
import { describeChunk, shiftPositions } from './chunkParse';
import { endPoint } from './lines';
import { parseMarkdown } from './markdown';

/** A chunk of a group: its offset in the group's text and its 1-based first line there. */
export interface GroupPiece {
  start: number;
  end: number;
  startLine: number;
  /** The piece's text, when the caller has it in a string of its own already (the parse then keeps that one, not a slice of the group's text). */
  text?: string;
}

/**
 * Parses several consecutive chunks in one remark call and cuts the tree at their boundaries: each
 * remark call has a fixed cost (micromark combines its extensions, mdast configures its handlers)
 * that outweighs parsing a chunk of a few lines. A chunk splits the document where every block ends
 * (see chunks.ts), so the root blocks between two boundaries, moved to the chunk's own offsets and
 * lines, are what a parse of the chunk alone yields. A piece that a block crosses into or out of (a
 * fence or HTML block left open) is undefined: the caller parses it alone. The text must hold no
 * definition (`]:`), as a reference resolves in the group, but not in the chunk alone, to one
 * in another chunk.
 */
export function parseGroup(text: string, pieces: readonly GroupPiece[]): (ChunkParse | undefined)[] {
  const tree = parseMarkdown(text);
  // Data on the root says something about the whole text (such as a failed parse): parse each alone.
  if (tree.data) return pieces.map(() => undefined);
  const children = tree.children;
  const parses: (ChunkParse | undefined)[] = [];
  let next = 0;
  let reach = 0;
  let afterIndentedCode = false;
  for (const piece of pieces) {
    const own: RootContent[] = [];
    // After indented code, micromark reads some list items as paragraph lines: such a piece parses alone.
    let valid = reach <= piece.start && !afterIndentedCode;
    while (next < children.length && startOf(children[next] as RootContent) < piece.end) {
      const node = children[next++] as RootContent;
      const end = node.position?.end.offset ?? 0;
      if (end > piece.end) valid = false;
      reach = Math.max(reach, end);
      own.push(node);
      afterIndentedCode = isIndentedCode(node, text);
    }
    if (!valid) {
      parses.push(undefined);
      continue;
    }
    const pieceText = piece.text ?? text.slice(piece.start, piece.end);
    shiftPositions(own, piece.start, piece.startLine - 1);
    parses.push(describeChunk(pieceText, { type: 'root', children: own, position: { start: { line: 1, column: 1, offset: 0 }, end: endPoint(pieceText) } }));
  }
  return parses;
}

function isIndentedCode(node: RootContent, text: string): boolean {
  return node.type === 'code' && !/^ {0,3}(?:`{3}|~{3})/.test(text.slice(startOf(node)));
}

function startOf(node: RootContent): number {
  return node.position?.start.offset ?? 0;
}
