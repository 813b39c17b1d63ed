import type { DocumentContext, DocumentRule } from './types';
import { answering, reportFacts } from './facts/reportFacts';
import type { Assessment } from './facts/roles';
import { roleIds, rolePlace, roleTitles, spanOf } from './facts/roles';
import type { StatementText } from './facts/reportText';

export const SIGNIFICANCE_CLAIM = 'significance-claim';

/** A claimed difference: `significantly`, `outperforms`, `state of the art`, `SOTA`, `surpasses`, `beats`. */
const CLAIM = /\b(?:statistically\s+)?significant(?:ly)?\b|\boutperform(?:s|ed|ing)?\b|\bstate[- ]of[- ]the[- ]art\b|\bSOTA\b|\bsurpass(?:es|ed|ing)?\b|\bsuperior\s+to\b|\bbeats\b|\bbeat\s+(?:the|all|every|our|each)\b/gi;
/** Evidence for a difference: a named test, a p-value, a confidence interval or a spread. */
const EVIDENCE = /\bp\s*[<=≤>≈]\s*(?:0?\.\d|\d(?:\.\d+)?\s*[×x·]\s*10|10)|\bp[- ]values?\b|\b(?:t-test|t test|Welch|Wilcoxon|Mann[- ]Whitney|McNemar|bootstrap(?:ped)?|permutation test|ANOVA|chi[- ]squared?|χ²|Fisher'?s exact|sign test|Friedman|Nemenyi|Bonferroni|Holm|Kruskal|DeLong|z-test|effect size|Cohen'?s d)\b|confidence interval|\bCI\b|±|\+\/-|standard deviation|\bstd\b|standard error|error bars|\bmin(?:imum)?\b[^.;]{0,40}\bmax(?:imum)?\b|\bmin[–-]max\b/i;

const ANY_CLAIM = new RegExp(CLAIM.source, 'i');

function prose(statement: StatementText): boolean {
  return statement.kind !== 'code' && statement.kind !== 'frontMatter';
}

export function statesEvidence(statement: StatementText): boolean {
  return prose(statement) && EVIDENCE.test(statement.text);
}

/** A claim in the statement's source (where its positions are taken from). */
function makesClaim(statement: StatementText, source: string): boolean {
  return prose(statement) && ANY_CLAIM.test(source.slice(statement.start, statement.end));
}

export function assessSignificance(ctx: DocumentContext): Assessment {
  const facts = reportFacts(ctx);
  const evidence = facts.firstStated(statesEvidence, roleIds(ctx, 'significance'));
  const place = rolePlace(ctx, 'significance');
  if (evidence) return { findings: [], stated: spanOf(evidence), place };
  const ids = roleIds(ctx, 'claims');
  const claims: { start: number; end: number; word: string }[] = [];
  for (const statement of facts.stated(makesClaim, ids)) {
    const source = ctx.doc.text.slice(statement.start, statement.end);
    for (const match of source.matchAll(CLAIM)) {
      claims.push({ start: statement.start + match.index, end: statement.start + match.index + match[0].length, word: match[0] });
    }
  }
  const first = claims[0];
  if (!first) return { findings: [], stated: undefined, place };
  const more = claims.length > 1 ? ` (${claims.length - 1} more such claim${claims.length > 2 ? 's' : ''} in ${roleTitles(ctx, 'claims', 'and')})` : '';
  return {
    findings: [{
      message: `"${first.word}" claims a difference, but the report names no statistical test, p-value, confidence interval or spread anywhere${more}.`,
      start: first.start,
      end: first.end,
    }],
    stated: undefined,
    place,
  };
}

export const significanceClaim: DocumentRule = {
  id: SIGNIFICANCE_CLAIM,
  description: 'A claimed difference ("significantly", "outperforms", "state of the art") is backed by a test, a p-value, a confidence interval or a spread.',
  defaultSeverity: 'info',
  scope: 'document',
  optIn: true,
  quietWhereNotApplicable: true,
  check: (ctx) => assessSignificance(ctx).findings,
  prepare: answering([statesEvidence, makesClaim]),
};
