import { SectionInserter } from '../sections/insertionPlan';
import type { RawFinding } from '../types';
import type { DocumentRule } from './types';

export const MISSING_SECTION = 'missing-section';

/**
 * Every required section the document lacks, each with a fix that inserts the template's text for it.
 * A missing subsection is reported only when its section is present (the section's fix brings its
 * subsections along).
 */
export const missingSection: DocumentRule = {
  id: MISSING_SECTION,
  description: 'A required section (warning) or subsection (information) of the report kind is missing.',
  defaultSeverity: 'warning',
  scope: 'document',
  check({ doc, kind, sections }) {
    const findings: RawFinding[] = [];
    const inserter = new SectionInserter(doc, kind, sections);
    const report = (sectionId: string, title: string, message: string, severity: 'warning' | 'info'): void => {
      const plan = inserter.plan(sectionId);
      if (!plan) return;
      findings.push({
        message,
        start: plan.anchor.start,
        end: plan.anchor.end,
        severity,
        fix: { title: `Insert section "${title}" from the template`, edits: [plan.edit] },
        data: { sectionId },
      });
    };
    for (const spec of kind.sections) {
      if (!sections.byId.has(spec.id)) {
        if (spec.required) report(spec.id, spec.title, `Missing section "${spec.title}" (${kind.name}).`, 'warning');
        continue;
      }
      for (const child of spec.children) {
        if (child.required && !sections.byId.has(child.id)) {
          report(child.id, child.title, `Missing subsection "${child.title}" in "${spec.title}".`, 'info');
        }
      }
    }
    return findings;
  },
};
