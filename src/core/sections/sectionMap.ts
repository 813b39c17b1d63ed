import type { DocumentHeading, ParsedDocument } from '../parse/document';
import { normalizeTitle } from '../templates/headingMatch';
import type { ReportKind, SectionSpec } from '../templates/types';

/** A heading of the document recognised as one of the kind's sections. */
export interface SectionOccurrence {
  spec: SectionSpec;
  heading: DocumentHeading;
  /** Index of the heading in `doc.headings`. */
  headingIndex: number;
  /** The enclosing top-level occurrence, for subsections. */
  parent: SectionOccurrence | undefined;
  /** Offset where the section's extent ends: the next heading of the same or a higher level, or the document's end. */
  end: number;
  /** Whether the section has content of its own or any subsection under it. */
  hasContent: boolean;
}

export interface SectionMap {
  /** The document's title: its first level-1 heading that is not a section. */
  title: DocumentHeading | undefined;
  /** Recognised sections in document order. */
  occurrences: SectionOccurrence[];
  /** Occurrences by section id, in document order. */
  byId: Map<string, SectionOccurrence[]>;
}

type TitleIndex = Map<string, SectionSpec>;

const indexCache = new WeakMap<readonly SectionSpec[], TitleIndex>();

function titleIndex(specs: readonly SectionSpec[]): TitleIndex {
  let index = indexCache.get(specs);
  if (!index) {
    index = new Map();
    for (const spec of specs) {
      for (const name of [spec.title, ...spec.aliases]) {
        const key = normalizeTitle(name);
        if (!index.has(key)) index.set(key, spec);
      }
    }
    indexCache.set(specs, index);
  }
  return index;
}

/**
 * Finds which headings are which of the kind's sections. Cheap: works on the heading list only.
 *
 * A heading's parent is the nearest earlier heading of a higher level. Directly under a recognised
 * section, a heading can only be one of that section's subsections (so `### Summary` under
 * Conclusions is Conclusions/Summary, and `### Models` under Models and Approach is not a second
 * section). At the top (no parent, or under an unrecognised level-1 heading such as the title) a
 * heading of any level can be a section, so `#` and `###` sections are recognised. Anything else
 * (under an unrecognised `##` or below a subsection) is the author's own structure.
 */
export function mapSections(doc: ParsedDocument, kind: ReportKind): SectionMap {
  return mapHeadings(doc.headings, doc.text.length, kind);
}

/** `mapSections` over a list of headings of a text of `textLength` characters. */
export function mapHeadings(headings: readonly DocumentHeading[], textLength: number, kind: ReportKind): SectionMap {
  const topIndex = titleIndex(kind.sections);
  const occurrences: SectionOccurrence[] = [];
  const byId = new Map<string, SectionOccurrence[]>();
  let title: DocumentHeading | undefined;
  const ends = sectionEnds(headings, textLength);
  const recognised: (SectionOccurrence | undefined)[] = [];
  const open: number[] = [];

  headings.forEach((heading, headingIndex) => {
    while (open.length > 0 && (headings[open[open.length - 1] as number]?.depth ?? 0) >= heading.depth) open.pop();
    const parentIndex = open[open.length - 1];
    open.push(headingIndex);
    const parentHeading = parentIndex === undefined ? undefined : headings[parentIndex];
    const parentOccurrence = parentIndex === undefined ? undefined : recognised[parentIndex];
    const key = normalizeTitle(heading.text);
    let spec: SectionSpec | undefined;
    let parent: SectionOccurrence | undefined;
    if (parentOccurrence) {
      if (!parentOccurrence.parent) {
        spec = titleIndex(parentOccurrence.spec.children).get(key);
        parent = parentOccurrence;
      }
    } else if (!parentHeading || parentHeading.depth === 1) {
      spec = topIndex.get(key);
    }
    if (!spec) {
      recognised.push(undefined);
      if (heading.depth === 1 && !title && occurrences.length === 0) title = heading;
      return;
    }
    const occurrence: SectionOccurrence = {
      spec,
      heading,
      headingIndex,
      parent,
      end: ends[headingIndex] ?? textLength,
      hasContent: heading.contentAfter || (headings[headingIndex + 1]?.depth ?? 0) > heading.depth,
    };
    recognised.push(occurrence);
    occurrences.push(occurrence);
    const list = byId.get(spec.id);
    if (list) list.push(occurrence);
    else byId.set(spec.id, [occurrence]);
  });
  return { title, occurrences, byId };
}

/** For each heading, where its section ends: the next heading of the same or a higher level. Linear. */
function sectionEnds(headings: readonly DocumentHeading[], textLength: number): number[] {
  const ends: number[] = headings.map(() => textLength);
  const open: number[] = [];
  headings.forEach((heading, index) => {
    while (open.length > 0 && (headings[open[open.length - 1] as number]?.depth ?? 0) >= heading.depth) {
      ends[open.pop() as number] = heading.start;
    }
    open.push(index);
  });
  return ends;
}

/** A section of the kind by id, with its parent for subsections. */
export function findSpec(kind: ReportKind, id: string): { spec: SectionSpec; parent: SectionSpec | undefined } | undefined {
  for (const spec of kind.sections) {
    if (spec.id === id) return { spec, parent: undefined };
    const child = spec.children.find((candidate) => candidate.id === id);
    if (child) return { spec: child, parent: spec };
  }
  return undefined;
}

/** The occurrences of a kind's top-level sections, in document order. */
export function topLevel(sections: SectionMap): SectionOccurrence[] {
  return sections.occurrences.filter((occurrence) => !occurrence.parent);
}

/** The subsections recognised directly under each occurrence of a top-level section, in document order. */
export function subsectionsByParent(sections: SectionMap): Map<SectionOccurrence, SectionOccurrence[]> {
  const groups = new Map<SectionOccurrence, SectionOccurrence[]>();
  for (const occurrence of sections.occurrences) {
    if (!occurrence.parent) continue;
    const list = groups.get(occurrence.parent);
    if (list) list.push(occurrence);
    else groups.set(occurrence.parent, [occurrence]);
  }
  return groups;
}
