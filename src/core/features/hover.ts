import type { LintResult } from '../lint';
import { UNFILLED_PLACEHOLDER } from '../rules/unfilledPlaceholder';
import { placeholderRanges } from './navigation';
import type { OutlineNode } from './outline';
import { buildOutline, statusText } from './outline';
import type { SectionOccurrence } from '../sections/sectionMap';
import { findSpec } from '../sections/sectionMap';
import { templateSection } from '../sections/sectionText';
import type { Guidance, ReportKind, SectionSpec } from '../templates/types';
import type { Finding, Range } from '../types';

const PLACEHOLDER_RULE = UNFILLED_PLACEHOLDER;

/** What a hover shows: Markdown for a range of the document (offsets). */
export interface HoverContent {
  start: number;
  end: number;
  markdown: string;
}

/** The hover at an offset: on an unfilled placeholder, what belongs there; on a section's heading, what the section asks for. */
export function hoverAt(result: LintResult, offset: number): HoverContent | undefined {
  const placeholder = result.findings.find((finding) => finding.rule === PLACEHOLDER_RULE && finding.range.start.offset <= offset && offset <= finding.range.end.offset);
  if (placeholder) return placeholderHover(result, placeholder);
  const heading = result.sections?.occurrences.find((occurrence) => occurrence.heading.start <= offset && offset <= occurrence.heading.end);
  return heading && sectionHover(result, heading);
}

/** The innermost section occurrence whose extent holds an offset. */
export function sectionAt(result: LintResult, offset: number): SectionOccurrence | undefined {
  let found: SectionOccurrence | undefined;
  for (const occurrence of result.sections?.occurrences ?? []) {
    if (occurrence.heading.start > offset) break;
    if (offset < occurrence.end || (offset === occurrence.end && offset === result.doc.text.length)) found = occurrence;
  }
  return found;
}

/** The unfilled placeholders inside the innermost section that holds an offset, in document order. */
export function placeholdersInSection(result: LintResult, offset: number): { section: SectionOccurrence; ranges: Range[] } | undefined {
  const section = sectionAt(result, offset);
  if (!section) return undefined;
  const ranges = placeholderRanges(result).filter((range) => range.start.offset >= section.heading.end && range.end.offset <= section.end);
  return { section, ranges };
}

const KIND_WORDS: Readonly<Record<string, string>> = {
  slot: 'Unfilled placeholder',
  filler: 'Template text, never replaced',
  choice: 'Unchosen choice',
  row: 'Example row from the template',
  code: 'Example code from the template',
  marker: 'Template marker',
  todo: 'To-do marker',
};

function placeholderHover(result: LintResult, finding: Finding): HoverContent {
  const { doc, kind } = result;
  const start = finding.range.start.offset;
  const end = finding.range.end.offset;
  const text = doc.text.slice(start, end);
  const type = String(finding.data?.['placeholder'] ?? 'filler');
  const section = sectionAt(result, start);
  const lines: string[] = [];
  const where = section ? ` in *${md(headingTitle(result, section))}*${section.parent ? ` (${md(headingTitle(result, section.parent))})` : ''}` : '';
  lines.push(`**${KIND_WORDS[type] ?? 'Unfilled placeholder'}**${where}`);
  const label = labelOf(doc.text, start);
  if (label) lines.push(`Under the label *${md(label)}*.`);
  const guidance = guidanceFor(kind, type, text, section?.spec);
  if (guidance) {
    lines.push(guidance.what);
    if (guidance.example) lines.push(`Example: \`${guidance.example.replace(/`/g, "'")}\``);
  }
  const prompt = section && kind ? templatePrompt(kind, section.spec) : undefined;
  if (prompt && prompt !== text.trim() && type !== 'slot' && type !== 'todo') lines.push(`The template asks: *${md(prompt)}*`);
  const inSection = placeholdersInSection(result, start);
  if (inSection && inSection.ranges.length > 1) lines.push(`${inSection.ranges.length} placeholders in this section. Tab through them with *Next Placeholder* (Ctrl+Alt+]).`);
  return { start, end, markdown: lines.join('\n\n') };
}

function guidanceFor(kind: ReportKind | undefined, type: string, text: string, spec: SectionSpec | undefined): Guidance | undefined {
  if (type === 'todo') return { what: `You left "${text}" here: replace it with the finished text, or delete it.` };
  if (type === 'choice') return { what: `Keep one of: ${text.split(' / ').map((option) => `**${md(option.trim())}**`).join(', ')}; delete the others.` };
  if (type === 'slot') {
    const name = /^\{\{([A-Za-z0-9_]+)\}\}$/.exec(text)?.[1];
    const slot = name ? kind?.guidance?.slots?.[name] : undefined;
    if (slot) return slot;
  }
  const sectionGuidance = spec ? kind?.guidance?.sections?.[spec.id] : undefined;
  if (type === 'row') {
    const what = `Replace the template's example values with yours.${sectionGuidance ? ` ${sectionGuidance.what}` : ''}`;
    return sectionGuidance?.example ? { what, example: sectionGuidance.example } : { what };
  }
  if (type === 'code') return { what: 'Replace the example with your own code or command, or delete the block.' };
  if (type === 'marker') return { what: 'Replace it with a real link (a URL, or a path in the repository).' };
  return sectionGuidance;
}

