import type { DocumentHeading, ParsedDocument, PlacedChunk } from '../parse/document';
import { normalizeTitle, stripNumbering } from '../templates/headingMatch';
import { firstIndexWhere } from '../text/search';
import { detached } from '../text/detached';
import type { ReportKind, SectionSpec } from '../templates/types';
import type { ChunkParse } from '../parse/chunkParse';
import type { ContentLabel, ContentPart, HeadingLabels } from './sectionContent';
import { contentParts, joinContent, partLabels } from './sectionContent';

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
  /**
   * Its content is a not-applicable statement (`N/A: …`, `None.`), or it lies in a section whose
   * content is: it is complete, and nothing in it is reported as missing, empty or unfilled.
   */
  notApplicable: boolean;
  /**
   * For a section with subsections in the kind, how it holds them: under `headings` (at least one
   * subsection heading); as `labels` (no subsection heading; its text is labeled content only, with at
   * least two subsections labeled); in `prose` (any other content, labels or not); `none` (no content).
   */
  form: 'headings' | 'labels' | 'prose' | 'none';
}

/** A subsection written as labeled content of its section instead of under its own heading. */
export interface LabeledSubsection {
  spec: SectionSpec;
  parent: SectionOccurrence;
  /** The label's text (where the outline goes): document offsets and 1-based line. */
  start: number;
  end: number;
  line: number;
  /** The block it labels: the line, list item, table row or table. */
  blockStart: number;
  blockEnd: number;
  /** What it labels is a not-applicable statement, or its section is not applicable. */
  notApplicable: boolean;
}

/**
 * How a section or subsection of the kind is present: under its own heading, as a label in its
 * section's text, or covered by its section's text as a whole (prose without subsection labels, or a
 * section marked not applicable).
 */
export type Presence =
  | { by: 'heading'; occurrence: SectionOccurrence }
  | { by: 'label'; label: LabeledSubsection }
  | { by: 'section'; parent: SectionOccurrence };

