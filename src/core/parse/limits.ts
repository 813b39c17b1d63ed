/**
 * Keeps remark's parse bounded. micromark needs time that grows faster than the text on some inputs:
 * containers nested deep on a line (10,000 `> ` or `- ` overflow its stack, and 2,000 take a minute)
 * and inline runs crowded with delimiters (unmatched or nested `*`/`_`, unclosed `[a](`, backslashes,
 * a row of 100,000 `|`). Such lines are blanked before parsing (same length, line breaks kept, so
 * every offset stays the text's own) and reported as not checked. No real report comes near the
 * limits below.
 */

import type { CodeFence } from './lines';
import { closesCodeFence, codeFenceOpening, forEachLine, frontMatterBlock } from './lines';

/** Containers (block quotes, list items, two columns of indentation before one) opened on one line. */
export const MAX_NESTING = 32;
/** Delimiter characters in one inline run: a paragraph, a list item's first paragraph, a heading or a table cell. */
export const MAX_INLINE_DELIMITERS = 2000;
/** Cells in one table row. */
export const MAX_TABLE_CELLS = 5000;

/** Lines left out of the parse, as offsets into the text, with why. */
export interface SkippedSpan {
  start: number;
  end: number;
  reason: string;
}

export interface LimitedText {
  /** The text with over-limit lines blanked; the text itself when nothing was. */
  text: string;
  skipped: SkippedSpan[];
}

interface Line {
  start: number;
  /** End of the content, before the line break. */
  end: number;
}

const enum Code {
  Tab = 9,
  Space = 32,
  Bang = 33,
  Hash = 35,
  Paren = 40,
  CloseParen = 41,
  Star = 42,
  Plus = 43,
  Dash = 45,
  Dot = 46,
  Zero = 48,
  Nine = 57,
  Less = 60,
  Greater = 62,
  Bracket = 91,
  Backslash = 92,
  CloseBracket = 93,
  Underscore = 95,
  Backtick = 96,
  Pipe = 124,
  Tilde = 126,
}

/** A link reference definition (`[label]: url`): not inline content, so its brackets don't count. */
const DEFINITION = /^ {0,3}\[[^\]\r\n]{1,999}\]:/;
const DELIMITER_ROW = /^\|?[ \t]*:?-+:?[ \t]*(?:\|[ \t]*:?-+:?[ \t]*)*\|?$/;

/** Blanks the lines that would make the parse slow, if any. Linear in the text. */
export function limitComplexity(text: string): LimitedText {
  const skipped: SkippedSpan[] = [];
  // Front matter is YAML, not Markdown: its lines are left out.
  const lines: Line[] = [];
  forEachLine(text, (start, end) => {
    lines.push({ start, end });
  }, frontMatterBlock(text)?.next ?? 0);
  let fence: CodeFence | undefined;
  /** The inline run being counted: from line `first`, `lines` long; in a table each row is a run. */
  let run: { first: number; delimiters: number; table: boolean; lines: number } | undefined;
  const flagRun = (last: number, reason: string): void => {
    const first = lines[run?.first ?? last] as Line;
    skipped.push({ start: first.start, end: (lines[last] as Line).end, reason });
    run = undefined;
  };
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index] as Line;
    const content = text.slice(line.start, line.end);
    if (fence) {
      if (closesCodeFence(content, fence)) fence = undefined;
      continue;
    }
    fence = codeFenceOpening(content);
    if (fence) {
      run = undefined;
      continue;
    }
    const prefix = containerPrefix(content);
    if (prefix.depth > MAX_NESTING) {
      skipped.push({ start: line.start, end: line.end, reason: `block quotes or lists nested ${prefix.depth} deep (more than ${MAX_NESTING})` });
      run = undefined;
      continue;
    }
    const body = content.slice(prefix.contentStart);
    if (body.trim() === '') {
      run = undefined;
      continue;
    }
    const delimiters = countDelimiters(body);
    const startsBlock = prefix.listItem || body.charCodeAt(0) === Code.Hash;
    if (!run || startsBlock) run = { first: index, delimiters: 0, table: false, lines: 0 };
    else if (run.table) run = { first: index, delimiters: 0, table: true, lines: 1 };
    else if (run.lines === 1 && DELIMITER_ROW.test(body.trim())) run.table = true;
    if (!DEFINITION.test(body)) run.delimiters += run.table ? delimiters.inCell : delimiters.inline;
    run.lines++;
    if (run.table && delimiters.pipes > MAX_TABLE_CELLS) {
      flagRun(index, `a table row with ${delimiters.pipes} cells (more than ${MAX_TABLE_CELLS})`);
    } else if (run.delimiters > MAX_INLINE_DELIMITERS) {
      flagRun(index, `${run.delimiters} emphasis, link, code or escape marks in one paragraph or table cell (more than ${MAX_INLINE_DELIMITERS})`);
    }
  }
  if (skipped.length === 0) return { text, skipped };
  return { text: blank(text, skipped), skipped: mergeSpans(skipped) };
}

