import type { LintResult } from '../lint';
import { MISSING_SECTION } from '../rules/missingSection';
import { UNFILLED_PLACEHOLDER } from '../rules/unfilledPlaceholder';
import type { SectionMap, SectionOccurrence } from '../sections/sectionMap';
import type { SectionSpec } from '../templates/types';
import type { Finding } from '../types';

/**
 * Status of one expected section in the outline view:
 * complete (present, has content, no findings), placeholders (present, has unfilled placeholders),
 * problems (present, has other warnings/errors, e.g. empty or a broken table), missing (required, absent),
 * optional (not required and absent).
 */
export type SectionStatus = 'complete' | 'placeholders' | 'problems' | 'missing' | 'optional';

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
  /** The first occurrence's heading: 1-based line and document offsets; undefined when missing. */
  heading: { line: number; start: number; end: number } | undefined;
  children: OutlineNode[];
}

export interface Outline {
  kindId: string;
  kindName: string;
  nodes: OutlineNode[];
  /** 0–100: share of the required sections (and subsections) that are present and complete, rounded down. */
  completeness: number;
  /** Unfilled placeholders in the whole document. */
  placeholders: number;
}

/** Findings about other sections (a missing section is reported at the heading it goes before). */
const NOT_ABOUT_THE_SECTION = new Set([MISSING_SECTION]);

/**
 * The outline of a linted report, or undefined when the document is not a report. Counts cover every
 * occurrence of a section (a duplicate's placeholders are still unfilled). A present section with a
 * placeholder and another problem shows `problems`: that is what needs attention beyond filling in.
 */
export function buildOutline(result: LintResult): Outline | undefined {
  const { kind, sections } = result;
  if (!kind || !sections) return undefined;
  const counted = result.findings.filter((finding) => !NOT_ABOUT_THE_SECTION.has(finding.rule) && finding.severity !== 'info');
  const offsets: FindingOffsets = {
    placeholders: sortedOffsets(counted.filter((finding) => finding.rule === UNFILLED_PLACEHOLDER)),
    problems: sortedOffsets(counted.filter((finding) => finding.rule !== UNFILLED_PLACEHOLDER)),
  };
  const nodes = kind.sections.map((spec) => {
    const node = outlineNode(spec, sections, offsets, undefined);
    node.children = spec.children.map((child) => outlineNode(child, sections, offsets, node));
    return node;
  });
  let required = 0;
  let complete = 0;
  for (const node of nodes) {
    for (const each of [node, ...node.children]) {
      if (!each.required || (each !== node && !node.required && !node.heading)) continue;
      required++;
      if (each.status === 'complete') complete++;
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

function outlineNode(spec: SectionSpec, sections: SectionMap, offsets: FindingOffsets, parent: OutlineNode | undefined): OutlineNode {
  const occurrences = sections.byId.get(spec.id) ?? [];
  const first = occurrences[0];
  let placeholders = 0;
  let problems = 0;
  // Occurrences of one section never nest, so their extents are disjoint.
  for (const occurrence of occurrences) {
    placeholders += countWithin(offsets.placeholders, occurrence);
    problems += countWithin(offsets.problems, occurrence);
  }
  return {
    id: spec.id,
    title: spec.title,
    level: spec.level,
    required: spec.required,
    status: status(spec, first, occurrences, placeholders, problems, parent),
    placeholders,
    problems,
    heading: first ? { line: first.heading.line, start: first.heading.start, end: first.heading.end } : undefined,
    children: [],
  };
}

function status(spec: SectionSpec, first: SectionOccurrence | undefined, occurrences: readonly SectionOccurrence[], placeholders: number, problems: number, parent: OutlineNode | undefined): SectionStatus {
  if (!first) {
    const parentAbsentAndOptional = parent !== undefined && !parent.heading && !parent.required;
    return spec.required && !parentAbsentAndOptional ? 'missing' : 'optional';
  }
  if (problems > 0 || occurrences.every((occurrence) => !occurrence.hasContent)) return 'problems';
  if (placeholders > 0) return 'placeholders';
  return 'complete';
}

function countWithin(sorted: readonly number[], occurrence: SectionOccurrence): number {
  return lowerBound(sorted, occurrence.end) - lowerBound(sorted, occurrence.heading.start);
}

/** Index of the first value not below `value`. */
function lowerBound(sorted: readonly number[], value: number): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if ((sorted[mid] as number) < value) low = mid + 1;
    else high = mid;
  }
  return low;
}
