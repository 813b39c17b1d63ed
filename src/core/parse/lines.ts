/**
 * Line-level Markdown: the constructs that can be recognised from a single line (or, for front matter,
 * from its fence lines), as CommonMark, GFM and remark-frontmatter define them. Everything that looks
 * at lines before or beside remark (chunk splitting, parse limits, sniffing a report's type, template
 * text) asks here, so they agree with each other and with remark's parse. Plain scans, no regular
 * expressions: a line may be 100,000 characters of data.
 */
import type { Point } from 'unist';

const enum Code {
  Tab = 9,
  LineFeed = 10,
  CarriageReturn = 13,
  Space = 32,
  Hash = 35,
  Star = 42,
  Dash = 45,
  Underscore = 95,
  Backtick = 96,
  Tilde = 126,
}

const isBlank = (code: number): boolean => code === Code.Space || code === Code.Tab;

/** Whether `text` from `from` to `to` holds only spaces and tabs. */
export function blankTo(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (!isBlank(text.charCodeAt(i))) return false;
  return true;
}

/** Offset of the first line break (`\r` or `\n`) at or after `from`, or the text's length. */
export function lineEnd(text: string, from: number): number {
  let end = from;
  while (end < text.length && text.charCodeAt(end) !== Code.LineFeed && text.charCodeAt(end) !== Code.CarriageReturn) end++;
  return end;
}

/** Offset past the line break at `end` (`\r\n`, `\r` or `\n`); `end` itself at the text's end. */
export function pastBreak(text: string, end: number): number {
  let next = end;
  if (text.charCodeAt(next) === Code.CarriageReturn) next++;
  if (text.charCodeAt(next) === Code.LineFeed) next++;
  return next;
}

/** Offset where the text's last line starts; with `end`, where the line holding `end` starts (of `text.slice(0, end)`, its last line). */
export function lastLineStart(text: string, end = text.length): number {
  let at = end;
  while (at > 0 && text.charCodeAt(at - 1) !== 10 && text.charCodeAt(at - 1) !== 13) at--;
  return at;
}

/**
 * The text's end without the run of trailing characters in `trailing`. A scan from the end: a regex
 * such as `/[ \t\n]+$/` tries every position from the start, which costs a pass over a long chunk.
 */
export function endWithout(text: string, trailing: string, end = text.length): number {
  let at = end;
  while (at > 0 && trailing.includes(text.charAt(at - 1))) at--;
  return at;
}

/** How many line breaks (`\r\n`, `\r` or `\n`) `text.slice(0, end)` holds. */
export function breaksBefore(text: string, end = text.length): number {
  let count = 0;
  if (!text.includes('\r')) {
    for (let at = text.indexOf('\n'); at >= 0 && at < end; at = text.indexOf('\n', at + 1)) count++;
    return count;
  }
  for (let at = 0; at < end; at++) {
    const code = text.charCodeAt(at);
    if (code === 10 || (code === 13 && (at + 1 === end || text.charCodeAt(at + 1) !== 10))) count++;
  }
  return count;
}

/**
 * Calls `visit` for every line from `from` (a line start) on, with the line's start, its end (before the
 * break) and the next line's start, until it returns false. Lines break at `\r\n`, `\r` or `\n`, as in
 * CommonMark; a text that ends with a break ends with an empty line, as in `LineIndex`.
 */
export function forEachLine(text: string, visit: (start: number, end: number, next: number) => boolean | void, from = 0): void {
  const onlyLf = !text.includes('\r');
  for (let start = from; ;) {
    let end: number;
    if (onlyLf) {
      end = text.indexOf('\n', start);
      if (end < 0) end = text.length;
    } else end = lineEnd(text, start);
    const next = pastBreak(text, end);
    if (visit(start, end, next) === false || next === end) return;
    start = next;
  }
}

/** Where a tree of `text` ends (mdast's root end): the point after its last character. */
export function endPoint(text: string): Point {
  return { line: breaksBefore(text) + 1, column: text.length - lastLineStart(text) + 1, offset: text.length };
}

/** A `---` front matter fence line: three dashes at the line's start, then only blanks. */
export function isFrontMatterFence(line: string): boolean {
  return line.startsWith('---') && blankTo(line, 3, line.length);
}

/** The front matter block at the start of a text, by offsets. */
export interface FrontMatterBlock {
  /** Start of the line after the opening fence, where the YAML starts. */
  contentStart: number;
  /** Start of the closing fence line, where the YAML ends. */
  closeStart: number;
  /** End of the closing fence line, before its line break (the end of remark's `yaml` node). */
  end: number;
  /** Start of the line after the block. */
  next: number;
}

