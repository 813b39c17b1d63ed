import type { SectionOccurrence } from '../sections/sectionMap';
import { subsectionsByParent, topLevel } from '../sections/sectionMap';
import type { SectionSpec } from '../templates/types';
import type { RawFinding } from '../types';
import type { DocumentRule } from './types';

export const SECTION_ORDER = 'section-order';

/**
 * Sections (and subsections within their section) out of the template's order. The sections kept in
 * place are a longest run already in template order, so moving one section flags that one only.
 * Only the first occurrence of a section takes part; later ones are duplicate-section's.
 */
export const sectionOrder: DocumentRule = {
  id: SECTION_ORDER,
  description: 'A section or subsection is out of the template\'s order.',
  defaultSeverity: 'warning',
  scope: 'document',
  check({ kind, sections }) {
    const findings = outOfOrder(topLevel(sections), kind.sections, 'Section');
    for (const [parent, children] of subsectionsByParent(sections)) {
      findings.push(...outOfOrder(children, parent.spec.children, 'Subsection'));
    }
    return findings;
  },
};

function outOfOrder(occurrences: readonly SectionOccurrence[], order: readonly SectionSpec[], noun: string): RawFinding[] {
  const firsts: SectionOccurrence[] = [];
  const seen = new Set<SectionSpec>();
  for (const occurrence of occurrences) {
    if (seen.has(occurrence.spec)) continue;
    seen.add(occurrence.spec);
    firsts.push(occurrence);
  }
  const ranks = firsts.map((occurrence) => order.indexOf(occurrence.spec));
  const kept = keptInOrder(ranks);
  const findings: RawFinding[] = [];
  firsts.forEach((occurrence, index) => {
    if (kept.has(index)) return;
    const rank = ranks[index] as number;
    let message: string | undefined;
    for (let before = 0; before < index && !message; before++) {
      if (kept.has(before) && (ranks[before] as number) > rank) message = `the template puts it before "${(firsts[before] as SectionOccurrence).spec.title}"`;
    }
    for (let after = firsts.length - 1; after > index && !message; after--) {
      if (kept.has(after) && (ranks[after] as number) < rank) message = `the template puts it after "${(firsts[after] as SectionOccurrence).spec.title}"`;
    }
    findings.push({
      message: `${noun} "${occurrence.spec.title}" is out of order: ${message ?? 'the template puts it elsewhere'}.`,
      start: occurrence.heading.textStart,
      end: occurrence.heading.textEnd,
    });
  });
  return findings;
}

/**
 * Indices of a longest strictly increasing subsequence of `ranks`, O(n log n). Among equally long
 * ones it keeps the earlier elements, so of two swapped sections the second one is flagged.
 */
export function keptInOrder(ranks: readonly number[]): Set<number> {
  // Longest decreasing run read from the end = longest increasing run that prefers early elements.
  const tails: number[] = [];
  const previous: number[] = new Array<number>(ranks.length).fill(-1);
  for (let i = ranks.length - 1; i >= 0; i--) {
    const rank = ranks[i] as number;
    let low = 0;
    let high = tails.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if ((ranks[tails[mid] as number] as number) > rank) low = mid + 1;
      else high = mid;
    }
    if (low > 0) previous[i] = tails[low - 1] as number;
    tails[low] = i;
  }
  const kept = new Set<number>();
  for (let i = tails[tails.length - 1]; i !== undefined && i >= 0; i = previous[i]) kept.add(i);
  return kept;
}
