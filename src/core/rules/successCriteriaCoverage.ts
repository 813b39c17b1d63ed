import type { RawFinding } from '../types';
import type { DocumentContext, DocumentRule } from './types';
import { successCriteria } from './facts/criteria';
import { metricTest } from './facts/metrics';
import type { Assessment } from './facts/roles';
import { inRole, roleIds, roleNotApplicable, rolePlace, roleTitles, spanOf } from './facts/roles';
import { reportFacts } from './facts/reportFacts';

export const SUCCESS_CRITERIA_COVERAGE = 'success-criteria-coverage';

export function assessCoverage(ctx: DocumentContext): Assessment {
  if (roleNotApplicable(ctx, 'outcomes')) return { findings: [], stated: undefined, place: rolePlace(ctx, 'outcomes') };
  const criteria = successCriteria(ctx);
  const place = rolePlace(ctx, 'successCriteria');
  const ids = roleIds(ctx, 'outcomes');
  if (criteria.length === 0 || ids.length === 0) return { findings: [], stated: undefined, place };
  const facts = reportFacts(ctx);
  const headings = ctx.sections.occurrences.filter((occurrence) => inRole(ids, { section: occurrence })).map((occurrence) => occurrence.heading.text);
  /** Whether the outcome parts name the metric: in a statement, a table's header or a heading. */
  const reported = (metric: string): boolean => {
    const test = metricTest(metric);
    return !facts.passing(test, ids).next().done || !facts.tablesWhoseHeader(test, ids).next().done || headings.some((heading) => test({ text: heading }));
  };
  const findings: RawFinding[] = [];
  for (const criterion of criteria) {
    for (const metric of criterion.metrics) {
      if (reported(metric)) continue;
      findings.push({
        message: `The success metric ${metric} ("${shorten(criterion.statement.text)}") is reported nowhere in ${roleTitles(ctx, 'outcomes')}.`,
        ...spanOf(criterion.statement),
      });
    }
  }
  const first = criteria[0];
  return { findings, stated: first && spanOf(first.statement), place };
}

function shorten(text: string): string {
  return text.length > 60 ? `${text.slice(0, 59)}…` : text;
}

export const successCriteriaCoverage: DocumentRule = {
  id: SUCCESS_CRITERIA_COVERAGE,
  description: 'Every metric named in the success criteria (or the problem definition\'s metrics) is reported in the parts that report outcomes.',
  defaultSeverity: 'warning',
  scope: 'document',
  optIn: true,
  quietWhereNotApplicable: true,
  check: (ctx) => assessCoverage(ctx).findings,
};
