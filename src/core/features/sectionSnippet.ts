import type { LintResult } from '../lint';
import { lint } from '../lint';
import { UNFILLED_PLACEHOLDER } from '../rules/unfilledPlaceholder';
import type { SnippetOptions, SnippetStop } from './snippet';
import { toSnippet } from './snippet';
import { templateSection } from '../sections/sectionText';
import { isDelimiterRow, splitRow, trimSpan } from '../text/rowCells';
import type { ReportKind } from '../templates/types';

/** One section of a kind's template (subsections included) and the filler inside it (offsets into `text`). */
export interface SnippetSource {
  text: string;
  filler: SnippetStop[];
}

/** The template's text for one of the kind's sections, with the placeholder rule's findings in it as filler. */
export function snippetSource(kind: ReportKind, sectionId: string): SnippetSource | undefined {
  const result = lintTemplate(kind);
  const occurrence = result.sections?.byId.get(sectionId)?.[0];
  if (!occurrence) return undefined;
  const { text } = templateSection(kind, occurrence.spec);
  const start = occurrence.heading.start;
  const filler = result.findings
    .filter((finding) => finding.rule === UNFILLED_PLACEHOLDER)
    .map((finding) => ({ start: finding.range.start.offset - start, end: finding.range.end.offset - start }))
    .filter((stop) => stop.start >= 0 && stop.end <= text.length);
  return { text: `${text}\n`, filler: splitTableRows(text, filler) };
}

const templateLints = new WeakMap<ReportKind, LintResult>();

/** The kind's template linted as that kind, line breaks made `\n` as `templateSection` does, so offsets agree. */
function lintTemplate(kind: ReportKind): LintResult {
  let result = templateLints.get(kind);
  if (!result) {
    result = lint(kind.template.replace(/\r\n?/g, '\n'), { kind: kind.id, kinds: [kind] });
    templateLints.set(kind, result);
  }
  return result;
}

/** A snippet of one section of the kind's template, its filler as tab stops. */
export function sectionSnippet(kind: ReportKind, sectionId: string, options: Omit<SnippetOptions, 'stops'> = {}): string | undefined {
  const source = snippetSource(kind, sectionId);
  return source && toSnippet(source.text, { ...options, stops: source.filler, choices: kind.placeholders.choices });
}

/** Where the first table of a text is (offsets, its last line's break included), or undefined. */
export function firstTable(text: string): SnippetStop | undefined {
  const lines = text.split('\n');
  const starts: number[] = [];
  let offset = 0;
  for (const line of lines) {
    starts.push(offset);
    offset += line.length + 1;
  }
  const first = lines.findIndex((line, index) => isRow(line) && isDelimiterLine(lines[index + 1] ?? ''));
  if (first < 0) return undefined;
  let last = first + 2;
  while (last < lines.length && isRow(lines[last] ?? '')) last++;
  return { start: starts[first] as number, end: Math.min(text.length, starts[last] ?? text.length) };
}

/**
 * A snippet of the first table of a template section: header and delimiter rows kept, the template's
 * filler cells as tab stops (every body cell when the template marks none as filler).
 */
export function tableSnippet(section: SnippetSource): string | undefined {
  const table = firstTable(section.text);
  if (!table) return undefined;
  const text = section.text.slice(table.start, table.end);
  const filler = section.filler
    .filter((stop) => stop.start >= table.start && stop.end <= table.end)
    .map((stop) => ({ start: stop.start - table.start, end: stop.end - table.start }));
  return toSnippet(text, { stops: filler.length > 0 ? filler : bodyCells(text) });
}

function bodyCells(table: string): SnippetStop[] {
  const stops: SnippetStop[] = [];
  let lineStart = 0;
  table.split('\n').forEach((line, index) => {
    if (index >= 2) stops.push(...cellRanges(line).map((cell) => ({ start: lineStart + cell.start, end: lineStart + cell.end })));
    lineStart += line.length + 1;
  });
  return stops;
}

/** Ranges of the trimmed, non-empty cell contents of a table row (escaped pipes do not separate). */
export function cellRanges(line: string): SnippetStop[] {
  const lead = line.length - line.trimStart().length;
  const row = line.trim();
  return splitRow(row)
    .cells.map((cell) => trimSpan(row, cell.start, cell.end))
    .filter((cell) => cell.end > cell.start)
    .map((cell) => ({ start: lead + cell.start, end: lead + cell.end }));
}

/** Filler that spans a table row becomes one stop per cell, so each value is typed on its own. */
function splitTableRows(text: string, stops: readonly SnippetStop[]): SnippetStop[] {
  return stops.flatMap((stop) => {
    const slice = text.slice(stop.start, stop.end);
    if (!slice.includes('|')) return [stop];
    return cellRanges(slice).map((cell) => ({ start: stop.start + cell.start, end: stop.start + cell.end }));
  });
}

function isRow(line: string): boolean {
  return line.trimStart().startsWith('|');
}

function isDelimiterLine(line: string): boolean {
  const row = line.trim();
  return isDelimiterRow(row, splitRow(row));
}
