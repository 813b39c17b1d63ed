/**
 * The filler of a template, inferred from its Markdown: every paragraph, list item, quote, table body
 * cell and label value is filler unless an annotation keeps it. Structure never is: headings, table
 * header rows, bold-only paragraphs and cells (`**Machine Learning Experiment Report**`, `| **Name** |`)
 * and bold labels. Text holding a `{{NAME}}` slot or a `[marker]` is not filler as a whole; its slots
 * and markers are. Text offering choices (`Draft / Final / In Review`) is a choice list.
 */
import type { List, ListItem, Nodes, Paragraph, PhrasingContent, RootContent, Table } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { labelLines } from '../../placeholders/labelLines';
import type { PlaceholderInventory } from '../types';

/** What the annotations above a block say about it. */
export interface BlockMarks {
  keep: boolean;
  fillerLabels: boolean;
  exampleTable: boolean;
  /** Body rows (1-based) that are example rows on their own; `all` for every one. */
  exampleRows: readonly number[] | 'all' | undefined;
  keepColumns: readonly number[];
  fillerColumns: readonly number[];
}

export const NO_MARKS: BlockMarks = { keep: false, fillerLabels: false, exampleTable: false, exampleRows: undefined, keepColumns: [], fillerColumns: [] };

interface MutableInventory {
  blocks: string[];
  values: string[];
  labels: string[];
  cells: string[];
  rows: string[][];
  tables: string[][][];
  choices: string[];
  inline: string[];
  code: string[];
}

const SLOT = /\{\{[ \t]{0,8}[A-Za-z_][A-Za-z0-9_.-]{0,63}[ \t]{0,8}\}\}/;
const MARKER = /\[[^[\]\n]{1,40}\]/g;
const CHOICE = /\S \/ \S/;

export class FillerCollector {
  private readonly inventory: MutableInventory = { blocks: [], values: [], labels: [], cells: [], rows: [], tables: [], choices: [], inline: [], code: [] };

  constructor(private readonly text: string) {}

  block(node: RootContent, marks: BlockMarks): void {
    if (marks.keep) return;
    if (node.type === 'paragraph') this.paragraph(node, marks, false);
    else if (node.type === 'list') this.list(node, marks);
    else if (node.type === 'blockquote') for (const child of node.children) this.block(child, marks);
    else if (node.type === 'table') this.table(node, marks);
    else if (node.type === 'code') this.add('code', node.value);
  }

  result(): PlaceholderInventory {
    const unique = <T>(list: readonly T[], key: (item: T) => string): T[] => {
      const seen = new Set<string>();
      return list.filter((item) => !seen.has(key(item)) && seen.add(key(item)) !== undefined);
    };
    const text = (item: string): string => item;
    const json = (item: unknown): string => JSON.stringify(item);
    const inv = this.inventory;
    return {
      blocks: unique(inv.blocks, text),
      values: unique(inv.values, text),
      labels: unique(inv.labels, text),
      cells: unique(inv.cells, text),
      rows: unique(inv.rows, json),
      tables: unique(inv.tables, json),
      choices: unique(inv.choices, text),
      inline: unique(inv.inline, text),
      code: unique(inv.code, text),
    };
  }

  private list(node: List, marks: BlockMarks): void {
    for (const item of node.children) this.listItem(item, marks);
  }

  private listItem(item: ListItem, marks: BlockMarks): void {
    item.children.forEach((child, index) => {
      if (child.type === 'paragraph') this.paragraph(child, marks, index === 0 && item.children.length > 1);
      else this.block(child, marks);
    });
  }

  /** `heads`: a list item's first paragraph with more under it labels that content and is not filler itself. */
  private paragraph(node: Paragraph, marks: BlockMarks, heads: boolean): void {
    const start = node.position?.start.offset;
    const end = node.position?.end.offset;
    if (start === undefined || end === undefined) return;
    const lines = labelLines(this.text, start, end);
    if (lines.length > 0) {
      for (const line of lines) {
        if (marks.fillerLabels) this.add('labels', this.text.slice(line.label.start, line.label.end));
        if (line.value) this.filler('values', this.text.slice(line.value.start, line.value.end));
      }
      return;
    }
    if (heads || isBoldOnly(node.children)) return;
    this.filler('blocks', toString(node));
  }

  private table(node: Table, marks: BlockMarks): void {
    const body = node.children.slice(1).map((row) => row.children);
    const texts = body.map((cells) => cells.map((cell) => toString(cell).trim()));
    const examples = marks.exampleTable || marks.exampleRows !== undefined;
    if (marks.exampleTable) this.inventory.tables.push(texts);
    const isExampleRow = (index: number): boolean =>
      marks.exampleRows === 'all' || (marks.exampleRows === undefined ? marks.exampleTable : marks.exampleRows.includes(index + 1));
    texts.forEach((cells, r) => {
      if (marks.exampleRows !== undefined && isExampleRow(r)) this.inventory.rows.push(cells);
      cells.forEach((cell, c) => {
        const column = c + 1;
        if (examples) {
          if (isExampleRow(r) && marks.fillerColumns.includes(column)) this.add('cells', cell);
          return;
        }
        if (marks.keepColumns.includes(column) || isBoldOnly(body[r]?.[c]?.children ?? [])) return;
        this.filler('cells', cell);
      });
    });
  }

  /** Records `text` as filler of `kind`, or its slots and markers, or as a choice list. */
  private filler(kind: 'blocks' | 'values' | 'cells', text: string): void {
    const trimmed = text.trim();
    if (trimmed === '' || SLOT.test(trimmed)) return;
    const markers = trimmed.match(MARKER);
    if (markers) {
      for (const marker of markers) this.add('inline', marker);
      return;
    }
    if (CHOICE.test(trimmed)) this.add('choices', trimmed);
    else this.add(kind, trimmed);
  }

  private add(kind: 'blocks' | 'values' | 'labels' | 'cells' | 'choices' | 'inline' | 'code', text: string): void {
    if (text.trim() !== '') this.inventory[kind].push(text);
  }
}

/** Whether inline content is only strong or emphasised text (and blanks): a label or a caption. */
function isBoldOnly(children: readonly (PhrasingContent | Nodes)[]): boolean {
  let bold = false;
  for (const child of children) {
    if (child.type === 'strong') bold = true;
    else if (child.type !== 'text' || child.value.trim() !== '') return false;
  }
  return bold;
}
