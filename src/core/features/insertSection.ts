import type { LintResult } from '../lint';
import { SectionInserter } from '../sections/insertionPlan';
import type { TextEdit } from '../types';

/**
 * Where and what to insert for a section of the report's kind (`sectionId`): the template's text for
 * that section (with its subsections), placed where it belongs in template order. Undefined when the
 * document is not a report or the id is unknown.
 */
export function sectionInsertion(result: LintResult, sectionId: string): TextEdit | undefined {
  if (!result.kind || !result.sections) return undefined;
  return new SectionInserter(result.doc, result.kind, result.sections).plan(sectionId)?.edit;
}
