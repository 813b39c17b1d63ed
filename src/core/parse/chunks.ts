/**
 * Splits a document into chunks at ATX headings that start a line (no indentation), outside front
 * matter and fenced code. Such a heading ends every open block except a fence or an HTML block, so
 * each chunk parses on its own as it would inside the whole document; `parseDocument` merges a chunk
 * into the next when its parse shows a fence or HTML block still open at its end.
 */
import type { CodeFence } from './lines';
import { atxHeadingDepth, closesCodeFence, codeFenceOpening, forEachLine, frontMatterBlock, isFrontMatterFence, lineEnd } from './lines';

export interface ChunkSpan {
  start: number;
  end: number;
}

/** Character codes a line must start with to matter here: `#`, a space (indented fence), a backtick, `~`. */
const MAY_MATTER = new Set([35, 32, 96, 126]);

export function splitChunks(text: string): ChunkSpan[] {
  const frontMatter = frontMatterBlock(text);
  // Front matter opened and never closed is none, but remark then parses the whole text otherwise
  // than its parts: a GFM footnote definition anywhere in it becomes a link definition. Only the
  // whole text, as one chunk, parses as the whole document does.
  if (!frontMatter && isFrontMatterFence(text.slice(0, lineEnd(text, 0)))) return [{ start: 0, end: text.length }];
  const starts = [0];
  let fence: CodeFence | undefined;
  forEachLine(text, (start, end) => {
    // Most lines are prose or table rows: they can neither split nor open or close a fence.
    if (!MAY_MATTER.has(text.charCodeAt(start))) return;
    const line = text.slice(start, end);
    if (fence) {
      if (closesCodeFence(line, fence)) fence = undefined;
      return;
    }
    fence = codeFenceOpening(line);
    if (!fence && start > 0 && atxHeadingDepth(line) > 0) starts.push(start);
  }, frontMatter?.next ?? 0);
  return starts.map((start, i) => ({ start, end: starts[i + 1] ?? text.length }));
}
