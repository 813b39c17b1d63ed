import type { ListItem, Nodes, Paragraph, RootContent, Table } from 'mdast';
import { toString } from 'mdast-util-to-string';
import type { ChunkParse } from '../parse/chunkParse';
import { isContent } from '../parse/chunkParse';
import { normalizeTitle } from '../templates/headingMatch';

/**
 * What the content under each heading of a chunk says about its section, read from the chunk's parse
 * alone, so it is computed once per parse and reused while the chunk is unchanged.
 */
export interface HeadingContent {
  /** The content directly under the heading is one paragraph saying the section does not apply: `N/A: …`. */
  notApplicable: boolean;
}

/** The labels under a heading of a chunk: computed only when a section lacks a subsection heading. Offsets are the chunk's. */
export interface HeadingLabels {
  /** Labels in the content directly under the heading, by normalised text (`normalizeTitle`); the first of each. */
  labels: ReadonlyMap<string, ContentLabel>;
  /**
   * The content directly under the heading has a block that is not labeled: a paragraph or list with
   * a line or item that starts without a label (a lead-in ending with `:` excepted), code, a quote.
   */
  unlabeled: boolean;
  /** The normalised header and first-column cells of each table directly under the heading. */
  tables: readonly (readonly string[])[];
  /** The normalised label of each labeled line and top-level list item directly under the heading (with its variants). */
  lineLabels: readonly (readonly string[])[];
}

/**
 * Text that may name a subsection: a bold label at the start of a line (`**Environment**: …`), the
 * label a list item starts with (`- Data split: …`, `- **Seeds**: …`), a table's header cell or the
 * first cell of a table row.
 */
export interface ContentLabel {
  /** The label's text. */
  start: number;
  end: number;
  /** What it labels: the line, the list item, the table row (the whole table for a header cell). */
  blockStart: number;
  blockEnd: number;
  /** What it labels is a not-applicable statement: `**Random seeds**: N/A, inference only`. */
  notApplicable: boolean;
}

/**
 * A not-applicable statement: `N/A`, `n/a`, `Not applicable`, `None` or a dash, optionally followed by
 * a reason (`N/A: robustness is out of scope`, `None.`, `— not measured`). `None` must be followed by
 * punctuation or nothing, so that a sentence such as `None of the runs diverged.` is content.
 */
const NOT_APPLICABLE = /^(?:n\/a(?![\p{L}\p{N}])|not applicable(?![\p{L}\p{N}])|none(?=$|\s*[.,:;!?()[\]—–-])|[—–](?=$|\s))/iu;

export function isNotApplicable(text: string): boolean {
  return NOT_APPLICABLE.test(text.replace(/^[\s*_]+/, ''));
}

/** Labels longer than this are sentences, not names. */
const MAX_LABEL = 80;

/** A label without emphasis, before its colon: a name of up to six words, maybe with a parenthesis at its end (`Data split (train/val/test)`); not a sentence, a citation or a link. */
const PLAIN_LABEL = /^[\p{L}\p{N}][\p{L}\p{N}&/+'’.-]*(?:[ \t]+[\p{L}\p{N}&][\p{L}\p{N}&/+'’.-]*){0,5}(?:[ \t]*\([^()]*\))?$/u;

/**
 * The content of one part of a heading's content: what follows the heading in its own chunk, or what
 * comes before the first heading of a later chunk (a long section is split into several chunks).
 */
export interface ContentPart {
  /** How many content blocks the part holds. */
  blocks: number;
  /** It is one paragraph that says the section does not apply. */
  notApplicable: boolean;
}

const contentCache = new WeakMap<ChunkParse, ContentPart[]>();
const labelCache = new WeakMap<ChunkParse, HeadingLabels[]>();

/**
 * The content parts of a chunk: first the blocks before its first heading (empty in a chunk that
 * starts with a heading), then those after each of its headings, in the order of `parse.headings`.
 */
export function contentParts(parse: ChunkParse): readonly ContentPart[] {
  let contents = contentCache.get(parse);
  if (!contents) {
    contents = blocksByHeading(parse).map((blocks) => {
      const only = blocks.length === 1 ? blocks[0] : undefined;
      const start = only?.type === 'paragraph' ? only.position?.start.offset : undefined;
      // Most paragraphs are ruled out by their first letter, without building their text.
      const candidate = start !== undefined && /^[\s*_]*[nN—–]/.test(parse.text.slice(start, start + 8));
      return { blocks: blocks.length, notApplicable: candidate && only !== undefined && isNotApplicable(toString(only)) };
    });
    contentCache.set(parse, contents);
  }
  return contents;
}

