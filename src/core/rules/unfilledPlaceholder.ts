import type { Nodes, Paragraph, Table, TableRow } from 'mdast';
import { toString } from 'mdast-util-to-string';
import type { FillerIndex } from '../placeholders/inventoryIndex';
import { fillerIndex, rowKey, tableKey } from '../placeholders/inventoryIndex';
import { labelLines } from '../placeholders/labelLines';
import { codeKey, fillerKey, mayHaveKeyOfLength, quoted } from '../placeholders/normalize';
import { findSlots } from '../placeholders/slots';
import type { Span } from '../placeholders/spans';
import { codeContentSpan, isComment, yamlCommentLines } from '../placeholders/spans';
import type { RawFinding } from '../types';
import { todoMarkers } from '../placeholders/todoMarkers';
import type { ChunkRule } from './types';

export const UNFILLED_PLACEHOLDER = 'unfilled-placeholder';

/**
 * Text never filled in: `{{NAME}}` slots anywhere outside code and comments (front matter included), the
 * kind's filler text (its placeholder inventory) left as the template wrote it, and the writer's own
 * to-do markers in prose (`TODO`, `TBD`, `FIXME`, `XXX`, `??`; see `todoMarkers`). Structure (headings,
 * header rows, label cells, lead-in sentences) is not in the inventory and is never reported.
 */
export const unfilledPlaceholder: ChunkRule = {
  id: UNFILLED_PLACEHOLDER,
  description: 'Template text that was never filled in: {{NAME}} slots, filler text, example rows and code, unchosen choice lists, [link]; and TODO, TBD, FIXME, XXX or ?? left in prose.',
  defaultSeverity: 'warning',
  scope: 'chunk',
  quietWhereNotApplicable: true,
  check({ chunk, kind }) {
    const scan = new PlaceholderScan(chunk.text, fillerIndex(kind.placeholders));
    scan.walk(chunk.tree);
    return scan.result();
  },
};

type PlaceholderType = 'slot' | 'filler' | 'choice' | 'row' | 'code' | 'marker' | 'todo';

interface Pending {
  node: Nodes;
  /** Whether template markers such as `[link]` are looked for in this node's text. */
  markers: boolean;
  /** A list item's first paragraph with more content under it: a label for that content, not filler. */
  heads?: boolean;
}

class PlaceholderScan {
  private readonly findings: RawFinding[] = [];
  /** Code and comments, where `{{NAME}}` is not a slot. */
  private readonly skipped: Span[] = [];

  constructor(private readonly text: string, private readonly index: FillerIndex) {}

  /** Visits every node once, without recursion (documents can nest thousands of levels deep). */
  walk(root: Nodes): void {
    const stack: Pending[] = [{ node: root, markers: true }];
    for (let item = stack.pop(); item; item = stack.pop()) {
      const { node } = item;
      let markers = item.markers && node.type !== 'heading';
      if (node.type === 'code' || node.type === 'inlineCode') {
        const span = spanOf(node);
        if (span) this.skipped.push(span);
        if (node.type === 'code' && span) this.checkCode(node.value, span);
        continue;
      }
      if (node.type === 'html' && isComment(node.value)) {
        const span = spanOf(node);
        if (span) this.skipped.push(span);
        continue;
      }
      if (node.type === 'yaml') {
        const span = spanOf(node);
        if (span) this.skipped.push(...yamlCommentLines(this.text, span));
        continue;
      }
      if (node.type === 'text') {
        if (markers) this.checkMarkers(node);
        this.checkTodos(node);
      } else if (node.type === 'paragraph') markers = this.checkParagraph(node, item.heads === true) && markers;
      else if (node.type === 'table') {
        this.checkTable(node, stack, markers);
        continue;
      }
      if ('children' in node) {
        for (let i = node.children.length - 1; i >= 0; i--) stack.push({ node: node.children[i] as Nodes, markers });
        if (node.type === 'listItem' && node.children.length > 1) (stack[stack.length - 1] as Pending).heads = true;
      }
    }
  }

  result(): RawFinding[] {
    this.skipped.sort((a, b) => a.start - b.start);
    for (const slot of findSlots(this.text, this.skipped)) {
      this.report('slot', slot, `Unfilled placeholder "${this.text.slice(slot.start, slot.end)}".`);
    }
    return this.findings;
  }

  /** Returns whether the paragraph's text is still to be searched for markers (it is not filler as a whole). */
  private checkParagraph(node: Paragraph, heads: boolean): boolean {
    const span = spanOf(node);
    if (!span) return true;
    if (!heads && this.checkText(toString(node), span, this.index.blocks)) return false;
    for (const line of labelLines(this.text, span.start, span.end)) {
      const label = this.text.slice(line.label.start, line.label.end);
      if (this.index.labels.has(fillerKey(label))) this.reportFiller(line.label, label);
      if (line.value) this.checkText(this.text.slice(line.value.start, line.value.end), line.value, this.index.values);
    }
    return true;
  }

