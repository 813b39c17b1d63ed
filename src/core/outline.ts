import type { LintResult } from './lint';

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

/** The outline of a linted report, or undefined when the document is not a report. */
export function buildOutline(result: LintResult): Outline | undefined {
  if (!result.kind) return undefined;
  return { kindId: result.kind.id, kindName: result.kind.name, nodes: [], completeness: 0, placeholders: 0 };
}
