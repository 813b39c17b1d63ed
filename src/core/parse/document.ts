import { LineIndex } from '../text/lineIndex';
import type { Borrowed, ChunkParse, HeadingFact } from './chunkParse';
import { parseChunk } from './chunkParse';
import type { ChunkSpan } from './chunks';
import { splitChunks } from './chunks';
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
  /**
   * Chunks not in the cache are parsed together in runs of up to this many characters, then cut
   * apart (see groupParse.ts); 0 parses each alone. Either way the parses are the same.
   */
  groupSize?: number;
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
  const lines = new LineIndex(text);
  const chunks: PlacedChunk[] = [];
  const spans = splitChunks(text);
  const cache = chunkCache ?? mapCache();
  for (const step of parseUncached(text, spans, lines, cache, options.groupSize ?? GROUP_SIZE)) void step;
  for (let i = 0; i < spans.length; i++) {
    const span = spans[i] as (typeof spans)[number];
    let end = span.end;
    let parse = parseCached(text.slice(span.start, end), cache);
    // A block left open (an HTML block without its blank line) takes in the chunks after it: twice
    // as many each time, so a block open to the end of a long document costs a few parses, not one
    // per chunk. Taking in more chunks than needed changes nothing but the chunk's size.
    for (let step = 1; parse.openAtEnd && i + 1 < spans.length; step *= 2) {
      i = Math.min(spans.length - 1, i + step);
      end = (spans[i] as (typeof spans)[number]).end;
      parse = parseCached(text.slice(span.start, end), cache);
    }
    chunks.push({ start: span.start, startLine: lines.point(span.start).line, parse });
  }
  borrowDefinitions(chunks, cache);
  const headings: DocumentHeading[] = [];
  for (const chunk of chunks) {
    for (const heading of chunk.parse.headings) {
      headings.push({
        depth: heading.depth,
        text: heading.text,
        start: heading.start + chunk.start,
        end: heading.end + chunk.start,
        textStart: heading.textStart + chunk.start,
        textEnd: heading.textEnd + chunk.start,
        contentAfter: heading.contentAfter,
        line: heading.line + chunk.startLine - 1,
      });
    }
  }
  const first = chunks[0];
  return {
    text,
    lines,
    chunks,
    headings,
    frontMatter: first ? frontMatterOf(first.parse) : undefined,
    leadingContent: first?.parse.leadingContent ?? false,
  };
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
  yield* parseUncached(text, splitChunks(text), new LineIndex(text), cache, options.groupSize ?? GROUP_SIZE);
}

function* parseUncached(text: string, spans: readonly ChunkSpan[], lines: LineIndex, cache: ChunkCache, groupSize: number): Generator<void> {
  let group: ChunkSpan[] = [];
  /** Parses the pending run; false when there was none. */
  const flush = (): boolean => {
    const run = group;
    group = [];
    const first = run[0];
    const last = run[run.length - 1];
    if (!first || !last) return false;
    const runText = text.slice(first.start, last.end);
    // A definition would resolve references across the run's chunks: those parse alone.
    const parses = run.length > 1 && !runText.includes(']:')
      ? parseGroup(runText, run.map((span) => ({ start: span.start - first.start, end: span.end - first.start, startLine: lines.point(span.start).line - lines.point(first.start).line + 1 })))
      : [];
    run.forEach((span, index) => {
      const parse = parses[index];
      if (parse) cache.set(parse.text, parse);
      else parseCached(text.slice(span.start, span.end), cache);
    });
    return true;
  };
  for (const span of spans) {
    if (cache.get(text.slice(span.start, span.end))) {
      if (flush()) yield; // a run is of consecutive chunks
      continue;
    }
    if (span.end - span.start >= groupSize / 2) {
      if (flush()) yield;
      parseCached(text.slice(span.start, span.end), cache);
      yield;
      continue;
    }
    group.push(span);
    if (span.end - (group[0] as ChunkSpan).start >= groupSize && flush()) yield;
  }
  if (flush()) yield;
}

const frontMatters = new WeakMap<ChunkParse, FrontMatter | undefined>();

/** The front matter lies in the first chunk, which starts the document: its offsets are the document's, so it is read once per first-chunk parse. */
function frontMatterOf(first: ChunkParse): FrontMatter | undefined {
  if (!frontMatters.has(first)) frontMatters.set(first, readFrontMatter(first.tree, first.text));
  return frontMatters.get(first);
}

function parseCached(text: string, cache: ChunkCache, borrowed?: Borrowed): ChunkParse {
  const key = borrowed ? `${text}\u0000${borrowed.definitions}` : text;
  const hit = cache.get(key);
  if (hit) return hit;
  const parse = parseChunk(text, borrowed);
  cache.set(key, parse);
  return parse;
}

/**
 * A reference in one chunk to a definition in another resolves in the whole document, so such a chunk
 * is parsed again with those definitions borrowed (cached by its text and the labels it borrows).
 */
function borrowDefinitions(chunks: PlacedChunk[], cache: ChunkCache): void {
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
    if (borrowed.length > 0) chunk.parse = parseCached(parse.text, cache, { definitions: borrowed.join('\n'), before: parse.openAtEnd });
  }
}
