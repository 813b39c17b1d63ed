import type { RawFinding } from '../types';
import type { DocumentContext, DocumentRule } from './types';
import { successCriteria } from './facts/criteria';
import { mayNameMetric, metricsNamedIn, namesMetric } from './facts/metrics';
import type { Assessment } from './facts/roles';
import { inRole, roleIds, roleNotApplicable, rolePlace, roleTitles, spanOf } from './facts/roles';
import { answering, reportFacts } from './facts/reportFacts';

export const SUCCESS_CRITERIA_COVERAGE = 'success-criteria-coverage';

export function assessCoverage(ctx: DocumentContext): Assessment {
  if (roleNotApplicable(ctx, 'outcomes')) return { findings: [], stated: undefined, place: rolePlace(ctx, 'outcomes') };
  const criteria = successCriteria(ctx);
  const place = rolePlace(ctx, 'successCriteria');
  const ids = roleIds(ctx, 'outcomes');
  if (criteria.length === 0 || ids.length === 0) return { findings: [], stated: undefined, place };
  const reported = reportedMetrics(ctx, ids, new Set(criteria.flatMap((criterion) => criterion.metrics)));
  const findings: RawFinding[] = [];
  for (const criterion of criteria) {
    for (const metric of criterion.metrics) {
      if (reported.has(metric)) continue;
      findings.push({
        message: `The success metric ${metric} ("${shorten(criterion.statement.text)}") is reported nowhere in ${roleTitles(ctx, 'outcomes')}.`,
        ...spanOf(criterion.statement),
      });
    }
  }
  const first = criteria[0];
  return { findings, stated: first && spanOf(first.statement), place };
}

const namedByStatement = new WeakMap<object, readonly string[]>();

/** The metrics a statement or a table header names; kept per object (a chunk's statements and tables live as long as the chunk is unchanged). */
function metricsOf(holder: object, text: () => string): readonly string[] {
  let names = namedByStatement.get(holder);
  if (!names) {
    names = metricsNamedIn(text());
    namedByStatement.set(holder, names);
  }
  return names;
}

/** Which of the wanted metrics the outcome parts name: in a statement, a table's header or a heading. */
function reportedMetrics(ctx: DocumentContext, ids: readonly string[], wanted: ReadonlySet<string>): Set<string> {
  const found = new Set<string>();
  /** Notes the wanted metrics the text names; true once all are found. */
  const note = (text: string): boolean => {
    for (const metric of wanted) if (!found.has(metric) && namesMetric(text, metric)) found.add(metric);
    return found.size === wanted.size;
  };
  if (wanted.size === 0) return found;
  for (const occurrence of ctx.sections.occurrences) {
    if (inRole(ids, { section: occurrence }) && note(occurrence.heading.text)) return found;
  }
  const facts = reportFacts(ctx);
  const another = (names: readonly string[]): boolean => names.some((metric) => wanted.has(metric) && !found.has(metric));
  const namesAnother = (statement: { text: string }): boolean => another(metricsOf(statement, () => statement.text));
  const headerNamesAnother = (header: readonly { text: string }[]): boolean => another(metricsOf(header, () => header.map((cell) => cell.text).join(' | ')));
  for (const table of facts.tablesWhoseHeader(mayNameMetric, ids, headerNamesAnother)) {
    if (note(table.header.map((cell) => cell.text).join(' | '))) return found;
  }
  for (const statement of facts.passing(mayNameMetric, ids, namesAnother)) {
    if (note(statement.text)) return found;
  }
  return found;
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
  prepare: answering([mayNameMetric], [mayNameMetric]),
};