export interface SectionMap {
  /** The document's title: its first level-1 heading that is not a section. */
  title: DocumentHeading | undefined;
  /** Recognised sections in document order. */
  occurrences: SectionOccurrence[];
  /** Occurrences by section id, in document order. */
  byId: Map<string, SectionOccurrence[]>;
  /** Subsections found as labels, in document order (not those also present under a heading). */
  labeled: LabeledSubsection[];
  /**
   * How each present section and subsection is present, by id: the first heading, else the first
   * label, else its section's text. A required id without an entry is missing.
   */
  presence: Map<string, Presence>;
  /** Extents of not-applicable sections, sorted and disjoint: what they hold is not reported. */
  notApplicable: { start: number; end: number }[];
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
 * The section a heading names: its title or an alias, or names of one and the same section joined by
 * `and`, `&`, `+`, `/` or a comma (`Seeds and determinism`, `Code & logs`: both parts are names of
 * Reproducibility, of Logs and Code). Names of different sections (`Results and Analysis` in an
 * experiment report) are none.
 */
function lookupTitle(index: TitleIndex, key: string, text: string): SectionSpec | undefined {
  const exact = index.get(key);
  if (exact) return exact;
  // Most headings that are no section (a run's `### Run 17: ViT-B/16, lr 3e-4`) come back on every update.
  let known = joinedTitles.get(index);
  if (!known) {
    known = new Map();
    joinedTitles.set(index, known);
  }
  if (known.has(text)) return known.get(text) ?? undefined;
  if (known.size >= 20_000) known.clear();
  const joined = lookupJoined(index, text);
  known.set(detached(text), joined ?? null);
  return joined;
}

const joinedTitles = new WeakMap<TitleIndex, Map<string, SectionSpec | null>>();

function lookupJoined(index: TitleIndex, text: string): SectionSpec | undefined {
  // Spaces collapsed first, so that the split stays linear on any heading.
  const parts = stripNumbering(text).replace(/\s+/g, ' ').split(/ and |[/,&+]/i);
  if (parts.length < 2) return undefined;
  let joined: SectionSpec | undefined;
  for (const part of parts) {
    const spec = index.get(normalizeTitle(part));
    if (!spec || (joined && spec !== joined)) return undefined;
    joined = spec;
  }
  return joined;
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
  // A heading's content lies after it in its chunk and, when its section was split into several
  // chunks, before the first heading of each chunk up to the next heading. Found when asked: only
  // recognised sections ask, and most headings of a long report are not one.
  const { chunks } = doc;
  const chunkOf: number[] = [];
  const firstHeadingOf: number[] = [];
  for (let index = 0; index < chunks.length; index++) {
    firstHeadingOf.push(chunkOf.length);
    for (let count = (chunks[index] as PlacedChunk).parse.headings.length; count > 0; count--) chunkOf.push(index);
  }
  const placesOf = (headingIndex: number): { parse: ChunkParse; part: number; shift: number }[] => {
    const at = chunkOf[headingIndex];
    if (at === undefined) return [];
    const chunk = chunks[at] as PlacedChunk;
    const part = headingIndex - (firstHeadingOf[at] as number) + 1;
    const places = [{ parse: chunk.parse, part, shift: chunk.start }];
    if (part < chunk.parse.headings.length) return places;
    for (let next = at + 1; next < chunks.length; next++) {
      const { parse, start } = chunks[next] as PlacedChunk;
      if ((contentParts(parse)[0] as ContentPart).blocks > 0) places.push({ parse, part: 0, shift: start });
      if (parse.headings.length > 0) break;
    }
    return places;
  };
  const notApplicable = (headingIndex: number): boolean => joinContent(placesOf(headingIndex).map(({ parse, part }) => contentParts(parse)[part] as ContentPart)).notApplicable;
  const knownLabels = new Map<number, ShiftedLabels | undefined>();
  const labels = (headingIndex: number): ShiftedLabels | undefined => {
    if (!knownLabels.has(headingIndex)) knownLabels.set(headingIndex, labelsOf(headingIndex));
    return knownLabels.get(headingIndex);
  };
  const labelsOf = (headingIndex: number): ShiftedLabels | undefined => {
    const parts = placesOf(headingIndex);
    if (parts.length === 0) return undefined;
    if (parts.length === 1) {
      const [{ parse, part, shift }] = parts as [(typeof parts)[number]];
      const found = partLabels(parse)[part];
      return found && { ...found, shift };
    }
    // Labels from several chunks, moved to document offsets: the first of each name counts.
    const joined = new Map<string, ContentLabel>();
    let unlabeled = false;
    const tables: (readonly string[])[] = [];
    const lineLabels: (readonly string[])[] = [];
    for (const { parse, part, shift } of parts) {
      const found = partLabels(parse)[part];
      if (!found) continue;
      for (const [key, label] of found.labels) {
        if (!joined.has(key)) joined.set(key, { ...label, start: label.start + shift, end: label.end + shift, blockStart: label.blockStart + shift, blockEnd: label.blockEnd + shift });
      }
      unlabeled ||= found.unlabeled;
      tables.push(...found.tables);
      lineLabels.push(...found.lineLabels);
    }
    return { labels: joined, unlabeled, tables, lineLabels, shift: 0 };
  };
  return mapHeadings(doc.headings, doc.text.length, kind, { notApplicable, labels, line: (offset) => doc.lines.point(offset).line });
}

/** A heading's labels, with the offset of its chunk in the document. */
type ShiftedLabels = HeadingLabels & { shift: number };

/** The content facts of each heading of the document, by index in `doc.headings`. */
interface DocumentContents {
  /** Whether the heading's content is a not-applicable statement. */
  notApplicable(headingIndex: number): boolean;
  /** Computed on demand: only sections that lack a subsection heading look for labels. */
  labels(headingIndex: number): ShiftedLabels | undefined;
  line(offset: number): number;
}

/**
 * `mapSections` over a list of headings of a text of `textLength` characters. Without `content`, only
 * headings count: no labels, nothing not applicable.
 */
export function mapHeadings(headings: readonly DocumentHeading[], textLength: number, kind: ReportKind, content?: DocumentContents): SectionMap {
  const plan = headingPlan(headings, kind);
  const occurrences: SectionOccurrence[] = [];
  const byId = new Map<string, SectionOccurrence[]>();
  const ends = sectionEnds(headings, textLength);
  const byHeading = new Map<number, SectionOccurrence>();
  for (const { headingIndex, spec, parentIndex } of plan.sections) {
    const heading = headings[headingIndex] as DocumentHeading;
    const parent = parentIndex < 0 ? undefined : byHeading.get(parentIndex);
    const occurrence: SectionOccurrence = {
      spec,
      heading,
      headingIndex,
      parent,
      end: ends[headingIndex] ?? textLength,
      hasContent: heading.contentAfter || (headings[headingIndex + 1]?.depth ?? 0) > heading.depth,
      notApplicable: (parent?.notApplicable ?? false) || (content?.notApplicable(headingIndex) ?? false),
      form: 'none',
    };
    byHeading.set(headingIndex, occurrence);
    occurrences.push(occurrence);
    const list = byId.get(spec.id);
    if (list) list.push(occurrence);
    else byId.set(spec.id, [occurrence]);
  }
  const title = plan.title < 0 ? undefined : headings[plan.title];
  const labeled = content ? findLabels(headings, occurrences, byId, content) : [];
  return { title, occurrences, byId, labeled, presence: presenceOf(occurrences, labeled), notApplicable: notApplicableExtents(occurrences) };
}

/** Which headings are which sections, and which is the title: what depends on the headings' levels and texts only. */
interface HeadingPlan {
  depths: number[];
  texts: string[];
  /** The recognised headings, in order: each with its section and the index of its parent section's heading (-1 for none). */
  sections: { headingIndex: number; spec: SectionSpec; parentIndex: number }[];
  /** Index of the title heading, or -1. */
  title: number;
}

/**
 * The last plan made for each kind. An edit seldom touches a heading, and a long report has thousands
 * of headings that are no section: comparing levels and texts with the last plan's is far cheaper than
 * matching every title again.
 */
const lastPlans = new WeakMap<ReportKind, HeadingPlan>();

function headingPlan(headings: readonly DocumentHeading[], kind: ReportKind): HeadingPlan {
  const last = lastPlans.get(kind);
  if (last && sameHeadings(last, headings)) return last;
  const plan = makePlan(headings, kind);
  lastPlans.set(kind, plan);
  return plan;
}

function sameHeadings(plan: HeadingPlan, headings: readonly DocumentHeading[]): boolean {
  if (plan.depths.length !== headings.length) return false;
  for (let index = 0; index < headings.length; index++) {
    const heading = headings[index] as DocumentHeading;
    if (plan.depths[index] !== heading.depth || plan.texts[index] !== heading.text) return false;
  }
  return true;
}

function makePlan(headings: readonly DocumentHeading[], kind: ReportKind): HeadingPlan {
  const topIndex = titleIndex(kind.sections);
  const sections: HeadingPlan['sections'] = [];
  const recognised: (SectionSpec | undefined)[] = [];
  const parents: number[] = [];
  const open: number[] = [];
  let title = -1;
  headings.forEach((heading, headingIndex) => {
    while (open.length > 0 && (headings[open[open.length - 1] as number]?.depth ?? 0) >= heading.depth) open.pop();
    const parentIndex = open[open.length - 1];
    open.push(headingIndex);
    const parentHeading = parentIndex === undefined ? undefined : headings[parentIndex];
    const parentSpec = parentIndex === undefined ? undefined : recognised[parentIndex];
    const key = normalizeTitle(heading.text);
    let spec: SectionSpec | undefined;
    let parent = -1;
    if (parentSpec && parentIndex !== undefined) {
      if ((parents[parentIndex] ?? -1) < 0) {
        spec = lookupTitle(titleIndex(parentSpec.children), key, heading.text);
        parent = parentIndex;
      }
    } else if (!parentHeading || parentHeading.depth === 1) {
      spec = lookupTitle(topIndex, key, heading.text);
    }
    recognised.push(spec);
    parents.push(parent);
    if (!spec) {
      if (heading.depth === 1 && title < 0 && sections.length === 0) title = headingIndex;
      return;
    }
    sections.push({ headingIndex, spec, parentIndex: parent });
  });
  return { depths: headings.map((heading) => heading.depth), texts: headings.map((heading) => heading.text), sections, title };
}

/**
 * The subsections each top-level occurrence holds as labels anywhere in its extent (its own text, the
 * text under headings of the author's own within it, and the text of its other subsections). Sets `form`.
 */
function findLabels(headings: readonly DocumentHeading[], occurrences: readonly SectionOccurrence[], byId: ReadonlyMap<string, unknown>, content: DocumentContents): LabeledSubsection[] {
  const labeled: LabeledSubsection[] = [];
  const subsections = new Set<SectionOccurrence | undefined>();
  for (const occurrence of occurrences) subsections.add(occurrence.parent);
  for (const occurrence of occurrences) {
    if (occurrence.parent || occurrence.spec.children.length === 0) continue;
    const own: number[] = [];
    for (let index = occurrence.headingIndex; index < headings.length && (headings[index] as DocumentHeading).start < occurrence.end; index++) own.push(index);
    const headingsForm = subsections.has(occurrence);
    const found: LabeledSubsection[] = [];
    for (const spec of occurrence.spec.children) {
      if (byId.has(spec.id)) continue; // present under a heading: its labels are not needed
      let first: LabeledSubsection | undefined;
      for (const key of titleKeys(spec)) {
        for (const index of own) {
          const facts = content.labels(index);
          const label = facts?.labels.get(key);
          if (!facts || !label) continue;
          const start = label.start + facts.shift;
          if (!first || start < first.start) {
            first = {
              spec,
              parent: occurrence,
              start,
              end: label.end + facts.shift,
              line: content.line(start),
              blockStart: label.blockStart + facts.shift,
              blockEnd: label.blockEnd + facts.shift,
              notApplicable: occurrence.notApplicable || label.notApplicable,
            };
          }
          break;
        }
      }
      if (first) found.push(first);
    }
    occurrence.form = headingsForm ? 'headings' : !occurrence.hasContent ? 'none' : found.length >= 2 && allLabeled(occurrence, own, content) ? 'labels' : 'prose';
    labeled.push(...found);
  }
  return labeled.sort((a, b) => a.start - b.start);
}

/**
 * Whether a section's own text is labeled content only, and every label names one of its subsections:
 * no heading of the author's own, every paragraph line and list item labeled (a lead-in ending with
 * `:` aside), every table naming a subsection in its header or first column. With at least two
 * subsections labeled, such a section is structured by its subsections, so one it does not label is
 * missing. Otherwise its text may hold that subsection in prose or under a label of its own
 * (`- **Index**: 0.6 GB` may well be the model size).
 */
function allLabeled(occurrence: SectionOccurrence, own: readonly number[], content: DocumentContents): boolean {
  if (own.length !== 1) return false;
  const facts = content.labels(occurrence.headingIndex);
  if (!facts || facts.unlabeled) return false;
  const keys = new Set(occurrence.spec.children.flatMap(titleKeys));
  const names = (labels: readonly string[]): boolean => labels.some((key) => keys.has(key));
  return facts.lineLabels.every(names) && facts.tables.every(names);
}

const keysCache = new WeakMap<SectionSpec, string[]>();

/** A section's title and aliases, normalised. */
function titleKeys(spec: SectionSpec): string[] {
  let keys = keysCache.get(spec);
  if (!keys) {
    keys = [...new Set([spec.title, ...spec.aliases].map(normalizeTitle))];
    keysCache.set(spec, keys);
  }
  return keys;
}

function presenceOf(occurrences: readonly SectionOccurrence[], labeled: readonly LabeledSubsection[]): Map<string, Presence> {
  const presence = new Map<string, Presence>();
  for (const occurrence of occurrences) if (!presence.has(occurrence.spec.id)) presence.set(occurrence.spec.id, { by: 'heading', occurrence });
  for (const label of labeled) if (!presence.has(label.spec.id)) presence.set(label.spec.id, { by: 'label', label });
  for (const occurrence of occurrences) {
    if (occurrence.parent || !(occurrence.notApplicable || occurrence.form === 'prose')) continue;
    for (const child of occurrence.spec.children) if (!presence.has(child.id)) presence.set(child.id, { by: 'section', parent: occurrence });
  }
  return presence;
}

function notApplicableExtents(occurrences: readonly SectionOccurrence[]): { start: number; end: number }[] {
  const extents: { start: number; end: number }[] = [];
  for (const occurrence of occurrences) {
    // Subsections of a not-applicable section lie in its extent; occurrences come in document order.
    if (!occurrence.notApplicable || (occurrence.parent?.notApplicable ?? false)) continue;
    extents.push({ start: occurrence.heading.start, end: occurrence.end });
  }
  return extents;
}

/** Whether an offset lies in a not-applicable section. */
export function inNotApplicable(sections: SectionMap, offset: number): boolean {
  const extents = sections.notApplicable;
  const extent = extents[firstIndexWhere(extents.length, (index) => (extents[index] as { end: number }).end > offset)];
  return extent !== undefined && extent.start <= offset;
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
