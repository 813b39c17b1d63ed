import { commonEnds } from '../text/lineIndex';
import { isDelimiterRow, splitRow } from '../text/rowCells';
import type { CodeFence } from './lines';
import { atxHeadingDepth, closesCodeFence, codeFenceOpening, frontMatterBlock, isFrontMatterFence, isThematicBreak, lineEnd } from './lines';

/**
 * Splits a document into chunks, the units that are parsed, cached and checked on their own.
 *
 * Sections: a chunk may start at any ATX heading that starts a line (no indentation), outside front
 * matter and fenced code. Such a heading ends every open block except a fence or an HTML block, so
 * each chunk parses on its own as it would inside the whole document; `parseDocument` merges a chunk
 * into the next when its parse shows a fence or HTML block still open at its end. `splitChunks`
 * starts one at every such heading; `splitUnits` lets short sections share one (`sectionChars`).
 *
 * Within a section, `splitUnits` also splits where a top-level block can start afresh, so an edit in
 * a long section re-parses a few lines rather than the section (see `UnitBoundary`). Which of those
 * places split is decided by the text of the line after them (a hash), not by counting, so an edit
 * moves only the boundaries next to it and every other chunk keeps its text and its cached parse.
 * `parseDocument` checks every such boundary on the parses of the chunks on both sides and merges
 * them where a block might reach across it.
 */
export interface ChunkSpan {
  start: number;
  end: number;
}

/**
 * Why a chunk starts where it does:
 * - `heading`: an unindented ATX heading (or the document's start);
 * - `block`: an unindented line after a blank line;
 * - `list`: an unindented list item with content, right after a line of the list before it;
 * - `fence`: the opening line of a long unindented fence, or the line after its closing line;
 * - `row`: a body row of a long table, whose header and delimiter rows are then in `tableHead`.
 */
export type UnitBoundary = 'heading' | 'block' | 'list' | 'fence' | 'row';

export interface UnitSpan extends ChunkSpan {
  boundary: UnitBoundary;
  /** The chunk's cache key, once `parseDocument` made it: kept with the chunk from version to version. */
  key?: string;
  /** For a chunk of table rows: the table's header and delimiter lines (line breaks included), to parse the rows with. */
  tableHead?: string;
  /** The chunk's last block is a table whose rows go on in the next chunk. */
  tableContinues?: boolean;
}

/** How finely `splitUnits` splits; tests split at every possible place. */
export const unitSettings = {
  /** About one in this many possible places within a section splits (1: all of them; 0: none, sections only). */
  every: 8,
  /** Tables are split into chunks of rows only from this many body rows on: more than any template table has. */
  minTableRows: 64,
  /**
   * Between the rows of a long table, about one in this many places splits (1 when `every` is 1):
   * more often than elsewhere, as GFM table rows parse slowly (~0.2 ms each) and `every`'s 1 in 8
   * leaves runs of 50 rows. By the row's text too, so that an edit moves no split but its own.
   */
  rowsEvery: 4,
  /**
   * A heading starts a chunk when the chunk before it holds this many characters, or when its text
   * says so (about one heading in `headingsEvery`, by a hash of its line, as for `every`): short
   * sections share a chunk, so a report of thousands of small sections is not thousands of chunks,
   * each a cost on every update.
   */
  sectionChars: 1024,
  headingsEvery: 4,
  /** Fences get a chunk of their own from this many lines on. */
  minFenceLines: 32,
  /** A chunk that is one fence of at least this many characters is read without micromark (see chunkParse.ts). */
  minLiteralFenceChars: 2000,
};

/** A list item with content: a bullet not followed by a thematic break's pattern, or a number. */
const LIST_ITEM = /^(?:[-*+][ \t]+\S|\d{1,9}[.)][ \t]+\S)/;

/** Character codes a line must start with to matter for the section split: `#`, a space (indented fence), a backtick, `~`. */
const MAY_MATTER = new Set([35, 32, 96, 126]);

/** The section chunks: split at ATX headings only. */
export function splitChunks(text: string): ChunkSpan[] {
  return scan(text, false);
}

