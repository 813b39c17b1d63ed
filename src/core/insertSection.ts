import type { LintResult } from './lint';
import type { TextEdit } from './types';

/**
 * Where and what to insert for a section of the report's kind (`sectionId`): the template's text for
 * that section (with its subsections), placed where it belongs in template order. Undefined when the
 * document is not a report or the id is unknown.
 */
export function sectionInsertion(_result: LintResult, _sectionId: string): TextEdit | undefined {
  return undefined;
}
