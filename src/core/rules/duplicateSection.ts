import type { SectionOccurrence } from '../sections/sectionMap';
import { subsectionsByParent, topLevel } from '../sections/sectionMap';
import { normalizeTitle, stripNumbering } from '../templates/headingMatch';
import type { SectionSpec } from '../templates/types';
import type { RawFinding } from '../types';
import type { DocumentRule } from './types';

export const DUPLICATE_SECTION = 'duplicate-section';

/** The second and later headings of the same section; subsections are compared within one section. */
export const duplicateSection: DocumentRule = {
  id: DUPLICATE_SECTION,
  description: 'The same section (or the same subsection within a section) appears more than once.',
  defaultSeverity: 'warning',
  scope: 'document',
  check({ sections }) {
    const findings = repeats(topLevel(sections), (occurrence, first) =>
      `Section "${occurrence.spec.title}"${written(occurrence)} appears more than once; the first is at line ${first.heading.line}.`);
    for (const [parent, children] of subsectionsByParent(sections)) {
      findings.push(...repeats(children, (occurrence, first) =>
        `Subsection "${occurrence.spec.title}"${written(occurrence)} appears more than once in "${parent.spec.title}"; the first is at line ${first.heading.line}.`));
    }
    return findings;
  },
};

/** ` (as "Evaluation")` when the heading names the section by an alias, so the repeat is plain to see. */
function written(occurrence: SectionOccurrence): string {
  const title = stripNumbering(occurrence.heading.text);
  return normalizeTitle(title) === normalizeTitle(occurrence.spec.title) ? '' : ` (as "${title}")`;
}

function repeats(occurrences: readonly SectionOccurrence[], message: (occurrence: SectionOccurrence, first: SectionOccurrence) => string): RawFinding[] {
  const firsts = new Map<SectionSpec, SectionOccurrence>();
  const findings: RawFinding[] = [];
  for (const occurrence of occurrences) {
    const first = firsts.get(occurrence.spec);
    if (!first) {
      firsts.set(occurrence.spec, occurrence);
      continue;
    }
    findings.push({ message: message(occurrence, first), start: occurrence.heading.textStart, end: occurrence.heading.textEnd });
  }
  return findings;
}