/** The chunks `parseDocument` parses: sections, split further within (see the file's comment). */
export function splitUnits(text: string): UnitSpan[] {
  return scan(text, true);
}

/**
 * `splitUnits`, one step at a time: a step scans about `stepChars` characters, up to a heading. A
 * heading that splits ends every block the scanner tracks, so the scan can start afresh there.
 */
export function* splitUnitsSteps(text: string, stepChars = 100_000): Generator<void, UnitSpan[]> {
  const spans: UnitSpan[] = [];
  for (let from = 0; ; ) {
    let next = -1;
    const part = scan(text, true, from, (at, boundary) => {
      if (boundary !== 'heading' || at - from < stepChars) return false;
      next = at;
      return true;
    });
    for (const span of part) spans.push(span);
    if (next < 0) return spans;
    from = next;
    yield;
  }
}

/** A document's text and its chunks, as `splitUnits` gave them. */
export interface SplitText {
  text: string;
  spans: readonly UnitSpan[];
}

/**
 * `splitUnits(text)`, reusing the chunks of a previous version of the text: only the part around the
 * edit is scanned again, from the last split before it where the scan can start afresh (`RESTARTS`)
 * to the first one after it where the new text splits as the old one did. In a section of 3,000
 * paragraphs or a list of 2,000 items, an edit thus re-scans a few of them, not the section. The
 * chunks kept keep their `key`, so looking them up again costs no hashing of their text.
 */
export function resplitUnits(previous: SplitText, text: string): UnitSpan[] {
  const old = previous.text;
  if (old === text) return [...previous.spans];
  const { prefix, suffix } = commonEnds(old, text);
  const delta = text.length - old.length;
  const spans = previous.spans;
  // The last heading, block or list chunk whose first line, line break included, lies before the edit.
  let from = 0;
  for (let i = spans.length - 1; i > 0; i--) {
    const span = spans[i] as UnitSpan;
    if (!RESTARTS.has(span.boundary) || span.start >= prefix) continue;
    if (lineAfter(old, span.start) <= prefix) {
      from = i;
      break;
    }
  }
  // Where the scan may stop: such a split after the edit, where the new text splits the same way.
  const suffixStart = old.length - suffix;
  const restarts = new Map<number, number>();
  for (let index = spans.length - 1; index > from; index--) {
    const span = spans[index] as UnitSpan;
    if (span.start < suffixStart) break;
    if (RESTARTS.has(span.boundary)) restarts.set(span.start + delta, index);
  }
  let resumeAt = -1;
  const start = spans[from] as UnitSpan;
  const scanned = scan(text, true, start.start, (at, boundary) => {
    const index = restarts.get(at);
    if (index === undefined || (spans[index] as UnitSpan).boundary !== boundary) return false;
    resumeAt = index;
    return true;
  });
  // The scan calls its first chunk a heading's; it starts where the previous split did.
  const first = scanned[0];
  if (first && from > 0) first.boundary = start.boundary;
  const result = spans.slice(0, from);
  // A chunk of the section scanned again that lies wholly before or after the edit is the same chunk.
  const byStart = new Map<number, UnitSpan>();
  for (let i = from; i < spans.length && i < (resumeAt < 0 ? spans.length : resumeAt); i++) {
    const span = spans[i] as UnitSpan;
    if (span.key !== undefined && (span.end <= prefix || span.start >= old.length - suffix)) byStart.set(span.start < prefix ? span.start : span.start + delta, span);
  }
  for (const span of scanned) {
    const same = byStart.get(span.start);
    if (same && same.key !== undefined && same.end + (same.start < prefix ? 0 : delta) === span.end && same.boundary === span.boundary && same.tableHead === span.tableHead && same.tableContinues === span.tableContinues) span.key = same.key;
    result.push(span);
  }
  if (resumeAt >= 0) {
    for (let i = resumeAt; i < spans.length; i++) {
      const span = spans[i] as UnitSpan;
      const moved: UnitSpan = { ...span, start: span.start + delta, end: span.end + delta };
      result.push(moved);
    }
  }
  return result;
}

