import type { RawFinding } from '../types';
import type { DocumentContext, DocumentRule } from './types';
import type { Criterion } from './facts/criteria';
import { keyWords, sameWord, successCriteria } from './facts/criteria';
import { metricsIn } from './facts/metrics';
import type { Assessment } from './facts/roles';
import { roleIds, roleNotApplicable, rolePlace, roleSection, roleTitles, spanOf } from './facts/roles';
import { answering, reportFacts } from './facts/reportFacts';
import type { Cell, Span, Statement } from './facts/reportText';

export const OBJECTIVES_STATUS = 'objectives-status';

const STATUS_HEADER = /status|\bmet\b|achieved|outcome|result|verdict|done/i;
const NO_STATUS = /^(?:|-+|—|–|\?+|tbd|todo|tba|n\.?\s?d\.?|\.\.\.|…)$/i;
const STATUS_WORD = /met|partial|achieved|exceeded|missed|yes|no|pass|fail|done|✅|⚠|❌|✔|✗|✘/giu;
const FILLER = /^(?:objective|criterion|metric)\s*\d+$/i;

interface ObjectiveRow {
  statement: Statement;
  name: string;
  nameSpan: Span;
  status: string;
  statusSpan: Span;
}

export function assessObjectives(ctx: DocumentContext): Assessment {
  if (roleNotApplicable(ctx, 'objectives')) return { findings: [], stated: undefined, place: rolePlace(ctx, 'objectives') };
  const ids = roleIds(ctx, 'objectives');
  const place = rolePlace(ctx, 'objectives');
  const section = roleSection(ctx, 'objectives');
  const criteria = successCriteria(ctx);
  if (ids.length === 0 || !section) return { findings: [], stated: undefined, place };
  const rows = objectiveRows(ctx, ids);
  const findings: RawFinding[] = [];
  // Prose ("Yes: both success criteria are met") answers the question as a whole; only rows can be matched.
  if (rows.length === 0) return { findings, stated: undefined, place };
  const matched = matchRows(criteria, rows);
  const covered = new Set(matched.values());
  for (const criterion of criteria) {
    if (!covered.has(criterion)) {
      findings.push({ message: `The success criterion "${criterion.name}" has no row in "${section.spec.title}".`, ...spanOf(criterion.statement) });
    }
  }
  for (const row of rows) {
    if (criteria.length > 0 && !matched.has(row)) {
      findings.push({ message: `The row "${row.name}" matches no success criterion in ${roleTitles(ctx, 'successCriteria')}.`, ...row.nameSpan });
    }
    if (!hasStatus(row.status)) {
      findings.push({ message: `The row "${row.name}" has no chosen status: write one, e.g. "✅ Met", "⚠️ Partial" or "❌ Not Met".`, ...row.statusSpan });
    }
  }
  const first = rows[0] as ObjectiveRow;
  return { findings, stated: spanOf(first.statement), place };
}

function objectiveRows(ctx: DocumentContext, ids: readonly string[]): ObjectiveRow[] {
  const facts = reportFacts(ctx);
  const table = facts.tablesWithin(ids).find((candidate) => candidate.rows.length > 0);
  if (table) {
    const header = table.header.map((cell) => cell.text);
    const found = header.findIndex((title, index) => index > 0 && STATUS_HEADER.test(title));
    const statusColumn = found > 0 ? found : 1;
    return table.statements.flatMap((statement) => {
      const cells = statement.cells ?? [];
      const nameCell = cells[0] as Cell | undefined;
      if (!nameCell || FILLER.test(nameCell.text)) return [];
      const statusCell = cells[statusColumn];
      const statusSpan = statusCell && statusCell.end > statusCell.start ? spanOf(statusCell) : spanOf(statement);
      return [{ statement, name: nameCell.text, nameSpan: nameCell, status: statusCell?.text ?? '', statusSpan }];
    });
  }
  return facts.within(ids).filter((statement) => statement.kind === 'item').flatMap((statement) => {
    const split = statement.label !== undefined ? { name: statement.label, status: statement.value } : splitItem(statement.text);
    if (!split || FILLER.test(split.name)) return [];
    return [{ statement, name: split.name, nameSpan: spanOf(statement), status: split.status, statusSpan: spanOf(statement) }];
  });
}

function splitItem(text: string): { name: string; status: string } | undefined {
  const match = /^(.+?)\s*(?::|—|–| - )\s*(.*)$/.exec(text);
  return match ? { name: match[1] as string, status: match[2] as string } : { name: text, status: '' };
}

export function hasStatus(status: string): boolean {
  const text = status.trim();
  if (NO_STATUS.test(text)) return false;
  // An unchosen list of options, as the template offers them: `Met / Partial / Not Met`.
  return !(/\S\s*\/\s*\S/.test(text) && (text.match(STATUS_WORD)?.length ?? 0) >= 2);
}

/** Each row's criterion: the best pairs first, one row per criterion, then leftover rows to their best criterion. */
function matchRows(criteria: readonly Criterion[], rows: readonly ObjectiveRow[]): Map<ObjectiveRow, Criterion> {
  const pairs: { row: ObjectiveRow; criterion: Criterion; score: number }[] = [];
  for (const row of rows) {
    for (const criterion of criteria) {
      const score = matchScore(criterion, row.name);
      if (score >= 2) pairs.push({ row, criterion, score });
    }
  }
  pairs.sort((a, b) => b.score - a.score);
  const matched = new Map<ObjectiveRow, Criterion>();
  const taken = new Set<Criterion>();
  for (const pair of pairs) {
    if (matched.has(pair.row) || taken.has(pair.criterion)) continue;
    matched.set(pair.row, pair.criterion);
    taken.add(pair.criterion);
  }
  for (const pair of pairs) if (!matched.has(pair.row)) matched.set(pair.row, pair.criterion);
  return matched;
}

/** How well a row's name matches a criterion: shared words of its name count twice, of its target once, and so do shared metrics. */
function matchScore(criterion: Criterion, rowName: string): number {
  const rowWords = keyWords(rowName);
  const nameWords = keyWords(criterion.name);
  const detailWords = keyWords(criterion.detail);
  let score = 0;
  for (const word of rowWords) {
    if (nameWords.some((other) => sameWord(word, other))) score += 2;
    else if (detailWords.some((other) => sameWord(word, other))) score += 1;
  }
  const nameMetrics = metricsIn(criterion.name);
  const detailMetrics = metricsIn(criterion.detail);
  for (const metric of metricsIn(rowName)) {
    if (nameMetrics.includes(metric)) score += 2;
    else if (detailMetrics.includes(metric)) score += 1;
  }
  return score;
}

export const objectivesStatus: DocumentRule = {
  id: OBJECTIVES_STATUS,
  description: 'The objectives table has one row per success criterion, each with a chosen status.',
  defaultSeverity: 'warning',
  scope: 'document',
  optIn: true,
  quietWhereNotApplicable: true,
  check: (ctx) => assessObjectives(ctx).findings,
  prepare: answering([]),
};