/**
 * The containers a line opens or continues: `>` and list markers, plus one level per two columns of
 * indentation before the first of them (how lists nest across lines).
 */
function containerPrefix(line: string): { depth: number; contentStart: number; listItem: boolean } {
  let i = 0;
  let depth = 0;
  let listItem = false;
  let first = true;
  let markerChars = 0;
  let onlyBreakMarks = true;
  for (;;) {
    let columns = 0;
    const whitespaceStart = i;
    while (i < line.length && (line.charCodeAt(i) === Code.Space || line.charCodeAt(i) === Code.Tab)) {
      columns += line.charCodeAt(i) === Code.Tab ? 4 - (columns % 4) : 1;
      i++;
    }
    const code = line.charCodeAt(i);
    let next = i;
    if (code === Code.Greater) {
      next = i + 1;
      onlyBreakMarks = false;
    } else if ((code === Code.Dash || code === Code.Star || code === Code.Plus) && isBlankOrEnd(line, i + 1)) {
      next = i + 1;
      listItem = true;
      if (code === Code.Plus) onlyBreakMarks = false;
    } else if (code >= Code.Zero && code <= Code.Nine) {
      let j = i;
      while (j < line.length && j - i < 9 && line.charCodeAt(j) >= Code.Zero && line.charCodeAt(j) <= Code.Nine) j++;
      const end = line.charCodeAt(j);
      if ((end === Code.Dot || end === Code.CloseParen) && isBlankOrEnd(line, j + 1)) {
        next = j + 1;
        listItem = true;
        onlyBreakMarks = false;
      }
    }
    if (next === i) return { depth: onlyBreakMarks && i >= line.length && markerChars >= 3 ? 0 : depth, contentStart: whitespaceStart, listItem };
    if (first) depth += columns >> 1;
    first = false;
    depth++;
    markerChars++;
    i = next;
  }
}

function isBlankOrEnd(line: string, index: number): boolean {
  if (index >= line.length) return true;
  const code = line.charCodeAt(index);
  return code === Code.Space || code === Code.Tab;
}

/** Delimiter characters in a line: all of them, and the most between two pipes (a table cell is its own inline run). */
function isInlineDelimiter(code: number): boolean {
  switch (code) {
    case Code.Star:
    case Code.Underscore:
    case Code.Bracket:
    case Code.CloseBracket:
    case Code.Paren:
    case Code.CloseParen:
    case Code.Backtick:
    case Code.Tilde:
    case Code.Less:
    case Code.Bang:
    case Code.Backslash:
      return true;
  }
  return false;
}

/** The characters in `text` that the limits count as inline delimiters, counted up to `stopAt` at most. */
export function inlineDelimiterCount(text: string, stopAt = Infinity): number {
  let count = 0;
  for (let i = 0; i < text.length && count < stopAt; i++) if (isInlineDelimiter(text.charCodeAt(i))) count++;
  return count;
}

function countDelimiters(body: string): { inline: number; inCell: number; pipes: number } {
  let inline = 0;
  let inCell = 0;
  let cellStart = 0;
  let pipes = 0;
  for (let i = 0; i < body.length; i++) {
    const code = body.charCodeAt(i);
    if (isInlineDelimiter(code)) inline++;
    else if (code === Code.Pipe) {
      pipes++;
      inCell = Math.max(inCell, inline - cellStart);
      cellStart = inline;
    }
  }
  return { inline, inCell: Math.max(inCell, inline - cellStart), pipes };
}

function mergeSpans(spans: SkippedSpan[]): SkippedSpan[] {
  const sorted = [...spans].sort((a, b) => a.start - b.start);
  const merged: SkippedSpan[] = [];
  for (const span of sorted) {
    const last = merged[merged.length - 1];
    if (last && span.start <= last.end + 2) last.end = Math.max(last.end, span.end);
    else merged.push({ ...span });
  }
  return merged;
}

/** Replaces every character of the spans but line breaks with a space. */
function blank(text: string, spans: readonly SkippedSpan[]): string {
  const parts: string[] = [];
  let at = 0;
  for (const span of [...spans].sort((a, b) => a.start - b.start)) {
    if (span.start < at) continue;
    parts.push(text.slice(at, span.start), text.slice(span.start, span.end).replace(/[^\r\n]+/g, (line) => ' '.repeat(line.length)));
    at = span.end;
  }
  parts.push(text.slice(at));
  return parts.join('');
}