/**
 * The splits after which what the scanner knows depends on the split's line alone: a heading ends
 * every block it tracks; after a `block` or `list` split (an unindented line after a blank line, or a
 * list item of a top-level list) it knows only whether that line is a list item. A scan can start
 * afresh at one, and once the new text splits at one the same way as the old text did (on text both
 * share), the old chunks from there on are the new ones, moved.
 */
const RESTARTS: ReadonlySet<UnitBoundary> = new Set(['heading', 'block', 'list']);

/** Where the line after the one starting at `start` starts. */
function lineAfter(text: string, start: number): number {
  let end = start;
  while (end < text.length && text.charCodeAt(end) !== 10 && text.charCodeAt(end) !== 13) end++;
  if (text.charCodeAt(end) === 13) end++;
  if (text.charCodeAt(end) === 10) end++;
  return end;
}

interface Line {
  start: number;
  end: number;
  next: number;
}

/**
 * Scans from `from`, which is 0 or the start of a heading line or of a `block` split, to the end, or
 * up to a heading or block split where `stopAt` says the rest is known: the chunks up to there are
 * returned.
 */
function scan(text: string, fine: boolean, from = 0, stopAt?: (at: number, boundary: UnitBoundary) => boolean): UnitSpan[] {
  const spans: UnitSpan[] = [];
  let current: UnitSpan = { start: from, end: text.length, boundary: 'heading' };
  let stopped = false;
  const split = (at: number, boundary: UnitBoundary, tableHead?: string): void => {
    if (at <= current.start) return;
    current.end = at;
    spans.push(current);
    if (RESTARTS.has(boundary) && stopAt?.(at, boundary)) {
      stopped = true;
      return;
    }
    current = { start: at, end: text.length, boundary };
    if (tableHead !== undefined) current.tableHead = tableHead;
  };
  const lines = lineReader(text);
  let fence: (CodeFence & { start: number; lines: number; indent: boolean }) | undefined;
  let firstLine = from;
  if (from === 0) {
    const frontMatter = frontMatterBlock(text);
    // Front matter opened and never closed is none, but remark then parses the whole text otherwise
    // than its parts: a GFM footnote definition anywhere in it becomes a link definition. Only the
    // whole text, as one chunk, parses as the whole document does.
    if (!frontMatter && isFrontMatterFence(text.slice(0, lineEnd(text, 0)))) return [current];
    firstLine = frontMatter?.next ?? 0;
  }
  /** The line before was blank, or an ATX heading: an unindented line starts a new top-level block. */
  let fresh = true;
  let previousBlank = true;
  /** The line before belongs to an unindented top-level list item (or is a lazy line of it). */
  let inList = false;
  for (let line = lines(firstLine); line && !stopped; line = lines(line.next)) {
    const first = text.charCodeAt(line.start);
    if (!fine && !MAY_MATTER.has(first)) continue;
    if (fence) {
      fence.lines++;
      if ((first === 32 || first === 96 || first === 126) && closesCodeFence(text.slice(line.start, line.end), fence)) {
        // A long fence at the start of a line is a top-level block of its own: what follows its
        // closing line starts afresh (blank lines, or a block that the fence ended). A chunk never
        // starts with `---`: at the start of a text, that opens front matter.
        if (fine && !fence.indent && fence.lines >= unitSettings.minFenceLines) {
          split(fence.start, 'fence');
          const after = lines(line.next);
          if (after && !isFrontMatterFence(text.slice(after.start, after.end))) split(after.start, 'fence');
        }
        fence = undefined;
      }
      continue;
    }
    if (first === 35 || first === 32 || first === 96 || first === 126) {
      const content = text.slice(line.start, line.end);
      const open = codeFenceOpening(content);
      if (open) {
        fence = { ...open, start: line.start, lines: 1, indent: first === 32 };
        fresh = previousBlank = inList = false;
        continue;
      }
      if (first === 35 && atxHeadingDepth(content) > 0) {
        if (!fine || line.start - current.start >= unitSettings.sectionChars || chosen(text, line, unitSettings.every === 1 ? 1 : unitSettings.headingsEvery)) split(line.start, 'heading');
        fresh = true;
        previousBlank = inList = false;
        continue;
      }
    }
    if (!fine) continue;
    if (isBlankLine(text, line)) {
      fresh = previousBlank = true;
      continue;
    }
    if (first !== 32 && first !== 9) {
      const listItem = isListItem(text, line);
      // A chunk never starts with `---`: at the start of a text, that opens front matter.
      if ((previousBlank || (inList && listItem)) && !(first === 45 && isFrontMatterFence(text.slice(line.start, line.end)))) {
        if (chosen(text, line)) split(line.start, previousBlank ? 'block' : 'list');
        if (stopped) break;
      }
      if (fresh && first === 124) {
        const last = splitTable(line);
        if (last) {
          line = last;
          fresh = previousBlank = inList = false;
          continue;
        }
      }
      inList = listItem || (inList && !previousBlank);
    }
    fresh = previousBlank = false;
  }
  if (!stopped) spans.push(current);
  return spans;

  /** Splits the body of a long table whose header is `header` into chunks of rows; returns its last line, or undefined when no table starts there. */
  function splitTable(header: Line): Line | undefined {
    const delimiter = lines(header.next);
    if (!delimiter || text.charCodeAt(delimiter.start) !== 124) return undefined;
    const headerText = text.slice(header.start, header.end).trim();
    const delimiterText = text.slice(delimiter.start, delimiter.end).trim();
    const delimiterCells = splitRow(delimiterText);
    if (!isDelimiterRow(delimiterText, delimiterCells) || splitRow(headerText).cells.length !== delimiterCells.cells.length) return undefined;
    const rows: Line[] = [];
    for (let row = lines(delimiter.next); row && text.charCodeAt(row.start) === 124; row = lines(row.next)) rows.push(row);
    if (rows.length < unitSettings.minTableRows) return rows[rows.length - 1] ?? delimiter;
    const head = text.slice(header.start, delimiter.next);
    const every = unitSettings.every === 1 ? 1 : unitSettings.rowsEvery;
    for (const row of rows) {
      if (!chosen(text, row, every)) continue;
      current.tableContinues = true;
      split(row.start, 'row', head);
    }
    return rows[rows.length - 1];
  }
}

