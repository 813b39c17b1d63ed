import type { LintResult } from './lint';
import type { DocumentHeading, ParsedDocument } from './parse/document';
import type { SectionMap, SectionOccurrence } from './sections';
import { findSpec, subsectionsByParent, topLevel } from './sections';
import { hasNumbering, stripNumbering } from './templates/headingMatch';
import type { TemplateSection } from './templates/sectionText';
import { templateSection } from './templates/sectionText';
import type { ReportKind, SectionSpec } from './templates/types';
import { detectEol } from './text/lineIndex';
import type { TextEdit } from './types';

/**
 * Where and what to insert for a section of the report's kind (`sectionId`): the template's text for
 * that section (with its subsections), placed where it belongs in template order. Undefined when the
 * document is not a report or the id is unknown.
 */
export function sectionInsertion(result: LintResult, sectionId: string): TextEdit | undefined {
  if (!result.kind || !result.sections) return undefined;
  return planSectionInsertion(result.doc, result.kind, result.sections, sectionId)?.edit;
}

export interface SectionInsertionPlan {
  edit: TextEdit;
  /** What a finding about the section points at: the heading it goes before, or the document's last line. */
  anchor: { start: number; end: number };
}

/** Where a block goes: before a heading, or at the end of the document or of a parent section. */
interface Placement {
  at: number;
  anchor: { start: number; end: number };
  /** Heading level the inserted section's own heading gets. */
  depth: number;
  /** A section of the same level follows and the document separates such sections with `---`. */
  separatorAfter: boolean;
  separatorBefore: boolean;
}

/**
 * The insertion of one section, with its subsections, from the template. The template's heading
 * levels are shifted to the document's (a document whose sections are `#` headings gets `#`), and
 * its numbering (`2.`, `2.1`) is dropped when the document leaves out numbers the template has.
 */
export function planSectionInsertion(doc: ParsedDocument, kind: ReportKind, sections: SectionMap, sectionId: string): SectionInsertionPlan | undefined {
  const found = findSpec(kind, sectionId);
  if (!found) return undefined;
  const { spec, parent } = found;
  let block: TemplateSection;
  let placement: Placement;
  if (!parent) {
    block = templateSection(kind, spec);
    placement = placeTopLevel(doc, kind, sections, spec);
  } else {
    const parentOccurrence = sections.byId.get(parent.id)?.find((occurrence) => !occurrence.parent);
    if (parentOccurrence) {
      block = templateSection(kind, spec);
      placement = placeSubsection(doc, sections, parent, spec, parentOccurrence);
    } else {
      block = withParentHeading(templateSection(kind, parent), templateSection(kind, spec));
      placement = placeTopLevel(doc, kind, sections, parent);
    }
  }
  const keepNumbering = !sections.occurrences.some((occurrence) => numberedInTemplate(kind, occurrence.spec) && !hasNumbering(occurrence.heading.text));
  const eol = detectEol(doc.text);
  let text = render(block, placement.depth, keepNumbering).replace(/\n/g, eol);
  if (placement.separatorAfter) text = `${text}${eol}${eol}---`;
  if (placement.separatorBefore) text = `---${eol}${eol}${text}`;
  return { edit: { start: placement.at, end: placement.at, newText: surround(doc.text, placement.at, text, eol) }, anchor: placement.anchor };
}

function placeTopLevel(doc: ParsedDocument, kind: ReportKind, sections: SectionMap, spec: SectionSpec): Placement {
  const present = topLevel(sections);
  const templateDepth = templateSection(kind, spec).headings[0]?.depth ?? spec.level;
  const index = kind.sections.indexOf(spec);
  for (const later of kind.sections.slice(index + 1)) {
    const next = present.find((occurrence) => occurrence.spec === later);
    if (next) {
      const at = doc.lines.lineStart(next.heading.line);
      return { at, anchor: headingAnchor(next.heading), depth: next.heading.depth, separatorAfter: breakBefore(doc, at), separatorBefore: false };
    }
  }
  const last = present[present.length - 1];
  const separated = present.some((occurrence) => breakBefore(doc, doc.lines.lineStart(occurrence.heading.line)));
  return {
    at: doc.text.length,
    anchor: lastLineAnchor(doc),
    depth: last?.heading.depth ?? templateDepth,
    separatorAfter: false,
    separatorBefore: separated && !breakBefore(doc, doc.text.length),
  };
}

function placeSubsection(doc: ParsedDocument, sections: SectionMap, parent: SectionSpec, spec: SectionSpec, parentOccurrence: SectionOccurrence): Placement {
  const siblings = subsectionsByParent(sections).get(parentOccurrence) ?? [];
  const index = parent.children.indexOf(spec);
  for (const later of parent.children.slice(index + 1)) {
    const next = siblings.find((occurrence) => occurrence.spec === later);
    if (next) {
      return { at: doc.lines.lineStart(next.heading.line), anchor: headingAnchor(next.heading), depth: next.heading.depth, separatorAfter: false, separatorBefore: false };
    }
  }
  const end = parentOccurrence.end;
  const following = end < doc.text.length ? headingAt(doc, end) : undefined;
  return {
    at: afterLastContent(doc, parentOccurrence.heading.end, end),
    anchor: following ? headingAnchor(following) : lastLineAnchor(doc),
    depth: siblings[siblings.length - 1]?.heading.depth ?? parentOccurrence.heading.depth + 1,
    separatorAfter: false,
    separatorBefore: false,
  };
}

