import { detached } from '../text/detached';
import { LineIndex } from '../text/lineIndex';
import type { Borrowed, ChunkParse, HeadingFact, TableContext } from './chunkParse';
import { parseChunk, parsePlainChunk } from './chunkParse';
import type { UnitSpan } from './chunks';
import { splitUnits } from './chunks';
import type { FrontMatter } from './frontMatter';
import { readFrontMatter } from './frontMatter';
import { parseGroup } from './groupParse';

/** A chunk's parse placed in the document: `start` is its offset, `startLine` its 1-based first line. */
export interface PlacedChunk {
  start: number;
  startLine: number;
  parse: ChunkParse;
}

/** A heading of the document: a chunk's heading with offsets and line in the document. */
export type DocumentHeading = HeadingFact;

export interface ParsedDocument {
  text: string;
  lines: LineIndex;
  chunks: PlacedChunk[];
  headings: DocumentHeading[];
  frontMatter: FrontMatter | undefined;
  /** Content before the first heading, besides front matter. */
  leadingContent: boolean;
}

/** Reuses chunk parses by their text; the incremental linter keeps one across versions of a document. */
export interface ChunkCache {
  get(text: string): ChunkParse | undefined;
  set(text: string, parse: ChunkParse): unknown;
}

export interface ParseOptions {
  /** The text's chunks, when the caller has them already (`resplitUnits`); else `splitUnits(text)`. */
  spans?: readonly UnitSpan[];
  /**
   * Chunks not in the cache are parsed together in runs of up to this many characters, then cut
   * apart (see groupParse.ts); 0 parses each alone. Either way the parses are the same.
   */
  groupSize?: number;
  /** The text's line index, when the caller has it already (`LineIndex.afterEdit`). */
  lines?: LineIndex;
}

/**
 * Measured on the benchmark reports: grouping chunks of a few lines each cuts a full parse by ~20%;
 * larger groups gain nothing (a chunk of 30 lines costs far more than a call) and groups of 8,000
 * characters or more are slower (remark's cost grows faster than the text). So only chunks under
 * half of this are grouped.
 */
const GROUP_SIZE = 2000;

/** Parses a document once; all rules read this. A leading BOM must already be removed. */
export function parseDocument(text: string, chunkCache?: ChunkCache, options: ParseOptions = {}): ParsedDocument {
  return finish(parseDocumentSteps(text, chunkCache, options));
}