/**
 * The front matter block as remark-frontmatter reads it: the text's first line is a fence followed by a
 * line break, and a later fence line closes it. A block that is never closed is no front matter: remark
 * parses its lines as Markdown (the first `---` is a thematic break), and so do the parse limits and
 * the type sniffing. The chunk splitter keeps such a text whole for another reason (see chunks.ts).
 * A leading byte order mark must already be removed.
 */
export function frontMatterBlock(text: string): FrontMatterBlock | undefined {
  if (!text.startsWith('---')) return undefined;
  let contentStart = -1;
  let block: FrontMatterBlock | undefined;
  forEachLine(text, (start, end, next) => {
    const fence = text.startsWith('---', start) && blankTo(text, start + 3, end);
    if (contentStart < 0) {
      // The opening fence must end with a line break.
      if (!fence || next === end) return false;
      contentStart = next;
      return true;
    }
    if (!fence) return true;
    block = { contentStart, closeStart: start, end, next };
    return false;
  });
  return block;
}

/** An open fenced code block: its fence character (`` ` `` or `~`, as a character code) and length. */
export interface CodeFence {
  char: number;
  size: number;
}

/** Indentation a fence, a heading or a thematic break may have: up to three spaces. */
function fenceIndent(line: string): number {
  let i = 0;
  while (i < 3 && line.charCodeAt(i) === Code.Space) i++;
  return i;
}

/** Length of the run of `char` at `from`. */
function runLength(line: string, from: number, char: number): number {
  let end = from;
  while (line.charCodeAt(end) === char) end++;
  return end - from;
}

/**
 * The fence a line opens (CommonMark 4.5): up to three spaces, then three or more backticks or tildes,
 * then an info string, which after backticks may hold no backtick.
 */
export function codeFenceOpening(line: string): CodeFence | undefined {
  const at = fenceIndent(line);
  const char = line.charCodeAt(at);
  if (char !== Code.Backtick && char !== Code.Tilde) return undefined;
  const size = runLength(line, at, char);
  if (size < 3) return undefined;
  if (char === Code.Backtick && line.indexOf('`', at + size) >= 0) return undefined;
  return { char, size };
}

/** Whether a line closes `fence`: up to three spaces, a run of its character at least as long, then only blanks. */
export function closesCodeFence(line: string, fence: CodeFence): boolean {
  const at = fenceIndent(line);
  const size = runLength(line, at, fence.char);
  return size >= fence.size && blankTo(line, at + size, line.length);
}

/**
 * An ATX heading line (CommonMark 4.2) that starts the line, with its depth and the offsets of its text,
 * without the opening marks, the closing sequence and the blanks around them. Indented headings (one to
 * three spaces) are headings too, but none of the scans here needs them: they split chunks and read
 * templates only at unindented headings, and leave indented ones to remark.
 */
export function atxHeadingLine(line: string): { depth: number; textStart: number; textEnd: number } | undefined {
  const depth = atxHeadingDepth(line);
  if (depth === 0) return undefined;
  let textStart = depth;
  while (isBlank(line.charCodeAt(textStart))) textStart++;
  let textEnd = line.length;
  while (textEnd > textStart && isBlank(line.charCodeAt(textEnd - 1))) textEnd--;
  let closing = textEnd;
  while (closing > textStart && line.charCodeAt(closing - 1) === Code.Hash) closing--;
  if (closing < textEnd && (closing === textStart || isBlank(line.charCodeAt(closing - 1)))) {
    textEnd = closing;
    while (textEnd > textStart && isBlank(line.charCodeAt(textEnd - 1))) textEnd--;
  }
  return { depth, textStart, textEnd };
}

/** The depth of the unindented ATX heading a line is (one to six `#` then a blank or the end), else 0. */
export function atxHeadingDepth(line: string): number {
  const depth = runLength(line, 0, Code.Hash);
  if (depth < 1 || depth > 6 || (depth < line.length && !isBlank(line.charCodeAt(depth)))) return 0;
  return depth;
}

/** Whether a line is an ATX heading, indented up to three spaces or not. */
export function isAtxHeading(line: string): boolean {
  return atxHeadingDepth(line.slice(fenceIndent(line))) > 0;
}

/** A thematic break line (CommonMark 4.1): up to three spaces, then three or more of one of `-`, `*`, `_`, blanks between and after. */
export function isThematicBreak(line: string): boolean {
  const at = fenceIndent(line);
  const char = line.charCodeAt(at);
  if (char !== Code.Dash && char !== Code.Star && char !== Code.Underscore) return false;
  let count = 0;
  for (let i = at; i < line.length; i++) {
    const code = line.charCodeAt(i);
    if (code === char) count++;
    else if (!isBlank(code)) return false;
  }
  return count >= 3;
}
