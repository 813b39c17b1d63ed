import type { DocumentHeading, ParsedDocument } from './parse/document';
import { normalizeTitle } from './templates/headingMatch';
import type { ReportKind, SectionSpec } from './templates/types';

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

/** Finds which headings are which of the kind's sections. Cheap: works on the heading list only. */
export function mapSections(doc: ParsedDocument, kind: ReportKind): SectionMap {
  const topIndex = titleIndex(kind.sections);
  const occurrences: SectionOccurrence[] = [];
  const byId = new Map<string, SectionOccurrence[]>();
  let title: DocumentHeading | undefined;
  let current: SectionOccurrence | undefined;
  const headings = doc.headings;
  const ends = sectionEnds(doc);

  headings.forEach((heading, headingIndex) => {
    const key = normalizeTitle(heading.text);
    let spec: SectionSpec | undefined;
    let parent: SectionOccurrence | undefined;
    if (current && heading.depth > current.heading.depth) {
      spec = titleIndex(current.spec.children).get(key);
      if (spec) parent = current;
    }
    if (!spec && (heading.depth <= 2 || !current || heading.depth <= current.heading.depth)) {
      spec = topIndex.get(key);
    }
    if (!spec) {
      if (heading.depth === 1 && !title && occurrences.length === 0) title = heading;
      if (current && heading.depth <= current.heading.depth) current = undefined;
      return;
    }
    const occurrence: SectionOccurrence = {
      spec,
      heading,
      headingIndex,
      parent,
      end: ends[headingIndex] ?? doc.text.length,
      hasContent: heading.contentAfter || (headings[headingIndex + 1]?.depth ?? 0) > heading.depth,
    };
    if (!parent) current = occurrence;
    occurrences.push(occurrence);
    const list = byId.get(spec.id);
    if (list) list.push(occurrence);
    else byId.set(spec.id, [occurrence]);
  });
  return { title, occurrences, byId };
}

/** For each heading, where its section ends: the next heading of the same or a higher level. Linear. */
function sectionEnds(doc: ParsedDocument): number[] {
  const ends: number[] = doc.headings.map(() => doc.text.length);
  const open: number[] = [];
  doc.headings.forEach((heading, index) => {
    while (open.length > 0 && (doc.headings[open[open.length - 1] as number]?.depth ?? 0) >= heading.depth) {
      ends[open.pop() as number] = heading.start;
    }
    open.push(index);
  });
  return ends;
}
