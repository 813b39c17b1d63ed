/**
 * The inline content of a plain block, read without micromark: text, `**strong**` whose content is
 * plain text between letters or digits, `` `code` ``, `[links](url)`, `[labels]` that nothing defines,
 * intraword `_`, a lone `~`, and `&` and `<` where they start nothing. That is
 * most of what reports hold, and for it CommonMark's rules come down to a few checks: an opening
 * `**` followed by a letter or digit can open whatever comes before it, a closing `**` after one can
 * close, and with no other `*` in between the two pair. Anything else (escapes, links, HTML,
 * emphasis with `*` or `_`, entities, strikethrough, hard breaks) is refused, and remark reads the
 * block. `test/unit/plainBlocksParse.test.ts` compares the trees node for node.
 */
import type { PhrasingContent } from 'mdast';
import type { Point } from 'unist';

const enum Code {
  Tab = 9,
  LineFeed = 10,
  Space = 32,
  Bang = 33,
  Hash = 35,
  Ampersand = 38,
  Paren = 40,
  CloseParen = 41,
  Star = 42,
  Slash = 47,
  Zero = 48,
  Nine = 57,
  Less = 60,
  Question = 63,
  Bracket = 91,
  Backslash = 92,
  CloseBracket = 93,
  Caret = 94,
  Underscore = 95,
  Backtick = 96,
  Tilde = 126,
}

/** What an ASCII character is in plain inline content. */
const enum Kind {
  Plain = 0,
  /** Starts or may start a construct this reader does not read (or is a control character). */
  Refused = 1,
  Star = 2,
  Backtick = 3,
  Underscore = 4,
  Ampersand = 5,
  Tilde = 6,
  LineFeed = 7,
  Less = 8,
  Bracket = 9,
  CloseBracket = 10,
}

const KINDS = new Uint8Array(128);
for (let code = 0; code < 32; code++) KINDS[code] = Kind.Refused;
KINDS[127] = Kind.Refused;
KINDS[Code.Tab] = Kind.Plain;
KINDS[Code.LineFeed] = Kind.LineFeed;
KINDS[Code.Backslash] = Kind.Refused;
KINDS[Code.Bracket] = Kind.Bracket;
KINDS[Code.CloseBracket] = Kind.CloseBracket;
KINDS[Code.Less] = Kind.Less;
KINDS[Code.Star] = Kind.Star;
KINDS[Code.Backtick] = Kind.Backtick;
KINDS[Code.Underscore] = Kind.Underscore;
KINDS[Code.Ampersand] = Kind.Ampersand;
KINDS[Code.Tilde] = Kind.Tilde;

export function isAsciiAlphanumeric(code: number): boolean {
  return (code >= Code.Zero && code <= Code.Nine) || ((code | 32) >= 97 && (code | 32) <= 122);
}

/** The points of offsets in a block's lines, from the start offset of each line and the line number of the first. */
export class LinePoints {
  constructor(
    private readonly starts: readonly number[],
    private readonly firstLine: number,
  ) {}

  at(offset: number): Point {
    let low = 0;
    let high = this.starts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if ((this.starts[middle] as number) <= offset) low = middle;
      else high = middle - 1;
    }
    return { line: this.firstLine + low, column: offset - (this.starts[low] as number) + 1, offset };
  }
}

/**
 * The phrasing nodes of `text` from `start` to `end` (the content of a heading, a table cell, or a
 * paragraph whose lines are unindented and end without blanks), or undefined when it holds anything
 * this reader does not read. The text must define no label (`[label]: …`).
 */
export function plainInline(text: string, start: number, end: number, points: LinePoints): PhrasingContent[] | undefined {
  const nodes: PhrasingContent[] = [];
  let textStart = start;
  let tildes = 0;
  /** The `]` of a bracketed text read as it is. */
  let literalClose = -1;
  const flushText = (to: number): void => {
    if (to > textStart) nodes.push({ type: 'text', value: text.slice(textStart, to), position: { start: points.at(textStart), end: points.at(to) } });
  };
  for (let at = start; at < end; at++) {
    const code = text.charCodeAt(at);
    if (code >= 128) continue;
    switch (KINDS[code] as Kind) {
      case Kind.Plain:
      case Kind.LineFeed:
        continue;
      case Kind.Refused:
        return undefined;
      case Kind.CloseBracket:
        if (at !== literalClose) return undefined;
        continue;
      case Kind.Bracket: {
        const close = bracketEnd(text, at, end);
        // A footnote call, an image, nested or unclosed brackets, or a reference (`[a][b]`): remark.
        if (close < 0 || text.charCodeAt(at + 1) === Code.Caret || (at > start && text.charCodeAt(at - 1) === Code.Bang)) return undefined;
        const after = text.charCodeAt(close + 1);
        if (after === Code.Paren) {
          const link = inlineLink(text, at, close, end, points);
          if (!link) return undefined;
          flushText(at);
          nodes.push(link);
          at = (link.position?.end.offset ?? at + 1) - 1;
          textStart = at + 1;
          continue;
        }
        // `[label]` stays text: the chunk defines no label (the caller makes sure), and a definition
        // elsewhere in the document makes the chunk parse again with it, through remark.
        if (after === Code.Bracket) return undefined;
        literalClose = close;
        continue;
      }
      case Kind.Less: {
        // `<` starts HTML or an autolink only before a letter, `/`, `!` or `?`.
        const next = text.charCodeAt(at + 1);
        if (at + 1 < end && (((next | 32) >= 97 && (next | 32) <= 122) || next === Code.Slash || next === 33 || next === Code.Question)) return undefined;
        continue;
      }
      case Kind.Ampersand: {
        // `&` starts a character reference only before `#` or a letter or digit.
        const next = text.charCodeAt(at + 1);
        if (at + 1 < end && (next === Code.Hash || isAsciiAlphanumeric(next))) return undefined;
        continue;
      }
      case Kind.Underscore:
        // Between letters or digits `_` can neither open nor close emphasis.
        if (at === start || at + 1 >= end || !isAsciiAlphanumeric(text.charCodeAt(at - 1)) || !isAsciiAlphanumeric(text.charCodeAt(at + 1))) return undefined;
        continue;
      case Kind.Tilde:
        // One `~` in a run has nothing to pair with.
        if (++tildes > 1) return undefined;
        continue;
      case Kind.Backtick: {
        const close = codeSpanEnd(text, at, end);
        if (close < 0) return undefined;
        flushText(at);
        nodes.push({ type: 'inlineCode', value: text.slice(at + 1, close), position: { start: points.at(at), end: points.at(close + 1) } });
        at = close;
        textStart = close + 1;
        continue;
      }
      case Kind.Star: {
        const close = strongEnd(text, at, end);
        if (close < 0) return undefined;
        flushText(at);
        const inner: PhrasingContent = { type: 'text', value: text.slice(at + 2, close), position: { start: points.at(at + 2), end: points.at(close) } };
        nodes.push({ type: 'strong', children: [inner], position: { start: points.at(at), end: points.at(close + 2) } });
        at = close + 1;
        textStart = close + 2;
        continue;
      }
    }
  }
  flushText(end);
  return nodes;
}

