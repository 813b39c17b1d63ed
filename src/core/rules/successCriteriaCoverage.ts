import type { RawFinding } from '../types';
import type { DocumentContext, DocumentRule } from './types';
import { successCriteria } from './facts/criteria';
import { namesMetric } from './facts/metrics';
import type { Assessment } from './facts/roles';
import { inRole, roleIds, roleNotApplicable, rolePlace, roleTitles, spanOf } from './facts/roles';
import { reportText } from './facts/reportText';

export const SUCCESS_CRITERIA_COVERAGE = 'success-criteria-coverage';

export function assessCoverage(ctx: DocumentContext): Assessment {
  if (roleNotApplicable(ctx, 'outcomes')) return { findings: [], stated: undefined, place: rolePlace(ctx, 'outcomes') };
  const criteria = successCriteria(ctx);
  const place = rolePlace(ctx, 'successCriteria');
  const ids = roleIds(ctx, 'outcomes');
  if (criteria.length === 0 || ids.length === 0) return { findings: [], stated: undefined, place };
  const text = reportText(ctx.doc, ctx.sections);
  const outcomes = [
    ...text.statements.filter((statement) => statement.kind !== 'frontMatter' && inRole(ids, statement)).map((statement) => statement.text),
    ...text.tables.filter((table) => inRole(ids, table)).map((table) => table.header.map((cell) => cell.text).join(' | ')),
    ...ctx.sections.occurrences.filter((occurrence) => inRole(ids, { section: occurrence })).map((occurrence) => occurrence.heading.text),
  ].join('\n');
  const findings: RawFinding[] = [];
  for (const criterion of criteria) {
    for (const metric of criterion.metrics) {
      if (namesMetric(outcomes, metric)) continue;
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
