import type { ParsedDocument } from '../parse/document';
import type { Placement, PlacementRelation } from './sectionPlacement';
import { SectionPlacer } from './sectionPlacement';
import type { SectionMap } from './sectionMap';
import { findSpec } from './sectionMap';
import { hasNumbering, stripNumbering } from '../templates/headingMatch';
import type { TemplateSection } from './sectionText';
import { templateSection } from './sectionText';
import type { ReportKind, SectionSpec } from '../templates/types';
import { detectEol } from '../text/lineIndex';
import type { TextEdit } from '../types';

export interface SectionInsertionPlan {
  edit: TextEdit;
  /** What a finding about the section points at (see `Placement.anchor`). */
  anchor: { start: number; end: number };
  /** Where the section goes, in the document's terms. */
  relation: PlacementRelation;
}

/**
 * Plans insertions of sections from the template into one document. The template's heading levels
 * are shifted to the document's (a document whose sections are `#` headings gets `#`), its
 * numbering (`2.`, `2.1`) is dropped when the document leaves out numbers the template has, and
 * line breaks are the document's. A subsection whose section is missing comes with that
 * section's heading.
 */
export class SectionInserter {
  private readonly placer: SectionPlacer;
  private keepNumbering: boolean | undefined;

  constructor(private readonly doc: ParsedDocument, private readonly kind: ReportKind, private readonly sections: SectionMap) {
    this.placer = new SectionPlacer(doc, sections);
  }

  plan(sectionId: string): SectionInsertionPlan | undefined {
    const found = findSpec(this.kind, sectionId);
    if (!found) return undefined;
    const { spec, parent } = found;
    const { kind, placer } = this;
    let block: TemplateSection;
    let placement: Placement;
    if (!parent) {
      block = templateSection(kind, spec);
      placement = placer.topLevel(kind.sections, spec);
    } else {
      const parentOccurrence = placer.present(parent);
      block = parentOccurrence ? templateSection(kind, spec) : withParentHeading(templateSection(kind, parent), templateSection(kind, spec));
      placement = parentOccurrence ? placer.subsection(parent, spec, parentOccurrence) : placer.topLevel(kind.sections, parent);
    }
    const eol = detectEol(this.doc.text);
    let text = render(block, placement.depth, this.numbered()).replace(/\n/g, eol);
    if (placement.separatorAfter) text = `${text}${eol}${eol}---`;
    if (placement.separatorBefore) text = `---${eol}${eol}${text}`;
    return { edit: { start: placement.at, end: placement.at, newText: surround(this.doc.text, placement.at, text, eol) }, anchor: placement.anchor, relation: placement.relation };
  }

  /**
   * A section's template text as this document would get it, its heading at `depth`: the heading's
   * title (numbered as the document numbers its sections) and the whole block, subsections included.
   */
  rendered(sectionId: string, depth: number): { title: string; block: string } | undefined {
    const found = findSpec(this.kind, sectionId);
    if (!found) return undefined;
    const block = render(templateSection(this.kind, found.spec), depth, this.numbered());
    const firstLine = block.split('\n', 1)[0] ?? '';
    return { title: firstLine.replace(/^#+[ \t]*/, ''), block };
  }

  private numbered(): boolean {
    this.keepNumbering ??= !this.sections.occurrences.some((occurrence) => numberedInTemplate(this.kind, occurrence.spec) && !hasNumbering(occurrence.heading.text));
    return this.keepNumbering;
  }
}

function numberedInTemplate(kind: ReportKind, spec: SectionSpec): boolean {
  const { text, headings } = templateSection(kind, spec);
  const own = headings[0];
  return own !== undefined && hasNumbering(text.slice(own.textStart, own.textEnd));
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

/** The template text with its headings at the target level (the template's own when undefined), numbered or not. */
function render(block: TemplateSection, depth: number | undefined, keepNumbering: boolean): string {
  const own = block.headings[0]?.depth;
  const shift = depth === undefined || own === undefined ? 0 : depth - own;
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