/** The `]` that closes the `[` at `open` on its line, with nothing between that could nest or escape; -1 otherwise. */
function bracketEnd(text: string, open: number, end: number): number {
  for (let at = open + 1; at < end; at++) {
    const code = text.charCodeAt(at);
    if (code === Code.CloseBracket) return at > open + 1 ? at : -1;
    if (code === Code.Bracket || code === Code.Backslash || code === Code.LineFeed || code === Code.Backtick || code === Code.Less) return -1;
  }
  return -1;
}

/**
 * `[text](destination)`: text that plainInline reads, a destination without blanks, parentheses,
 * angle brackets, quotes, escapes or character references (nothing in it is then decoded, and there
 * is no title). Undefined otherwise.
 */
function inlineLink(text: string, open: number, close: number, end: number, points: LinePoints): PhrasingContent | undefined {
  const destinationStart = close + 2;
  let at = destinationStart;
  for (; at < end; at++) {
    const code = text.charCodeAt(at);
    if (code === Code.CloseParen) break;
    if (code <= Code.Space || code === Code.Paren || code === Code.Less || code === 62 || code === Code.Backslash || code === Code.Ampersand || code === 34 || code === 39 || code === 127) return undefined;
  }
  if (at >= end || at === destinationStart) return undefined;
  const children = plainInline(text, open + 1, close, points);
  if (!children || children.length === 0) return undefined;
  return { type: 'link', title: null, url: text.slice(destinationStart, at), children, position: { start: points.at(open), end: points.at(at + 1) } };
}

/**
 * Where the code span opened by the single backtick at `open` closes: the next backtick, alone, on
 * the same line, with content between that neither starts nor ends with a blank (which would be
 * stripped); -1 otherwise.
 */
function codeSpanEnd(text: string, open: number, end: number): number {
  if (text.charCodeAt(open + 1) === Code.Backtick) return -1;
  for (let at = open + 1; at < end; at++) {
    const code = text.charCodeAt(at);
    if (code === Code.LineFeed || code === 13 || code === 0) return -1;
    if (code !== Code.Backtick) continue;
    if (at === open + 1 || text.charCodeAt(at + 1) === Code.Backtick) return -1;
    const first = text.charCodeAt(open + 1);
    const last = text.charCodeAt(at - 1);
    if (first === Code.Space || first === Code.Tab || last === Code.Space || last === Code.Tab) return -1;
    return at;
  }
  return -1;
}

/**
 * Where the `**` at `open` closes: `**` then a letter or digit, plain text on the same line, a letter
 * or digit, then `**`; -1 otherwise. The text between holds no `*`, backtick or other delimiter.
 */
function strongEnd(text: string, open: number, end: number): number {
  if (text.charCodeAt(open + 1) !== Code.Star || !isAsciiAlphanumeric(text.charCodeAt(open + 2))) return -1;
  if (open > 0 && text.charCodeAt(open - 1) === Code.Star) return -1;
  for (let at = open + 3; at + 1 < end; at++) {
    const code = text.charCodeAt(at);
    if (code >= 128) continue;
    if (code === Code.Star) {
      if (text.charCodeAt(at + 1) !== Code.Star || text.charCodeAt(at + 2) === Code.Star || !isAsciiAlphanumeric(text.charCodeAt(at - 1))) return -1;
      return at;
    }
    const kind = KINDS[code] as Kind;
    if (kind === Kind.Plain) continue;
    if (kind === Kind.Underscore && isAsciiAlphanumeric(text.charCodeAt(at - 1)) && isAsciiAlphanumeric(text.charCodeAt(at + 1))) continue;
    return -1;
  }
  return -1;
}
