import type { LintResult } from '../lint';
import type { ParsedDocument } from '../parse/document';
import { MISSING_SECTION } from '../rules/missingSection';
import { UNFILLED_PLACEHOLDER } from '../rules/unfilledPlaceholder';
import type { Presence, SectionMap } from '../sections/sectionMap';
import type { SectionSpec } from '../templates/types';
import type { Finding } from '../types';
import { lowerBound } from '../text/search';
import { CHECKLIST_ITEMS } from './checklist';

/**
 * Status of one expected section in the outline view:
 * complete (present, has content, no findings), placeholders (present, has unfilled placeholders),
 * problems (present, has other warnings/errors, e.g. empty or a broken table), n/a (marked not
 * applicable, which is complete), missing (required, absent), optional (not required and absent).
 */
export type SectionStatus = 'complete' | 'placeholders' | 'problems' | 'n/a' | 'missing' | 'optional';

export interface OutlineNode {
  /** The kind's section id. */
  id: string;
  title: string;
  level: number;
  required: boolean;
  status: SectionStatus;
  /** Unfilled placeholders inside the section's extent (subsections included). */
  placeholders: number;
  /** Other warnings and errors inside the section's extent (subsections included). */
  problems: number;
  /**
   * Where the section is, for going to it: the first occurrence's heading, the label of a subsection
   * written as labeled content, or its section's heading when the section's text covers it;
   * 1-based line and document offsets. Undefined when missing. For a label, `columns` are the
   * label's 1-based start and end (exclusive) columns on that line, in UTF-16 code units.
   */
  heading: { line: number; start: number; end: number; columns?: [number, number] } | undefined;
  /** How it is present (see `SectionMap.presence`); undefined when missing. */
  presentBy: Presence['by'] | undefined;
  children: OutlineNode[];
}

export interface Outline {
  kindId: string;
  kindName: string;
  nodes: OutlineNode[];
  /** 0–100: share of the required sections (and subsections) that are present and complete (or n/a), rounded down. */
  completeness: number;
  /** Unfilled placeholders in the whole document. */
  placeholders: number;
}


/**
 * The outline of a linted report, or undefined when the document is not a report. Counts cover every
 * occurrence of a section (a duplicate's placeholders are still unfilled). A present section with a
 * placeholder and another problem shows `problems`: that is what needs attention beyond filling in.
 * It agrees with the Problems panel: every finding inside a section counts against it (information
 * too, such as a missing subsection, reported on its section's heading), except a missing top-level
 * section's, which is about the section it names, not the heading it sits on.
 */
const CHECKLIST_RULES = new Set(CHECKLIST_ITEMS.map((item) => item.rule));

export function buildOutline(result: LintResult): Outline | undefined {
  const { kind, sections } = result;
  if (!kind || !sections) return undefined;
  const topLevelIds = new Set(kind.sections.map((spec) => spec.id));
  // A reproducibility fact the report does not state is the checklist's business (its own group), not the section's.
  const counted = result.findings.filter((finding) => !(finding.rule === MISSING_SECTION && topLevelIds.has(String(finding.data?.['sectionId'])))
    && !(finding.severity === 'info' && CHECKLIST_RULES.has(finding.rule)));
  const offsets: FindingOffsets = {
    placeholders: sortedOffsets(counted.filter((finding) => finding.rule === UNFILLED_PLACEHOLDER)),
    problems: sortedOffsets(counted.filter((finding) => finding.rule !== UNFILLED_PLACEHOLDER)),
  };
  const nodes = kind.sections.map((spec) => {
    const node = outlineNode(spec, result.doc, sections, offsets, undefined);
    node.children = spec.children.map((child) => outlineNode(child, result.doc, sections, offsets, node));
    if (node.status === 'complete' && node.children.some((child) => child.status === 'missing')) node.status = 'problems';
    return node;
  });
  let required = 0;
  let complete = 0;
  for (const node of nodes) {
    for (const each of [node, ...node.children]) {
      if (!each.required || (each !== node && !node.required && !node.heading)) continue;
      required++;
      if (each.status === 'complete' || each.status === 'n/a') complete++;
    }
  }
  return {
    kindId: kind.id,
    kindName: kind.name,
    nodes,
    completeness: required === 0 ? 100 : Math.floor((100 * complete) / required),
    placeholders: result.findings.filter((finding) => finding.rule === UNFILLED_PLACEHOLDER).length,
  };
}

