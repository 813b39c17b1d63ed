import type { DocumentHeading } from '../parse/document';
import type { SectionInsertionPlan } from '../sections/insertionPlan';
import { SectionInserter } from '../sections/insertionPlan';
import type { RawFinding } from '../types';
import type { DocumentRule } from './types';

export const MISSING_SECTION = 'missing-section';

/**
 * Every required section the document lacks, each with a fix that inserts the template's text for it.
 * A missing subsection is reported only when its section is present (the section's fix brings its
 * subsections along), on that section's heading. A subsection is present under its own heading, as a
 * label in its section's text, or covered by its section's text (prose, or not applicable): see
 * `SectionMap.presence`. A section that labels some of its subsections and has no subsection heading
 * gets one finding for the subsections it lacks, not one each. A missing section is reported on the
 * heading it belongs before, or on the last heading when it belongs at the end; its message says which.
 */
export const missingSection: DocumentRule = {
  id: MISSING_SECTION,
  description: 'A required section (warning) or subsection (information) of the report kind is missing.',
  defaultSeverity: 'warning',
  scope: 'document',
  check({ doc, kind, sections }) {
    const findings: RawFinding[] = [];
    const inserter = new SectionInserter(doc, kind, sections);
    const headingText = (heading: DocumentHeading): string => doc.text.slice(heading.textStart, heading.textEnd).trim() || heading.text;
    const report = (sectionId: string, describe: (plan: SectionInsertionPlan) => { message: string; fixTitle: string }, severity: 'warning' | 'info'): void => {
      const plan = inserter.plan(sectionId);
      if (!plan) return;
      const { message, fixTitle } = describe(plan);
      findings.push({
        message,
        start: plan.anchor.start,
        end: plan.anchor.end,
        severity,
        fix: { title: fixTitle, edits: [plan.edit] },
        data: { sectionId },
      });
    };
    /** The parent's heading as the document writes it (`4. Training`), for a subsection's message. */
    const parentTitle = (plan: SectionInsertionPlan, fallback: string): string => (plan.relation.type === 'in' ? headingText(plan.relation.parent) : fallback);
    const { presence } = sections;
    for (const spec of kind.sections) {
      const present = presence.get(spec.id);
      if (!present) {
        if (!spec.required) continue;
        report(spec.id, ({ relation }) => {
          if (relation.type === 'before') {
            const before = headingText(relation.heading);
            return { message: `Missing section "${spec.title}": it belongs before "${before}".`, fixTitle: `Insert "${spec.title}" before "${before}"` };
          }
          const after = relation.type === 'end' && relation.after ? headingText(relation.after) : undefined;
          return after
            ? { message: `Missing section "${spec.title}": it belongs at the end, after "${after}".`, fixTitle: `Insert "${spec.title}" at the end, after "${after}"` }
            : { message: `Missing section "${spec.title}" (${kind.name}).`, fixTitle: `Insert "${spec.title}" at the end` };
        }, 'warning');
        continue;
      }
      const missing = spec.children.filter((child) => child.required && !presence.has(child.id));
      const first = missing[0];
      if (!first) continue;
      if (present.by === 'heading' && present.occurrence.form === 'labels') {
        const titles = missing.map((child) => `"${child.title}"`);
        const list = titles.length === 1 ? titles[0] : `${titles.slice(0, -1).join(', ')} and ${titles[titles.length - 1]}`;
        report(first.id, (plan) => {
          const parent = parentTitle(plan, spec.title);
          return {
            message: `Missing subsection${missing.length > 1 ? 's' : ''} ${list} in "${parent}" (its other subsections are labeled in its text).`,
            fixTitle: `Insert "${first.title}" into "${parent}"`,
          };
        }, 'info');
        continue;
      }
      for (const child of missing) {
        report(child.id, (plan) => {
          const parent = parentTitle(plan, spec.title);
          return { message: `Missing subsection "${child.title}" in "${parent}".`, fixTitle: `Insert "${child.title}" into "${parent}"` };
        }, 'info');
      }
    }
    return findings;
  },
};