/** Runs a generator of steps to its end and returns its value. */
export function finish<T>(steps: Generator<void, T>): T {
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/** How many chunks the steps of `parseDocumentSteps` and of the linter's check go through between two yields. */
export const CHUNKS_PER_STEP = 256;

/** `parseDocument`, one step at a time: a step is a parse call or a run of `CHUNKS_PER_STEP` chunks. */
export function* parseDocumentSteps(text: string, chunkCache?: ChunkCache, options: ParseOptions = {}): Generator<void, ParsedDocument> {
  const lines = options.lines ?? new LineIndex(text);
  const chunks: PlacedChunk[] = [];
  const spans = options.spans ?? splitUnits(text);
  const cache = chunkCache ?? mapCache();
  const known: (ChunkParse | undefined)[] = [];
  yield* parseUncached(text, spans, lines, cache, options.groupSize ?? GROUP_SIZE, known);
  for (let i = 0; i < spans.length; i++) {
    if (i % CHUNKS_PER_STEP === CHUNKS_PER_STEP - 1) yield;
    const span = spans[i] as UnitSpan;
    let end = span.end;
    let parse = known[i] ?? parseSpan(text, span, end, span, cache);
    // A block left open (an HTML block without its blank line), or a split that does not hold, takes
    // in the chunks after it: twice as many each time, so a block open to the end of a long document
    // costs a few parses, not one per chunk. Taking in more chunks than needed changes nothing but the
    // chunk's size.
    for (let step = 1; i + 1 < spans.length; step *= 2) {
      const next = spans[i + 1] as UnitSpan;
      if (!parse.openAtEnd && (next.boundary === 'heading' || continuesAcross(parse, known[i + 1] ?? parseSpan(text, next, next.end, next, cache), next))) break;
      i = Math.min(spans.length - 1, i + step);
      const last = spans[i] as UnitSpan;
      end = last.end;
      parse = parseSpan(text, span, end, last, cache);
    }
    chunks.push({ start: span.start, startLine: lines.point(span.start).line, parse });
  }
  yield;
  yield* borrowDefinitions(chunks, cache);
  yield;
  let count = 0;
  for (const chunk of chunks) count += chunk.parse.headings.length;
  // Filled in place: thousands of headings pushed one by one cost a copy of the array each time it grows.
  const headings = new Array<DocumentHeading>(count);
  let leadingContent = false;
  let at = 0;
  for (const chunk of chunks) {
    if (chunk.parse.leadingContent) {
      const before = at > 0 ? headings[at - 1] : undefined;
      if (before) before.contentAfter = true;
      else leadingContent = true;
    }
    for (const heading of chunk.parse.headings) {
      headings[at++] = {
        depth: heading.depth,
        text: heading.text,
        start: heading.start + chunk.start,
        end: heading.end + chunk.start,
        textStart: heading.textStart + chunk.start,
        textEnd: heading.textEnd + chunk.start,
        contentAfter: heading.contentAfter,
        line: heading.line + chunk.startLine - 1,
      };
    }
  }
  const first = chunks[0];
  return {
    text,
    lines,
    chunks,
    headings,
    frontMatter: first ? frontMatterOf(first.parse) : undefined,
    leadingContent,
  };
}

/** The parse of the text from `span` to `end`, in the table context of `span` at its start and of `last` at its end. */
function parseSpan(text: string, span: UnitSpan, end: number, last: UnitSpan, cache: ChunkCache): ChunkParse {
  if (end !== span.end || last !== span) return parseCached(text.slice(span.start, end), cache, undefined, tableContext(span, last));
  const context = tableContext(span, span);
  const key = (span.key ??= cacheKey(ownText(text, span.start, span.end), undefined, context));
  const hit = cache.get(key);
  if (hit) return hit;
  const parse = parseChunk(context ? ownText(text, span.start, span.end) : key, undefined, context);
  cache.set(key, parse);
  return parse;
}

/**
 * A slice of the text in a string of its own: a slice V8 makes of a long string keeps the whole string
 * alive, and chunk texts (and the strings remark cuts from them) outlive the version they came from.
 * A chunk of a quarter of the text or more keeps the slice: copying it (a long pasted log, on every
 * edit inside it) costs more than the at most 4× its size it keeps alive.
 */
function ownText(text: string, start: number, end: number): string {
  return 4 * (end - start) >= text.length ? text.slice(start, end) : detached(text.slice(start, end));
}

function tableContext(span: UnitSpan, last: UnitSpan): TableContext | undefined {
  if (span.tableHead === undefined && !last.tableContinues) return undefined;
  const context: TableContext = {};
  if (span.tableHead !== undefined) context.tableHead = span.tableHead;
  if (last.tableContinues) context.tableContinues = true;
  return context;
}

/**
 * Whether the chunk after a split inside a section parses on its own as it does after `before`. The
 * splitter chose the place by the lines around it; these are the cases where a block before it can
 * still change what the lines after it are:
 * - indented code before: micromark then reads a following list item that may not interrupt a
 *   paragraph (`2.`, an empty `-`) as a paragraph, even after blank lines;
 * - a list item right after another block: an item numbered other than 1 is a lazy line of a
 *   paragraph or a definition before it, unless that block is a list;
 * - table rows: the chunk before must end with the table, row after row, and the rows must parse as
 *   rows of it.
 */
function continuesAcross(before: ChunkParse, after: ChunkParse, span: UnitSpan): boolean {
  if (before.lastBlock === 'indented-code') return false;
  if (span.boundary === 'list') {
    const first = after.firstList;
    if (!first) return false;
    return before.lastBlock === 'list' || !first.ordered || first.start === 1;
  }
  if (span.boundary === 'row') return !after.continuationFailed && before.lastBlock === 'table-to-end';
  return true;
}

function mapCache(): ChunkCache {
  const map = new Map<string, ChunkParse>();
  return { get: (key) => map.get(key), set: (key, parse) => map.set(key, parse) };
}

/**
 * Puts the parse of every chunk the cache lacks into it, yielding after each parse call: runs of small
 * chunks are parsed in one call each, larger chunks alone. `parseDocument` then finds them all cached;
 * `ReportLinter.updateAsync` runs the steps in time slices, between which the host can do other work.
 */
export function* prepareChunks(text: string, cache: ChunkCache, options: ParseOptions = {}): Generator<void> {
  yield* parseUncached(text, options.spans ?? splitUnits(text), options.lines ?? new LineIndex(text), cache, options.groupSize ?? GROUP_SIZE);
}

/**
 * Parses the chunks the cache lacks. `known`, when given, gets each span's parse by index (those found
 * in the cache too), so that placing the chunks after does not look each one up again.
 */
function* parseUncached(text: string, spans: readonly UnitSpan[], lines: LineIndex, cache: ChunkCache, groupSize: number, known: (ChunkParse | undefined)[] = []): Generator<void> {
  let group: number[] = [];
  /** Parses the pending run; false when there was none. */
  const flush = (): boolean => {
    if (group.length === 0) return false;
    const run = group;
    group = [];
    const first = spans[run[0] as number] as UnitSpan;
    const last = spans[run[run.length - 1] as number] as UnitSpan;
    const runText = ownText(text, first.start, last.end);
    // A definition would resolve references across the run's chunks: those parse alone.
    const parses = run.length > 1 && !runText.includes(']:')
      ? parseGroup(runText, run.map((index) => {
        const span = spans[index] as UnitSpan;
        return { start: span.start - first.start, end: span.end - first.start, startLine: lines.point(span.start).line - lines.point(first.start).line + 1, ...(span.key === undefined ? {} : { text: span.key }) };
      }))
      : [];
    run.forEach((index, at) => {
      const span = spans[index] as UnitSpan;
      const parse = parses[at];
      if (parse) {
        cache.set(span.key ?? parse.text, parse);
        known[index] = parse;
      } else known[index] = parseSpan(text, span, span.end, span, cache);
    });
    return true;
  };
  for (let index = 0; index < spans.length; index++) {
    const span = spans[index] as UnitSpan;
    const context = tableContext(span, span);
    const hit = cache.get((span.key ??= cacheKey(ownText(text, span.start, span.end), undefined, context)));
    if (hit) {
      known[index] = hit;
      if (flush()) yield; // a run is of consecutive chunks
      continue;
    }
    // Only chunks that start a top-level block afresh, and parse alone, are cut out of a run's parse
    // (a chunk parsed alone is tried as plain blocks by parseChunk).
    if (context || (span.boundary !== 'heading' && span.boundary !== 'block') || span.end - span.start >= groupSize / 2) {
      if (flush()) yield;
      known[index] = parseSpan(text, span, span.end, span, cache);
      yield;
      continue;
    }
    const plain = parsePlainChunk(span.key);
    if (plain) {
      cache.set(span.key, plain);
      known[index] = plain;
      if (flush()) yield;
      continue;
    }
    group.push(index);
    if (span.end - (spans[group[0] as number] as UnitSpan).start >= groupSize && flush()) yield;
  }
  if (flush()) yield;
}

const frontMatters = new WeakMap<ChunkParse, FrontMatter | undefined>();

/** The front matter lies in the first chunk, which starts the document: its offsets are the document's, so it is read once per first-chunk parse. */
function frontMatterOf(first: ChunkParse): FrontMatter | undefined {
  if (!frontMatters.has(first)) frontMatters.set(first, readFrontMatter(first.tree, first.text));
  return frontMatters.get(first);
}

function cacheKey(text: string, borrowed?: Borrowed, table?: TableContext): string {
  let key = text;
  if (table) key += `\u0000${table.tableContinues ? '+' : '-'}${table.tableHead ?? ''}`;
  if (borrowed) key += `\u0000${borrowed.definitions}`;
  return key;
}

function parseCached(text: string, cache: ChunkCache, borrowed?: Borrowed, table?: TableContext): ChunkParse {
  const key = cacheKey(text, borrowed, table);
  const hit = cache.get(key);
  if (hit) return hit;
  const parse = parseChunk(text, borrowed, table);
  cache.set(key, parse);
  return parse;
}

/**
 * A reference in one chunk to a definition in another resolves in the whole document, so such a chunk
 * is parsed again with those definitions borrowed (cached by its text and the labels it borrows).
 */
function* borrowDefinitions(chunks: PlacedChunk[], cache: ChunkCache): Generator<void> {
  const links = new Map<string, string>();
  const footnotes = new Map<string, string>();
  for (const { parse } of chunks) {
    for (const [id, label] of parse.definitions.links) if (!links.has(id)) links.set(id, label);
    for (const [id, label] of parse.definitions.footnotes) if (!footnotes.has(id)) footnotes.set(id, label);
  }
  if (links.size === 0 && footnotes.size === 0) return;
  const order = (map: Map<string, string>): Map<string, number> => new Map([...map.keys()].map((id, index) => [id, index]));
  const linkOrder = order(links);
  const footnoteOrder = order(footnotes);
  const bracketed = [...links.keys(), ...footnotes.keys()].filter((id) => /[[\]]/.test(id));
  for (const chunk of chunks) {
    const { parse } = chunk;
    if (!parse.referenceText) continue;
    // The labels the chunk holds in brackets, looked up in the definitions: linear in the chunk, where
    // asking the chunk about every definition cost definitions × chunks.
    const held = new Set<string>();
    for (const match of parse.referenceText.matchAll(/\[([^[\]]*)\]/g)) held.add(match[1] ?? '');
    for (const id of bracketed) {
      if (parse.referenceText.includes(`[${id}]`)) held.add(id);
      if (parse.referenceText.includes(`[^${id}]`)) held.add(`^${id}`);
    }
    const linkIds = [...held].filter((id) => links.has(id) && !parse.definitions.links.has(id));
    const footnoteIds = [...held].filter((id) => id.startsWith('^') && footnotes.has(id.slice(1)) && !parse.definitions.footnotes.has(id.slice(1))).map((id) => id.slice(1));
    linkIds.sort((a, b) => (linkOrder.get(a) ?? 0) - (linkOrder.get(b) ?? 0));
    footnoteIds.sort((a, b) => (footnoteOrder.get(a) ?? 0) - (footnoteOrder.get(b) ?? 0));
    const borrowed = [...linkIds.map((id) => `[${links.get(id) ?? id}]: #`), ...footnoteIds.map((id) => `[^${footnotes.get(id) ?? id}]: .`)];
    if (borrowed.length > 0) {
      chunk.parse = parseCached(parse.text, cache, { definitions: borrowed.join('\n'), before: parse.openAtEnd }, parse.table);
      yield;
    }
  }
}
