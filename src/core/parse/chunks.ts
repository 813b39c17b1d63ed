/**
 * Splits a document into chunks at ATX headings that start a line (no indentation), outside front
 * matter and fenced code. Such a heading ends every open block except a fence or an HTML block, so
 * each chunk parses on its own as it would inside the whole document; `parseDocument` merges a chunk
 * into the next when its parse shows a fence or HTML block still open at its end.
 */
export interface ChunkSpan {
  start: number;
  end: number;
}

const ATX_HEADING = /^#{1,6}(?:[ \t]|$)/;
const FRONT_MATTER_FENCE = /^---[ \t]*$/;
const FENCE_OPEN = /^ {0,3}(`{3,}|~{3,})(.*)$/;

/** Character codes a line must start with to matter here: `#`, a space (indented fence), a backtick, `~`, `-`. */
const MAY_MATTER = new Set([35, 32, 96, 126, 45]);

export function splitChunks(text: string): ChunkSpan[] {
  const starts = [0];
  let fence: { char: string; size: number } | undefined;
  let offset = 0;
  let lineNumber = 0;
  let inFrontMatter = false;
  const onlyLf = !text.includes('\r');
  while (offset < text.length) {
    let lineEnd = onlyLf ? text.indexOf('\n', offset) : offset;
    if (lineEnd < 0) lineEnd = text.length;
    else if (!onlyLf) while (lineEnd < text.length && text.charCodeAt(lineEnd) !== 10 && text.charCodeAt(lineEnd) !== 13) lineEnd++;
    let next = lineEnd;
    if (text.charCodeAt(next) === 13) next++;
    if (text.charCodeAt(next) === 10) next++;
    // Most lines are prose or table rows: they can neither split nor open or close a fence.
    if (MAY_MATTER.has(text.charCodeAt(offset))) {
      const line = text.slice(offset, lineEnd);
      if (lineNumber === 0 && FRONT_MATTER_FENCE.test(line)) inFrontMatter = true;
      else if (inFrontMatter) {
        if (FRONT_MATTER_FENCE.test(line)) inFrontMatter = false;
      } else if (fence) {
        const close = /^ {0,3}(`{3,}|~{3,})[ \t]*$/.exec(line);
        if (close?.[1] && close[1][0] === fence.char && close[1].length >= fence.size) fence = undefined;
      } else {
        const open = FENCE_OPEN.exec(line);
        if (open?.[1] && !(open[1][0] === '`' && open[2]?.includes('`'))) {
          fence = { char: open[1][0] as string, size: open[1].length };
        } else if (offset > 0 && ATX_HEADING.test(line)) {
          starts.push(offset);
        }
      }
    }
    offset = next;
    lineNumber++;
  }
  return starts.map((start, i) => ({ start, end: starts[i + 1] ?? text.length }));
}
