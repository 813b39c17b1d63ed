import { closesCodeFence, codeFenceOpening, forEachLine, lastLineStart, lineEnd, pastBreak } from '../parse/lines';

/** A stretch of the chunk's text, by offsets. */
export interface Span {
  start: number;
  end: number;
}

/** Span of a fenced code block's content, between its fence lines; the whole block when it is indented code. */
export function codeContentSpan(text: string, start: number, end: number): Span {
  const source = text.slice(start, end);
  const firstEnd = lineEnd(source, 0);
  const fence = codeFenceOpening(source.slice(0, firstEnd));
  if (!fence) return { start, end };
  if (firstEnd === source.length) return { start: end, end };
  const contentStart = pastBreak(source, firstEnd);
  const lastStart = lastLineStart(source);
  let contentEnd = source.length;
  if (lastStart >= contentStart && closesCodeFence(source.slice(lastStart), fence)) {
    contentEnd = source.startsWith('\r\n', lastStart - 2) ? lastStart - 2 : lastStart - 1;
  }
  return { start: start + contentStart, end: start + Math.max(contentStart, contentEnd) };
}

/** Whether an HTML node is a comment (`<!-- … -->`), which no reader sees. */
export function isComment(html: string): boolean {
  const value = html.trim();
  return value.startsWith('<!--') && value.endsWith('-->');
}

/** The full-line `# comments` of a front matter block (`start`–`end` in `text`). */
export function yamlCommentLines(text: string, block: Span): Span[] {
  const comments: Span[] = [];
  forEachLine(text, (start, end) => {
    if (start >= block.end) return false;
    let first = start;
    while (first < end && (text.charCodeAt(first) === 32 || text.charCodeAt(first) === 9)) first++;
    if (text.charAt(first) === '#' && first < block.end) comments.push({ start: first, end: Math.min(end, block.end) });
    return true;
  }, block.start);
  return comments;
}