  /** Reports `text` when it is an unchosen choice list or one of `fillers`; returns whether it did. */
  private checkText(text: string, span: Span, fillers: ReadonlySet<string>, key = fillerKey(text)): boolean {
    const choice = this.index.choices.get(key);
    if (choice !== undefined) {
      this.report('choice', span, `Choose one of "${quoted(choice)}".`);
      return true;
    }
    if (!fillers.has(key)) return false;
    this.reportFiller(span, text);
    return true;
  }

  private checkTable(node: Table, stack: Pending[], markers: boolean): void {
    // The rows of a long table are split over chunks (see chunks.ts); such a table has more rows
    // than any template table, so it is never a template table as a whole.
    const continued = node.data?.continued === true;
    const body = continued ? node.children : node.children.slice(1);
    const cellTexts = body.map((row) => row.children.map((cell) => toString(cell)));
    const cellKeys = cellTexts.map((cells) => cells.map(fillerKey));
    const rowKeys = cellKeys.map(rowKey);
    const wholeTable = !continued && node.data?.continues !== true && body.length > 0 && this.index.tables.has(tableKey(rowKeys));
    const pending: Pending[] = continued ? [] : [{ node: node.children[0] as TableRow, markers }];
    body.forEach((row, r) => {
      const cells = cellTexts[r] ?? [];
      if (wholeTable || this.index.rows.has(rowKeys[r] ?? '')) {
        this.reportRow(row, cells);
        pending.push({ node: row, markers: false });
        return;
      }
      row.children.forEach((cell, c) => {
        const span = contentSpan(cell);
        const filler = span !== undefined && this.checkText(cells[c] ?? '', span, this.index.cells, cellKeys[r]?.[c]);
        pending.push({ node: cell, markers: markers && !filler });
      });
    });
    for (let i = pending.length - 1; i >= 0; i--) stack.push(pending[i] as Pending);
  }

  private checkCode(value: string, node: Span): void {
    if (!mayHaveKeyOfLength(value, this.index.longestCode) || !this.index.code.has(codeKey(value))) return;
    const span = codeContentSpan(this.text, node.start, node.end);
    const firstLine = value.split(/\r\n|\n|\r/).find((line) => line.trim() !== '') ?? '';
    this.report('code', span, `Example code from the template ("${quoted(firstLine, 40)}") was never replaced.`);
  }

  private checkMarkers(node: Nodes): void {
    const span = spanOf(node);
    if (!span || this.index.markers.length === 0) return;
    const source = this.text.slice(span.start, span.end);
    for (const marker of this.index.markers) {
      for (let at = source.indexOf(marker); at >= 0; at = source.indexOf(marker, at + marker.length)) {
        const start = span.start + at;
        this.report('marker', { start, end: start + marker.length }, `Template placeholder "${marker}" was never replaced.`);
      }
    }
  }

  /** The writer's own to-do markers in a text node (never inside code: code is not a text node). */
  private checkTodos(node: Nodes): void {
    const span = spanOf(node);
    if (!span) return;
    for (const marker of todoMarkers(this.text, span.start, span.end)) {
      this.report('todo', marker, `"${marker.text}" left in the report: unfinished work.`);
    }
  }

  private reportRow(row: TableRow, cells: readonly string[]): void {
    const first = row.children[0];
    const last = row.children[row.children.length - 1];
    const start = (first && contentSpan(first)) ?? spanOf(row);
    const end = (last && contentSpan(last)) ?? spanOf(row);
    if (!start || !end) return;
    const shown = cells.length > 2 ? `${cells.slice(0, 2).map((cell) => quoted(cell, 30)).join(' | ')} | …` : cells.map((cell) => quoted(cell, 30)).join(' | ');
    const what = cells.slice(1).some((cell) => /\d/.test(cell)) ? 'numbers' : 'values';
    this.report('row', { start: start.start, end: end.end }, `Example row from the template ("${shown}") still holds the template's ${what}.`);
  }

  private reportFiller(span: Span, text: string): void {
    this.report('filler', span, `Template filler "${quoted(text)}" was never replaced.`);
  }

  private report(placeholder: PlaceholderType, span: Span, message: string): void {
    this.findings.push({ message, start: span.start, end: span.end, data: { placeholder } });
  }
}

function spanOf(node: Nodes): Span | undefined {
  const start = node.position?.start.offset;
  const end = node.position?.end.offset;
  return start === undefined || end === undefined ? undefined : { start, end };
}

/** A table cell's text without the padding and pipes its position includes. */
function contentSpan(cell: Nodes): Span | undefined {
  if (!('children' in cell)) return undefined;
  const first = cell.children[0];
  const last = cell.children[cell.children.length - 1];
  const start = first && spanOf(first);
  const end = last && spanOf(last);
  return start && end ? { start: start.start, end: end.end } : undefined;
}
