/** A stretch of the chunk's text, by offsets. */
export interface Span {
  start: number;
  end: number;
}

/** Span of a fenced code block's content, between its fence lines; the whole block when it is indented code. */
export function codeContentSpan(text: string, start: number, end: number): Span {
  const source = text.slice(start, end);
  if (!/^ {0,3}(?:```|~~~)/.test(source)) return { start, end };
  const firstBreak = source.search(/\r\n|\n|\r/);
  if (firstBreak < 0) return { start: end, end };
  const contentStart = firstBreak + (source.startsWith('\r\n', firstBreak) ? 2 : 1);
  const lastBreak = Math.max(source.lastIndexOf('\n'), source.lastIndexOf('\r'));
  let contentEnd = source.length;
  if (lastBreak >= contentStart - 1 && /^ {0,3}(?:`{3,}|~{3,})[ \t]*$/.test(source.slice(lastBreak + 1))) {
    contentEnd = source[lastBreak] === '\n' && source[lastBreak - 1] === '\r' ? lastBreak - 1 : lastBreak;
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
  let lineStart = block.start;
  while (lineStart < block.end) {
    let lineEnd = lineStart;
    while (lineEnd < block.end && text.charCodeAt(lineEnd) !== 10 && text.charCodeAt(lineEnd) !== 13) lineEnd++;
    let first = lineStart;
    while (first < lineEnd && (text.charCodeAt(first) === 32 || text.charCodeAt(first) === 9)) first++;
    if (text.charAt(first) === '#') comments.push({ start: first, end: lineEnd });
    lineStart = lineEnd;
    if (text.charCodeAt(lineStart) === 13) lineStart++;
    if (text.charCodeAt(lineStart) === 10) lineStart++;
  }
  return comments;
}
