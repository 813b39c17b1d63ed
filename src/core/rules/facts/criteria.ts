import type { DocumentContext } from '../types';
import { isFiller } from './filler';
import { metricsIn } from './metrics';
import { reportFacts } from './reportFacts';
import { roleIds } from './roles';
import type { Statement } from './reportText';

/** One success criterion: `**p50 latency (CPU, batch 1)**: under 20 ms`, or a row of a criteria table. */
export interface Criterion {
  statement: Statement;
  /** The label (or the whole text when there is none). */
  name: string;
  /** What follows the label. */
  detail: string;
  /** Metrics it names: from its label, else from its text. */
  metrics: string[];
}

const METRIC_LABEL = /\bmetrics?\b|\bevaluation\b|\bmeasure/i;
const FILLER = /^(?:metric|objective|criterion)\s*\d+$/i;

/**
 * The kind's success criteria: list lines, table rows and labelled lines in the success-criteria part.
 * When some lines there are labelled as metrics (`**Metrics**: accuracy, F1`), only those count.
 */
export function successCriteria(ctx: DocumentContext): Criterion[] {
  const ids = roleIds(ctx, 'successCriteria');
  if (ids.length === 0) return [];
  const facts = reportFacts(ctx);
  const candidates = facts.within(ids).filter((statement) =>
    facts.isStated(statement) && (statement.kind === 'item' || statement.kind === 'row' || (statement.kind === 'text' && statement.label !== undefined)));
  const labelled = candidates.filter((statement) => statement.label !== undefined && statement.kind !== 'row' && METRIC_LABEL.test(statement.label));
  const chosen = labelled.length > 0 ? labelled : candidates;
  const criteria: Criterion[] = [];
  for (const statement of chosen) {
    const name = (statement.label ?? statement.text).trim();
    if (name === '' || FILLER.test(name) || isFiller(ctx.kind, statement)) continue;
    const detail = statement.label === undefined ? '' : statement.value;
    const fromName = metricsIn(name);
    criteria.push({ statement, name, detail, metrics: labelled.length > 0 || fromName.length === 0 ? metricsIn(`${name} ${detail}`) : fromName });
  }
  return criteria;
}

const STOP = new Set(['the', 'a', 'an', 'of', 'on', 'in', 'at', 'to', 'for', 'and', 'or', 'with', 'by', 'over', 'under', 'than', 'per', 'vs', 'least', 'most', 'within', 'from', 'is', 'be', 'are', 'our', 'we', 'all', 'each', 'any', 'less', 'more', 'above', 'below', 'target', 'met', 'not', 'ms', 'sec', 's', 'pts', 'pp', 'x']);

/** The words of a name that identify it: lower case, no numbers, units or small words. */
export function keyWords(text: string): string[] {
  return (text.toLowerCase().match(/[\p{L}][\p{L}\p{N}@-]*/gu) ?? [])
    .map((word) => word.replace(/-+$/, ''))
    .filter((word) => word.length > 1 && !STOP.has(word));
}

/** Whether two words are the same word as people vary it: `robust` and `robustness`, `latency` and `latencies`. */
export function sameWord(a: string, b: string): boolean {
  if (a === b) return true;
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  return short.length >= 4 && long.startsWith(short.slice(0, Math.max(4, short.length - 1)));
}