/** A heading's content, from its parts: it is not applicable when its only block, in all its parts, says so. */
export function joinContent(parts: readonly ContentPart[]): HeadingContent {
  const filled = parts.filter((part) => part.blocks > 0);
  return { notApplicable: filled.length === 1 && (filled[0] as ContentPart).notApplicable };
}

/** The labels of each content part of the chunk (see `contentParts`). Offsets are the chunk's. */
export function partLabels(parse: ChunkParse): readonly HeadingLabels[] {
  let labels = labelCache.get(parse);
  if (!labels) {
    labels = blocksByHeading(parse).map((blocks) => {
      const collector = new LabelCollector(parse.text);
      let unlabeled = false;
      for (const block of blocks) if (!collector.block(block)) unlabeled = true;
      return { labels: collector.labels, unlabeled, tables: collector.tables, lineLabels: collector.lineLabels };
    });
    labelCache.set(parse, labels);
  }
  return labels;
}

/** The content blocks before the chunk's first heading, then after each heading up to the next. */
function blocksByHeading(parse: ChunkParse): RootContent[][] {
  const byHeading: RootContent[][] = [[]];
  for (const node of parse.tree.children) {
    if (node.type === 'heading') byHeading.push([]);
    else if (isContent(node)) byHeading[byHeading.length - 1]?.push(node);
  }
  return byHeading;
}

class LabelCollector {
  readonly labels = new Map<string, ContentLabel>();
  readonly tables: string[][] = [];
  readonly lineLabels: string[][] = [];

  constructor(private readonly text: string) {}

  /** Collects a block's labels; returns whether the block is labeled (or a table, or a lead-in), see `HeadingContent.unlabeled`. */
  block(node: RootContent): boolean {
    if (node.type === 'paragraph') {
      // A lead-in names what follows (`The runs share one setup:`, `**Environment:**`): its label counts, but not as an item.
      const leadIn = this.leadIn(node);
      return this.paragraph(node, leadIn) || leadIn;
    }
    if (node.type === 'list') {
      let labeled = true;
      for (const item of node.children) if (!this.item(item)) labeled = false;
      return labeled;
    }
    if (node.type === 'table') {
      this.table(node);
      return true;
    }
    return false;
  }

  /** A paragraph that ends with a colon introduces what follows: `The runs share one setup:`. */
  private leadIn(node: Paragraph): boolean {
    let end = node.position?.end.offset ?? 0;
    while (end > 0 && /\s/.test(this.text.charAt(end - 1))) end--;
    return this.text.charAt(end - 1) === ':';
  }

  /** Every line of a paragraph that starts with a label: bold (`**Seeds**: 42`), or plain and followed by a colon. Returns whether all do. */
  private paragraph(node: Paragraph, leadIn: boolean): boolean {
    const span = spanOf(node);
    if (!span) return false;
    let labeled = true;
    let lineStart = span.start;
    while (lineStart < span.end) {
      let lineEnd = lineStart;
      while (lineEnd < span.end && this.text.charCodeAt(lineEnd) !== 10 && this.text.charCodeAt(lineEnd) !== 13) lineEnd++;
      const keys = this.line(lineStart, lineEnd, lineStart, lineEnd);
      if (!keys) labeled = false;
      else if (!leadIn) this.lineLabels.push(keys);
      lineStart = lineEnd;
      if (this.text.charCodeAt(lineStart) === 13) lineStart++;
      if (this.text.charCodeAt(lineStart) === 10) lineStart++;
    }
    return labeled;
  }

  /**
   * A list item's label is at the start of its first line; the items of lists nested in it are read
   * too, without recursion (lists can nest thousands of levels deep). Returns whether the item itself
   * has a label.
   */
  private item(top: ListItem): boolean {
    let labeled = false;
    const pending: ListItem[] = [top];
    for (let node = pending.pop(); node; node = pending.pop()) {
      const span = spanOf(node);
      const first = node.children[0];
      const firstSpan = first?.type === 'paragraph' ? spanOf(first) : undefined;
      if (span && firstSpan) {
        let lineEnd = firstSpan.start;
        while (lineEnd < firstSpan.end && this.text.charCodeAt(lineEnd) !== 10 && this.text.charCodeAt(lineEnd) !== 13) lineEnd++;
        const keys = this.line(firstSpan.start, lineEnd, span.start, span.end);
        if (node === top) {
          labeled = keys !== undefined;
          if (keys) this.lineLabels.push(keys);
        }
      }
      const nested: ListItem[] = [];
      for (const child of node.children) if (child.type === 'list') nested.push(...child.children);
      for (let i = nested.length - 1; i >= 0; i--) pending.push(nested[i] as ListItem);
    }
    return labeled;
  }