/** Start offsets of the counted findings, sorted, so a section's count is two binary searches. */
interface FindingOffsets {
  placeholders: number[];
  problems: number[];
}

function sortedOffsets(findings: readonly Finding[]): number[] {
  return findings.map((finding) => finding.range.start.offset).sort((a, b) => a - b);
}

function outlineNode(spec: SectionSpec, doc: ParsedDocument, sections: SectionMap, offsets: FindingOffsets, parent: OutlineNode | undefined): OutlineNode {
  const presence = sections.presence.get(spec.id);
  const node: OutlineNode = {
    id: spec.id,
    title: spec.title,
    level: spec.level,
    required: spec.required,
    status: 'missing',
    placeholders: 0,
    problems: 0,
    heading: undefined,
    presentBy: presence?.by,
    children: [],
  };
  if (!presence) {
    const parentAbsentAndOptional = parent !== undefined && !parent.heading && !parent.required;
    node.status = spec.required && !parentAbsentAndOptional ? 'missing' : 'optional';
    return node;
  }
  if (presence.by === 'section') {
    // Covered by its section's text as a whole: as complete as that text, and found there.
    const { placeholders, problems, status, heading } = parent ?? node;
    return { ...node, placeholders, problems, heading, status: presence.parent.notApplicable ? 'n/a' : status };
  }
  if (presence.by === 'label') {
    const { label } = presence;
    node.placeholders = countWithin(offsets.placeholders, label.blockStart, label.blockEnd);
    node.problems = countWithin(offsets.problems, label.blockStart, label.blockEnd);
    const from = doc.lines.point(label.start);
    const to = doc.lines.point(label.end);
    node.heading = { line: label.line, start: label.start, end: label.end, columns: [from.column, to.line === from.line ? to.column : from.column] };
    node.status = statusOf(node, label.notApplicable, true);
    return node;
  }
  const occurrences = sections.byId.get(spec.id) ?? [];
  // Occurrences of one section never nest, so their extents are disjoint.
  for (const occurrence of occurrences) {
    node.placeholders += countWithin(offsets.placeholders, occurrence.heading.start, occurrence.end);
    node.problems += countWithin(offsets.problems, occurrence.heading.start, occurrence.end);
  }
  const { heading, notApplicable } = presence.occurrence;
  node.heading = { line: heading.line, start: heading.start, end: heading.end };
  node.status = statusOf(node, notApplicable, occurrences.some((occurrence) => occurrence.hasContent));
  return node;
}

function statusOf(node: OutlineNode, notApplicable: boolean, hasContent: boolean): SectionStatus {
  if (node.problems > 0 || !hasContent) return 'problems';
  if (node.placeholders > 0) return 'placeholders';
  return notApplicable ? 'n/a' : 'complete';
}

function countWithin(sorted: readonly number[], start: number, end: number): number {
  return lowerBound(sorted, end) - lowerBound(sorted, start);
}

/** A short status for a list or a tooltip: `complete`, `3 placeholders`, `2 problems`, `missing`… */
export function statusText(node: OutlineNode): string {
  if (node.status === 'missing') return 'missing';
  if (node.status === 'optional') return 'optional';
  if (node.status === 'n/a') return 'n/a';
  const parts: string[] = [];
  if (node.placeholders > 0) parts.push(`${node.placeholders} to fill`);
  if (node.problems > 0) parts.push(`${node.problems} problem${node.problems === 1 ? '' : 's'}`);
  if (parts.length === 0 && node.status === 'problems') parts.push(node.children.some((child) => child.status === 'missing') ? 'incomplete' : 'empty');
  return parts.length > 0 ? parts.join(', ') : 'complete';
}
