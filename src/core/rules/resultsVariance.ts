import type { DocumentContext, DocumentRule } from './types';
import { answering, reportFacts } from './facts/reportFacts';
import type { Assessment } from './facts/roles';
import { roleIds, roleNotApplicable, rolePlace, roleTitles, spanOf } from './facts/roles';
import type { StatementText } from './facts/reportText';

export const RESULTS_VARIANCE = 'results-variance';

const NUMBER = '(\\d+|two|three|four|five|six|seven|eight|nine|ten|twelve|twenty|several|multiple)';
const RUNS = '(?:independent\\s+|random\\s+|training\\s+|different\\s+|repeated\\s+|fine-tuning\\s+)?(?:runs|seeds|trials|repetitions|restarts|folds|initiali[sz]ations)';
/** Results aggregated over several runs: `mean of 5 seeds`, `averaged over three runs`, `5-seed average`. */
const SEVERAL_RUNS = new RegExp([
  `\\b(?:mean|means|average|averages|averaged|median|aggregated?)\\b[^.;]{0,40}?\\b(?:of|over|across|from)\\s+${NUMBER}\\s+${RUNS}\\b`,
  `\\b(?:over|across)\\s+${NUMBER}\\s+${RUNS}\\b`,
  `\\b${NUMBER}[- ](?:seed|run|fold)\\s+(?:mean|average|median)s?\\b`,
  `\\b(?:mean|average|median)\\s+(?:\\w+\\s+)?(?:over|of|across)\\s+(?:the\\s+)?(?:seeds|runs)\\b`,
].join('|'), 'i');
/** How many runs: `3 runs`, `seeds 13, 42 and 1234 … once per seed`, `a single run`, `5-fold cross-validation`. */
const RUN_COUNT = new RegExp([
  `\\b${NUMBER}\\s+${RUNS}\\b`,
  '\\b(?:single|one)\\s+(?:training\\s+|fine-tuning\\s+)?(?:run|seed|trial)\\b',
  '\\bonce\\s+(?:per|for each|with each)\\b|\\brun\\s+once\\b|\\btrained\\s+once\\b',
  '\\b\\d+-fold\\b',
  '\\b(?:n|N)\\s*=\\s*\\d+\\s*(?:runs|seeds|trials)',
  '\\bseeds?\\s*[:=]?\\s*[[(]?\\s*\\d+\\s*(?:[,–-]|and|to)\\s*\\d+',
  '\\b(?:each|every)\\b[^.;]{0,40}\\b(?:seed|run)s?\\b[^.;]{0,20}\\b(?:times|seeds)\\b',
].join('|'), 'i');
/** A spread: `± 0.004`, `std`, `95% CI`, `min 0.906, max 0.917`, `[0.892, 0.929]`, `IQR`. */
const SPREAD = /±|\+\/-|\+-\s*\d|\bstd\b|\bstdev\b|\bs\.d\.|standard deviation|standard error|\bstderr\b|confidence interval|\bCI\b|\bmin(?:imum)?\b[^.;]{0,40}\bmax(?:imum)?\b|\bmin[–-]max\b|\[\s*-?\d[\d.]*\s*,\s*-?\d[\d.]*\s*\]|\bIQR\b|interquartile|error bars?|\bvariance\b|\bspread\b|\brange(?:d)?\s+(?:from|between|over)\b/i;
const STANDARD_ERROR = /\b(?:SEM|SE)\b/;
/** A measured number: `0.911`, `87.3`, `12 ms`. */
const RESULT_NUMBER = /(?<!\b(?:version|release|v|section|step|spec)\s*)\b\d+\.\d+\b|\b\d+(?:\.\d+)?\s*%/i;

export function statesSpread(statement: StatementText): boolean {
  return statement.kind !== 'code' && (SPREAD.test(statement.text) || STANDARD_ERROR.test(statement.text));
}

function overSeveralRuns(statement: StatementText): boolean {
  return statement.kind !== 'code' && SEVERAL_RUNS.test(statement.text) && !/\b(?:one|single|1)\s+(?:run|seed)s?\b/i.test(statement.text.match(SEVERAL_RUNS)?.[0] ?? '');
}

function countsRuns(statement: StatementText): boolean {
  return statement.kind !== 'code' && RUN_COUNT.test(statement.text);
}

function statesResult(statement: StatementText): boolean {
  return statement.kind !== 'code' && RESULT_NUMBER.test(statement.text);
}

export function assessVariance(ctx: DocumentContext): Assessment {
  if (roleNotApplicable(ctx, 'results')) return { findings: [], stated: undefined, place: rolePlace(ctx, 'results') };
  const facts = reportFacts(ctx);
  const ids = roleIds(ctx, 'results');
  const several = facts.firstStated(overSeveralRuns, ids);
  const spread = facts.firstStated(statesSpread, ids);
  const count = several ?? facts.firstStated(countsRuns, ids);
  const place = rolePlace(ctx, 'results');
  const hasResults = !facts.stated(statesResult, ids).next().done;
  if (several && !spread) {
    return {
      findings: [{ message: 'Results are given over several runs, but no spread is reported: add ± std, a confidence interval or the min–max over the runs.', ...spanOf(several) }],
      stated: undefined,
      place,
    };
  }
  if (hasResults && !count) {
    return {
      findings: [{ message: `The results do not say how many runs they come from: state it in ${roleTitles(ctx, 'results')} (e.g. "mean ± std over 5 seeds", or "a single run").`, ...place }],
      stated: undefined,
      place,
    };
  }
  const stated = spread ?? count;
  return { findings: [], stated: stated && spanOf(stated), place };
}

export const resultsVariance: DocumentRule = {
  id: RESULTS_VARIANCE,
  description: 'Results say how many runs they come from, and results over several runs give their spread (± std, a confidence interval, min–max).',
  defaultSeverity: 'info',
  scope: 'document',
  optIn: true,
  quietWhereNotApplicable: true,
  check: (ctx) => assessVariance(ctx).findings,
  prepare: answering([overSeveralRuns, statesSpread, countsRuns, statesResult]),
};
