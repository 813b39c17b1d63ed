import type { Span } from './spans';

/** A line of a paragraph that starts with a bold label: `**Metric 1**: Target value`. */
export interface LabelLine {
  /** The label's text between the `**`, without a trailing colon. */
  label: Span;
  /** The text after the label and its colon, trimmed; undefined when the line holds only the label. */
  value: Span | undefined;
}

/**
 * Finds the label lines of a paragraph from its source (`start`–`end` in `text`). Continuation lines
 * may carry indentation or block quote markers. Each line is scanned once, so this is linear.
 */
export function labelLines(text: string, start: number, end: number): LabelLine[] {
  const lines: LabelLine[] = [];
  let lineStart = start;
  while (lineStart < end) {
    let lineEnd = lineStart;
    while (lineEnd < end && text.charCodeAt(lineEnd) !== 10 && text.charCodeAt(lineEnd) !== 13) lineEnd++;
    const line = readLabelLine(text, lineStart, lineEnd, lineStart !== start);
    if (line) lines.push(line);
    lineStart = lineEnd;
    if (text.charCodeAt(lineStart) === 13) lineStart++;
    if (text.charCodeAt(lineStart) === 10) lineStart++;
  }
  return lines;
}

function readLabelLine(text: string, lineStart: number, lineEnd: number, continuation: boolean): LabelLine | undefined {
  let at = lineStart;
  if (continuation) while (at < lineEnd && /[ \t>]/.test(text.charAt(at))) at++;
  const delimiter = text.slice(at, at + 2);
  if (delimiter !== '**' && delimiter !== '__') return undefined;
  const line = text.slice(at + 2, lineEnd);
  const close = line.indexOf(delimiter);
  if (close <= 0) return undefined;
  let labelEnd = at + 2 + close;
  let after = labelEnd + 2;
  const labelStart = skipSpaces(text, at + 2, labelEnd);
  while (labelEnd > labelStart && /[\s:]/.test(text.charAt(labelEnd - 1))) labelEnd--;
  if (labelEnd <= labelStart) return undefined;
  after = skipSpaces(text, after, lineEnd);
  if (text.charAt(after) === ':') after = skipSpaces(text, after + 1, lineEnd);
  let valueEnd = lineEnd;
  while (valueEnd > after && /[\s\\]/.test(text.charAt(valueEnd - 1))) valueEnd--;
  return {
    label: { start: labelStart, end: labelEnd },
    value: valueEnd > after ? { start: after, end: valueEnd } : undefined,
  };
}

function skipSpaces(text: string, from: number, limit: number): number {
  let at = from;
  while (at < limit && (text.charCodeAt(at) === 32 || text.charCodeAt(at) === 9)) at++;
  return at;
}