/** The heading that starts at an offset (headings are in document order). */
function headingAt(doc: ParsedDocument, offset: number): DocumentHeading | undefined {
  let low = 0;
  let high = doc.headings.length - 1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    const heading = doc.headings[mid] as DocumentHeading;
    if (heading.start === offset) return heading;
    if (heading.start < offset) low = mid + 1;
    else high = mid - 1;
  }
  return undefined;
}

function headingAnchor(heading: DocumentHeading): { start: number; end: number } {
  return heading.textEnd > heading.textStart ? { start: heading.textStart, end: heading.textEnd } : { start: heading.start, end: heading.end };
}

/** The document's last non-blank line, without its indentation. */
function lastLineAnchor(doc: ParsedDocument): { start: number; end: number } {
  for (let line = doc.lines.lineCount; line >= 1; line--) {
    const text = doc.lines.lineText(line);
    if (text.trim() === '') continue;
    const start = doc.lines.lineStart(line) + (text.length - text.trimStart().length);
    return { start, end: doc.lines.lineEnd(line) };
  }
  return { start: 0, end: 0 };
}

const THEMATIC_BREAK = /^ {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$/;

/** The last line that ends at or before `offset`: the line before it at a line start, else its own line. */
function lineBefore(doc: ParsedDocument, offset: number): number {
  const { line } = doc.lines.point(offset);
  return doc.lines.lineStart(line) === offset ? line - 1 : line;
}

/** Whether the last non-blank line before `offset` is a thematic break, not the front matter's fence. */
function breakBefore(doc: ParsedDocument, offset: number): boolean {
  const floor = doc.frontMatter?.end ?? 0;
  for (let line = lineBefore(doc, offset); line >= 1; line--) {
    if (doc.lines.lineStart(line) < floor) return false;
    const text = doc.lines.lineText(line);
    if (text.trim() !== '') return THEMATIC_BREAK.test(text);
  }
  return false;
}

/**
 * Where a subsection goes at the end of its parent: after the parent's last content line, before the
 * blank lines and `---` separators that close it, so it stays visually inside the section. The
 * parent's heading (`floor` is its end) always counts as content, a setext underline included.
 */
function afterLastContent(doc: ParsedDocument, floor: number, end: number): number {
  let line = lineBefore(doc, end);
  for (; line >= 1; line--) {
    if (doc.lines.lineStart(line) < floor) break;
    const text = doc.lines.lineText(line);
    if (text.trim() !== '' && !THEMATIC_BREAK.test(text)) break;
  }
  return line >= doc.lines.lineCount ? doc.text.length : doc.lines.lineStart(line + 1);
}

/** Blank lines around the block, whatever surrounds the insertion point. */
function surround(text: string, at: number, block: string, eol: string): string {
  const before = text.slice(0, at);
  const after = text.slice(at);
  let prefix = '';
  if (before.length > 0) {
    const withoutBreak = before.replace(/(?:\r\n|\n|\r)$/, '');
    if (withoutBreak === before) prefix = eol + eol;
    else if (withoutBreak !== '' && !/(?:\r\n|\n|\r)[ \t]*$/.test(withoutBreak)) prefix = eol;
  }
  const suffix = after.length === 0 || /^[ \t]*(?:\r\n|\n|\r)/.test(after) ? eol : eol + eol;
  return prefix + block + suffix;
}

function numberedInTemplate(kind: ReportKind, spec: SectionSpec): boolean {
  const { text, headings } = templateSection(kind, spec);
  const own = headings[0];
  return own !== undefined && hasNumbering(text.slice(own.textStart, own.textEnd));
}

/** The template text with its headings at the target level, numbered or not. */
function render(block: TemplateSection, depth: number, keepNumbering: boolean): string {
  const shift = depth - (block.headings[0]?.depth ?? depth);
  let text = block.text;
  for (const heading of [...block.headings].reverse()) {
    const title = text.slice(heading.textStart, heading.textEnd);
    const marks = '#'.repeat(Math.min(6, Math.max(1, heading.depth + shift)));
    text = `${text.slice(0, heading.start)}${marks} ${keepNumbering ? title : stripNumbering(title)}${text.slice(heading.end)}`;
  }
  return text;
}

/** A subsection under its parent's heading line, for a subsection whose parent is missing. */
function withParentHeading(parent: TemplateSection, child: TemplateSection): TemplateSection {
  const own = parent.headings[0];
  if (!own) return child;
  const line = parent.text.slice(own.start, own.end);
  const shift = line.length + 2;
  const childShift = own.depth + 1 - (child.headings[0]?.depth ?? own.depth + 1);
  return {
    text: `${line}\n\n${child.text}`,
    headings: [
      { ...own, start: 0, end: line.length, textStart: own.textStart - own.start, textEnd: own.textEnd - own.start },
      ...child.headings.map((heading) => ({
        depth: heading.depth + childShift,
        start: heading.start + shift,
        end: heading.end + shift,
        textStart: heading.textStart + shift,
        textEnd: heading.textEnd + shift,
      })),
    ],
  };
}