/** A `**Label**:` before the offset on its line, or the column header of a table cell. */
function labelOf(text: string, offset: number): string | undefined {
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  const before = text.slice(lineStart, offset);
  const bold = /\*\*([^*]+)\*\*\s*:?\s*$/.exec(before) ?? /^\s*(?:[-*+]\s+)?\*\*([^*]+)\*\*\s*:/.exec(before);
  if (bold) return bold[1]?.replace(/:$/, '').trim();
  if (!before.trimStart().startsWith('|')) return undefined;
  const column = (before.match(/(?<!\\)\|/g) ?? []).length - (before.trimStart().startsWith('|') ? 1 : 0);
  let headerStart = lineStart;
  for (;;) {
    const previousEnd = headerStart - 1;
    if (previousEnd <= 0) break;
    const previousStart = text.lastIndexOf('\n', previousEnd - 1) + 1;
    if (!text.slice(previousStart, previousEnd).trimStart().startsWith('|')) break;
    headerStart = previousStart;
  }
  if (headerStart === lineStart) return undefined;
  const header = text.slice(headerStart, text.indexOf('\n', headerStart) >= 0 ? text.indexOf('\n', headerStart) : text.length);
  const cells = header.trim().replace(/^\||\|$/g, '').split(/(?<!\\)\|/).map((cell) => cell.trim());
  const name = cells[column];
  return name ? `${name} column` : undefined;
}

/** The template's first line of prose for a section (its question or instruction), if short. */
function templatePrompt(kind: ReportKind, spec: SectionSpec): string | undefined {
  const lines = templateSection(kind, spec).text.split('\n').slice(1);
  const prose = lines.map((line) => line.trim()).find((line) => line !== '' && !line.startsWith('#') && !line.startsWith('|') && !line.startsWith('-') && !line.startsWith('```') && !/^\d+\./.test(line));
  return prose && prose.length <= 140 ? prose.replace(/\*\*/g, '') : undefined;
}

function sectionHover(result: LintResult, occurrence: SectionOccurrence): HoverContent | undefined {
  const { kind } = result;
  const outline = buildOutline(result);
  if (!kind || !outline) return undefined;
  const node = outline.nodes.flatMap((each) => [each, ...each.children]).find((each) => each.id === occurrence.spec.id);
  if (!node) return undefined;
  const parent = findSpec(kind, node.id)?.parent;
  const lines: string[] = [];
  lines.push(`**${md(headingTitle(result, occurrence))}**: ${parent ? `a subsection of *${md(parent.title)}* in` : 'a section of'} the ${md(kind.name)}${node.required ? '' : ' (optional)'}`);
  const guidance = kind.guidance?.sections?.[node.id];
  if (guidance) lines.push(`The template asks for: ${guidance.what}`);
  else {
    const prompt = templatePrompt(kind, occurrence.spec);
    if (prompt) lines.push(`The template asks: *${md(prompt)}*`);
  }
  if (node.children.length > 0) {
    lines.push(['Subsections:', ...node.children.map((child) => `- ${ICONS[child.status]} ${md(child.title)}: ${statusText(child)}`)].join('\n'));
  }
  lines.push(summary(node));
  return { start: occurrence.heading.start, end: occurrence.heading.end, markdown: lines.join('\n\n') };
}

const ICONS: Readonly<Record<OutlineNode['status'], string>> = {
  complete: '✓',
  placeholders: '✎',
  problems: '⚠',
  missing: '✗',
  optional: '○',
  'n/a': '–',
};

function summary(node: OutlineNode): string {
  const parts = [`${node.placeholders} unfilled placeholder${node.placeholders === 1 ? '' : 's'}`];
  if (node.problems > 0) parts.push(`${node.problems} other problem${node.problems === 1 ? '' : 's'}`);
  return `${parts.join(', ')} in this section${node.children.length > 0 ? ' (subsections included)' : ''}.`;
}

function headingTitle(result: LintResult, occurrence: SectionOccurrence): string {
  const { heading } = occurrence;
  return result.doc.text.slice(heading.textStart, heading.textEnd).trim() || occurrence.spec.title;
}

/** Escapes text for Markdown. */
function md(text: string): string {
  return text.replace(/[\\`*_{}[\]<>|]/g, '\\$&');
}
