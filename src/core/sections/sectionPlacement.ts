import type { DocumentHeading, ParsedDocument } from '../parse/document';
import { isThematicBreak } from '../parse/lines';
import type { SectionMap, SectionOccurrence } from './sectionMap';
import { subsectionsByParent, topLevel } from './sectionMap';
import type { SectionSpec } from '../templates/types';

/**
 * Where a missing section belongs, said in the document's terms: before a present heading, at the end
 * of the document (after its last heading, if any), or inside its present parent section.
 */
export type PlacementRelation =
  | { type: 'before'; heading: DocumentHeading }
  /** `after`: the last top-level section's heading (else the last heading), what the section follows. */
  | { type: 'end'; after: DocumentHeading | undefined }
  | { type: 'in'; parent: DocumentHeading };

/** Where a section goes: before a heading, or at the end of the document or of its parent section. */
export interface Placement {
  at: number;
  /**
   * What a finding about the section points at: the heading it goes before, its parent's heading for
   * a subsection, the last heading for a section that belongs at the end (the last line without one).
   */
  anchor: { start: number; end: number };
  relation: PlacementRelation;
  /** Heading level the inserted section's own heading gets, as its neighbours have; undefined with no neighbours. */
  depth: number | undefined;
  /** The document separates sections with `---`: one goes after the inserted section. */
  separatorAfter: boolean;
  /** The same, at the end of a document whose last section is not followed by `---` yet. */
  separatorBefore: boolean;
}

/**
 * Finds where sections belong in one document, in template order. Built once per lint and asked
 * for every missing section, so what it learns about the document is computed once.
 */
export class SectionPlacer {
  private firstTop: Map<SectionSpec, SectionOccurrence> | undefined;
  private firstChildren: Map<SectionOccurrence, Map<SectionSpec, SectionOccurrence>> | undefined;
  private separated: boolean | undefined;

  constructor(private readonly doc: ParsedDocument, private readonly sections: SectionMap) {}

  /** The first top-level occurrence of a section, if present. */
  present(spec: SectionSpec): SectionOccurrence | undefined {
    if (!this.firstTop) {
      this.firstTop = new Map();
      for (const occurrence of topLevel(this.sections)) {
        if (!this.firstTop.has(occurrence.spec)) this.firstTop.set(occurrence.spec, occurrence);
      }
    }
    return this.firstTop.get(spec);
  }

  /** A top-level section goes before the next section of the template that is present, else at the end. */
  topLevel(order: readonly SectionSpec[], spec: SectionSpec): Placement {
    const { doc } = this;
    for (const later of order.slice(order.indexOf(spec) + 1)) {
      const next = this.present(later);
      if (next) {
        const at = doc.lines.lineStart(next.heading.line);
        return {
          at,
          anchor: headingAnchor(next.heading),
          relation: { type: 'before', heading: next.heading },
          depth: next.heading.depth,
          separatorAfter: this.breakBefore(at),
          separatorBefore: false,
        };
      }
    }
    const present = topLevel(this.sections);
    const last = doc.headings[doc.headings.length - 1];
    return {
      at: doc.text.length,
      anchor: last ? headingAnchor(last) : this.lastLineAnchor(),
      relation: { type: 'end', after: present[present.length - 1]?.heading ?? last },
      depth: present[present.length - 1]?.heading.depth,
      separatorAfter: false,
      separatorBefore: this.usesSeparators() && !this.breakBefore(doc.text.length),
    };
  }

  /**
   * A subsection goes before the next subsection of the template present in (the first occurrence
   * of) its section, else at the end of that section, before the blank lines and `---` closing it.
   */
  subsection(parent: SectionSpec, spec: SectionSpec, parentOccurrence: SectionOccurrence): Placement {
    const { doc } = this;
    const siblings = this.childrenOf(parentOccurrence);
    const parentHeading = parentOccurrence.heading;
    const inParent = { anchor: headingAnchor(parentHeading), relation: { type: 'in', parent: parentHeading } as const };
    for (const later of parent.children.slice(parent.children.indexOf(spec) + 1)) {
      const next = siblings.get(later);
      if (next) {
        return { at: doc.lines.lineStart(next.heading.line), ...inParent, depth: next.heading.depth, separatorAfter: false, separatorBefore: false };
      }
    }
    const lastSibling = [...siblings.values()].pop();
    return {
      at: this.afterLastContent(parentHeading.end, parentOccurrence.end),
      ...inParent,
      depth: lastSibling?.heading.depth ?? parentOccurrence.heading.depth + 1,
      separatorAfter: false,
      separatorBefore: false,
    };
  }

  private childrenOf(parent: SectionOccurrence): Map<SectionSpec, SectionOccurrence> {
    if (!this.firstChildren) {
      this.firstChildren = new Map();
      for (const [occurrence, children] of subsectionsByParent(this.sections)) {
        const firsts = new Map<SectionSpec, SectionOccurrence>();
        for (const child of children) if (!firsts.has(child.spec)) firsts.set(child.spec, child);
        this.firstChildren.set(occurrence, firsts);
      }
    }
    return this.firstChildren.get(parent) ?? new Map();
  }

  /** Whether some top-level section of the document follows a `---` line. */
  private usesSeparators(): boolean {
    this.separated ??= topLevel(this.sections).some((occurrence) => this.breakBefore(this.doc.lines.lineStart(occurrence.heading.line)));
    return this.separated;
  }

  /** Whether the last non-blank line before `offset` is a thematic break, not the front matter's fence. */
  private breakBefore(offset: number): boolean {
    const { doc } = this;
    const floor = doc.frontMatter?.end ?? 0;
    for (let line = lineBefore(doc, offset); line >= 1; line--) {
      if (doc.lines.lineStart(line) < floor) return false;
      const text = doc.lines.lineText(line);
      if (text.trim() !== '') return isThematicBreak(text);
    }
    return false;
  }

  /**
   * The start of the line after a section's last content line, so what is inserted stays visually
   * inside the section. Its heading (`floor` is the heading's end) always counts as content, a
   * setext underline included.
   */
  private afterLastContent(floor: number, end: number): number {
    const { doc } = this;
    let line = lineBefore(doc, end);
    for (; line >= 1; line--) {
      if (doc.lines.lineStart(line) < floor) break;
      const text = doc.lines.lineText(line);
      if (text.trim() !== '' && !isThematicBreak(text)) break;
    }
    return line >= doc.lines.lineCount ? doc.text.length : doc.lines.lineStart(line + 1);
  }

  /** The document's last non-blank line, without its indentation. */
  private lastLineAnchor(): { start: number; end: number } {
    const { lines } = this.doc;
    for (let line = lines.lineCount; line >= 1; line--) {
      const text = lines.lineText(line);
      if (text.trim() === '') continue;
      return { start: lines.lineStart(line) + (text.length - text.trimStart().length), end: lines.lineEnd(line) };
    }
    return { start: 0, end: 0 };
  }
}

/** The last line that ends at or before `offset`: the previous line at a line start, else its own line. */
function lineBefore(doc: ParsedDocument, offset: number): number {
  const { line } = doc.lines.point(offset);
  return doc.lines.lineStart(line) === offset ? line - 1 : line;
}

function headingAnchor(heading: DocumentHeading): { start: number; end: number } {
  return heading.textEnd > heading.textStart ? { start: heading.textStart, end: heading.textEnd } : { start: heading.start, end: heading.end };
}

