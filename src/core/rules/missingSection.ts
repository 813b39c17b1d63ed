import { SectionInserter } from '../sections/insertionPlan';
import type { RawFinding } from '../types';
import type { DocumentRule } from './types';

export const MISSING_SECTION = 'missing-section';

/**
 * Every required section the document lacks, each with a fix that inserts the template's text for it.
 * A missing subsection is reported only when its section is present (the section's fix brings its
 * subsections along). A subsection is present under its own heading, as a label in its section's
 * text, or covered by its section's text (prose, or not applicable): see `SectionMap.presence`. A
 * section that labels some of its subsections and has no subsection heading gets one finding for the
 * subsections it lacks, not one each.
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
    const { presence } = sections;
    for (const spec of kind.sections) {
      const present = presence.get(spec.id);
      if (!present) {
        if (spec.required) report(spec.id, spec.title, `Missing section "${spec.title}" (${kind.name}).`, 'warning');
        continue;
      }
      const missing = spec.children.filter((child) => child.required && !presence.has(child.id));
      const first = missing[0];
      if (!first) continue;
      if (present.by === 'heading' && present.occurrence.form === 'labels') {
        const titles = missing.map((child) => `"${child.title}"`);
        const list = titles.length === 1 ? titles[0] : `${titles.slice(0, -1).join(', ')} and ${titles[titles.length - 1]}`;
        report(first.id, first.title, `Missing subsection${missing.length > 1 ? 's' : ''} ${list} in "${spec.title}" (its other subsections are labeled in its text).`, 'info');
        continue;
      }
      for (const child of missing) report(child.id, child.title, `Missing subsection "${child.title}" in "${spec.title}".`, 'info');
    }
    return findings;
  },
};
