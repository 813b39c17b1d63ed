import { splitChunks } from '../parse/chunks';
import { atxHeadingLine, isThematicBreak, lastLineStart } from '../parse/lines';
import type { DocumentHeading } from '../parse/document';
import { mapHeadings } from './sectionMap';
import type { ReportKind, SectionSpec } from '../templates/types';

/** A heading inside a section's template text; offsets are relative to that text. */
export interface TemplateHeading {
  depth: number;
  start: number;
  end: number;
  textStart: number;
  textEnd: number;
}

/** One section's text as the template writes it: heading, body and subsections, `\n` line breaks. */
export interface TemplateSection {
  text: string;
  /** Every heading in `text`, the section's own first. */
  headings: TemplateHeading[];
}

const cache = new WeakMap<ReportKind, Map<string, TemplateSection>>();

/**
 * The template's text for a section of the kind, without the separators (`---`) and blank lines
 * that end it. A section the template lacks (a kind given as data may have a sparse template)
 * gets its heading and its subsections' headings.
 */
export function templateSection(kind: ReportKind, spec: SectionSpec): TemplateSection {
  return templateSections(kind).get(spec.id) ?? headingsOnly(spec);
}

function templateSections(kind: ReportKind): Map<string, TemplateSection> {
  let sections = cache.get(kind);
  if (!sections) {
    sections = extract(kind);
    cache.set(kind, sections);
  }
  return sections;
}

function extract(kind: ReportKind): Map<string, TemplateSection> {
  const text = kind.template.replace(/\r\n?/g, '\n');
  const headings = atxHeadings(text);
  const found = new Map<string, TemplateSection>();
  for (const occurrence of mapHeadings(headings, text.length, kind).occurrences) {
    if (found.has(occurrence.spec.id)) continue;
    const start = occurrence.heading.start;
    const section = trimEnd(text.slice(start, occurrence.end));
    const own = headings
      .slice(occurrence.headingIndex)
      .filter((heading) => heading.start < start + section.length)
      .map((heading) => ({
        depth: heading.depth,
        start: heading.start - start,
        end: heading.end - start,
        textStart: heading.textStart - start,
        textEnd: heading.textEnd - start,
      }));
    found.set(occurrence.spec.id, { text: section, headings: own });
  }
  return found;
}

/**
 * The template's ATX headings outside front matter and fences, found by the chunk splitter, without
 * a Markdown parse: a template is ours or a kind's data, and linting must not pay for parsing it.
 */
function atxHeadings(text: string): DocumentHeading[] {
  const headings: DocumentHeading[] = [];
  const starts = splitChunks(text).map((span) => span.start);
  starts.forEach((start, index) => {
    const found = text.indexOf('\n', start);
    const lineEnd = found < 0 ? text.length : found;
    const heading = atxHeadingLine(text.slice(start, lineEnd));
    if (!heading) return;
    const next = starts[index + 1] ?? text.length;
    headings.push({
      depth: heading.depth,
      text: text.slice(start + heading.textStart, start + heading.textEnd),
      start,
      end: lineEnd,
      textStart: start + heading.textStart,
      textEnd: start + heading.textEnd,
      contentAfter: text.slice(lineEnd, next).trim() !== '',
      line: text.slice(0, start).split('\n').length,
    });
  });
  return headings;
}

/** The text without the blank lines and thematic breaks (`---`) that end it. */
function trimEnd(text: string): string {
  let out = text.trimEnd();
  for (let last = lastLineStart(out); last > 0 && isThematicBreak(out.slice(last)); last = lastLineStart(out)) out = out.slice(0, last).trimEnd();
  return out;
}

function headingsOnly(spec: SectionSpec): TemplateSection {
  const lines: string[] = [];
  const headings: TemplateHeading[] = [];
  let offset = 0;
  for (const section of [spec, ...spec.children]) {
    const marks = '#'.repeat(Math.min(6, Math.max(1, section.level)));
    const line = `${marks} ${section.title}`;
    headings.push({ depth: marks.length, start: offset, end: offset + line.length, textStart: offset + marks.length + 1, textEnd: offset + line.length });
    lines.push(line);
    offset += line.length + 2;
  }
  return { text: lines.join('\n\n'), headings };
}