/** Whether a possible split before this line is taken: about one in `every`, by the line's text. */
function chosen(text: string, line: Line, every = unitSettings.every): boolean {
  if (every === 1) return true;
  if (!(every > 1)) return false;
  let hash = 2166136261;
  for (let i = line.start; i < line.end; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 16777619);
  return (hash >>> 0) % every === 0;
}

/** An unindented list item with content (a bullet, not a thematic break, or a number with `.` or `)`). */
function isListItem(text: string, line: Line): boolean {
  const first = text.charCodeAt(line.start);
  if (first !== 45 && first !== 42 && first !== 43 && (first < 48 || first > 57)) return false;
  const content = text.slice(line.start, line.end);
  return LIST_ITEM.test(content) && !isThematicBreak(content);
}

function isBlankLine(text: string, line: Line): boolean {
  for (let i = line.start; i < line.end; i++) {
    const code = text.charCodeAt(i);
    if (code !== 32 && code !== 9) return false;
  }
  return true;
}

/** Reads the line starting at an offset: its content's end and where the next line starts. */
function lineReader(text: string): (offset: number) => Line | undefined {
  const onlyLf = !text.includes('\r');
  return (offset) => {
    if (offset >= text.length) return undefined;
    let end = onlyLf ? text.indexOf('\n', offset) : offset;
    if (end < 0) end = text.length;
    else if (!onlyLf) while (end < text.length && text.charCodeAt(end) !== 10 && text.charCodeAt(end) !== 13) end++;
    let next = end;
    if (text.charCodeAt(next) === 13) next++;
    if (text.charCodeAt(next) === 10) next++;
    return { start: offset, end, next };
  };
}