  private table(node: Table): void {
    const tableSpan = spanOf(node);
    const [header, ...body] = node.children;
    if (!tableSpan || !header) return;
    const keys: string[] = [];
    for (const cell of header.children) this.cell(cell, tableSpan.start, tableSpan.end, keys);
    for (const row of body) {
      const rowSpan = spanOf(row);
      const first = row.children[0];
      if (rowSpan && first) this.cell(first, rowSpan.start, rowSpan.end, keys);
    }
    this.tables.push(keys);
  }

  private cell(cell: Nodes, blockStart: number, blockEnd: number, keys: string[]): void {
    if (!('children' in cell)) return;
    const first = cell.children[0];
    const last = cell.children[cell.children.length - 1];
    const start = first?.position?.start.offset;
    const end = last?.position?.end.offset;
    if (start === undefined || end === undefined) return;
    keys.push(...this.add(toString(cell), { start, end, blockStart, blockEnd, notApplicable: false }));
  }

  /**
   * A label at the start of `start`–`end`: `**Label**: value`, `**Label:** value`, `__Label__`, `*Label*:`
   * or `Label: value`. Emphasis makes it a label with or without a colon; plain text needs the colon.
   */
  private line(start: number, end: number, blockStart: number, blockEnd: number): string[] | undefined {
    const line = this.text.slice(start, end);
    const indent = /^[ \t>]*/.exec(line)?.[0].length ?? 0;
    const emphasis = /^(\*\*|__|\*|_)(?=\S)/.exec(line.slice(indent))?.[1];
    let labelStart = start + indent;
    let labelEnd: number;
    let valueStart: number;
    if (emphasis) {
      const close = line.indexOf(emphasis, indent + emphasis.length);
      if (close < 0) return undefined;
      labelStart += emphasis.length;
      labelEnd = start + close;
      valueStart = labelEnd + emphasis.length;
    } else {
      const colon = line.indexOf(':', indent);
      if (colon < 0 || colon - indent > MAX_LABEL || !PLAIN_LABEL.test(line.slice(indent, colon))) return undefined;
      labelEnd = start + colon;
      valueStart = labelEnd + 1;
    }
    while (labelEnd > labelStart && /[\s:]/.test(this.text.charAt(labelEnd - 1))) labelEnd--;
    if (labelEnd <= labelStart) return undefined;
    // A dash after the label separates it from the value (`**Logging** — W&B`) unless it is all there is.
    const value = this.text.slice(valueStart, end).replace(/^[\s:]+/, '').replace(/^[—–-]\s+(?=\S)/, '');
    return this.add(this.text.slice(labelStart, labelEnd), { start: labelStart, end: labelEnd, blockStart, blockEnd, notApplicable: isNotApplicable(value) });
  }

  /** Adds a label under its normalised text and, for `Data split (train/val/test)`, under `Data split` too; returns the keys. */
  private add(text: string, label: ContentLabel): string[] {
    if (text.length > MAX_LABEL) return [];
    const keys: string[] = [];
    for (const variant of [text, text.replace(/\s*\([^()]*\)\s*$/, '')]) {
      const key = labelKey(variant);
      if (!key || keys.includes(key)) continue;
      keys.push(key);
      if (!this.labels.has(key)) this.labels.set(key, label);
    }
    return keys;
  }
}

/** `normalizeTitle`, with a fast path for the common label of plain ASCII words, which it leaves as they are but for case and spacing. */
function labelKey(text: string): string {
  return /^[A-Za-z][A-Za-z ]*$/.test(text) ? text.toLowerCase().replace(/ +/g, ' ').trim() : normalizeTitle(text);
}

function spanOf(node: Nodes): { start: number; end: number } | undefined {
  const start = node.position?.start.offset;
  const end = node.position?.end.offset;
  return start === undefined || end === undefined ? undefined : { start, end };
}
