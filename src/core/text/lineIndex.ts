import type { Point } from '../types';
import { lowerBound } from './search';

/**
 * Maps offsets of a text to 1-based lines and columns. Line breaks are `\r\n`, `\n` or `\r`,
 * as in CommonMark and VS Code; columns count UTF-16 code units, as VS Code does.
 */
export class LineIndex {
  /** Offset at which each line starts (a typed array: an edit copies it whole, see `afterEdit`). */
  readonly lineStarts: Uint32Array;

  constructor(readonly text: string, knownStarts?: Uint32Array) {
    if (knownStarts) {
      this.lineStarts = knownStarts;
      return;
    }
    const starts = [0];
    if (!text.includes('\r')) {
      for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
      this.lineStarts = Uint32Array.from(starts);
      return;
    }
    for (let i = 0; i < text.length; i++) {
      const code = text.charCodeAt(i);
      if (code === 10) starts.push(i + 1);
      else if (code === 13) {
        if (text.charCodeAt(i + 1) === 10) i++;
        starts.push(i + 1);
      }
    }
    this.lineStarts = Uint32Array.from(starts);
  }

  /**
   * The index of `text`, an edited version of the text `previous` indexes: the line starts before and
   * after the edit are taken over (shifted after it), only the edited part is scanned.
   */
  static afterEdit(previous: LineIndex, text: string): LineIndex {
    const old = previous.text;
    const { prefix, suffix } = commonEnds(old, text);
    const delta = text.length - old.length;
    const before = previous.lineStarts;
    const head = lowerBound(before, Math.max(prefix, 1));
    const editEnd = text.length - suffix;
    // A line starts at p when a line break ends at p - 1 (a CR only when no LF follows it at p).
    const edited: number[] = [];
    for (let p = Math.max(prefix, 1); p <= editEnd; p++) {
      const code = text.charCodeAt(p - 1);
      if (code === 10 || (code === 13 && text.charCodeAt(p) !== 10)) edited.push(p);
    }
    const tail = lowerBound(before, editEnd - delta + 1);
    const starts = new Uint32Array(head + edited.length + before.length - tail);
    starts.set(before.subarray(0, head));
    starts.set(edited, head);
    const shifted = head + edited.length;
    if (delta === 0) starts.set(before.subarray(tail), shifted);
    else for (let at = tail; at < before.length; at++) starts[shifted + at - tail] = (before[at] as number) + delta;
    return new LineIndex(text, starts);
  }

  get lineCount(): number {
    return this.lineStarts.length;
  }

  /** The point of an offset, clamped into the text. */
  point(offset: number): Point {
    const clamped = Math.max(0, Math.min(offset, this.text.length));
    let low = 0;
    let high = this.lineStarts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if ((this.lineStarts[mid] as number) <= clamped) low = mid;
      else high = mid - 1;
    }
    return { line: low + 1, column: clamped - (this.lineStarts[low] as number) + 1, offset: clamped };
  }

  /** Offset of a 1-based line and column, clamped into the text. */
  offset(line: number, column: number): number {
    const index = Math.max(0, Math.min(line - 1, this.lineStarts.length - 1));
    return Math.min(this.text.length, (this.lineStarts[index] as number) + Math.max(0, column - 1));
  }

  /** Offset where a 1-based line starts. */
  lineStart(line: number): number {
    return this.offset(line, 1);
  }

  /** Offset where a 1-based line's content ends (before its line break). */
  lineEnd(line: number): number {
    const index = Math.max(0, Math.min(line - 1, this.lineStarts.length - 1));
    if (index + 1 >= this.lineStarts.length) return this.text.length;
    let end = this.lineStarts[index + 1] as number;
    if (this.text.charCodeAt(end - 1) === 10) end--;
    if (this.text.charCodeAt(end - 1) === 13) end--;
    return end;
  }

  lineText(line: number): string {
    return this.text.slice(this.lineStart(line), this.lineEnd(line));
  }
}

const BLOCK = 1024;

/** How many characters two texts share at their start, and then at their end (not overlapping the start). */
export function commonEnds(a: string, b: string): { prefix: number; suffix: number } {
  const limit = Math.min(a.length, b.length);
  let prefix = 0;
  // Whole blocks first: comparing substrings is native code, far faster than a loop over characters.
  while (prefix + BLOCK <= limit && a.substring(prefix, prefix + BLOCK) === b.substring(prefix, prefix + BLOCK)) prefix += BLOCK;
  while (prefix < limit && a.charCodeAt(prefix) === b.charCodeAt(prefix)) prefix++;
  let suffix = 0;
  const room = limit - prefix;
  while (suffix + BLOCK <= room && a.substring(a.length - suffix - BLOCK, a.length - suffix) === b.substring(b.length - suffix - BLOCK, b.length - suffix)) suffix += BLOCK;
  while (suffix < room && a.charCodeAt(a.length - 1 - suffix) === b.charCodeAt(b.length - 1 - suffix)) suffix++;
  return { prefix, suffix };
}

/** The line break the text uses most, for text we insert into it. */
export function detectEol(text: string): '\n' | '\r\n' {
  const crlf = text.indexOf('\r\n');
  if (crlf < 0) return '\n';
  const lf = text.indexOf('\n');
  return lf === crlf + 1 ? '\r\n' : '\n';
}
