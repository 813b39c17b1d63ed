import type { DocumentContext, DocumentRule } from './types';
import { answering, reportFacts } from './facts/reportFacts';
import { appendLineEdit } from './facts/insertLine';
import type { Assessment } from './facts/roles';
import { roleIds, roleNotApplicable, rolePlace, roleSection, roleTitles, spanOf } from './facts/roles';
import type { StatementText } from './facts/reportText';

export const REPRODUCIBILITY_SEEDS = 'reproducibility-seeds';

/** `seed 42`, `seeds: 13, 42, 1234`, `**Seeds** — 1, 2 and 3`, `random_seed=0`, `Seeds | 0–4`, `seed set to 7`. */
const SEED_VALUE = /\b(?:random[ _-]?)?seeds?\b(?:\s*(?:values?|is|are|was|were|set|fixed|to|at|of|used|=|:|\||\(|\[|\{|#|[—–]|no\.?))*\s*\d/i;
/** `torch.manual_seed(…)`, `set_seed(…)`, `seed_everything(…)`, `np.random.seed(…)`. */
const SEED_CALL = /\b(?:manual_seed(?:_all)?|set_seed|set_random_seed|seed_everything|random\.seed|tf\.random\.set_seed|PYTHONHASHSEED)\s*[(=]/;

export const SEED_LINE = '- **Random seeds**: {{SEEDS}}';

export function recordsSeed(statement: StatementText): boolean {
  return SEED_VALUE.test(statement.text) || SEED_CALL.test(statement.text);
}

export function assessSeeds(ctx: DocumentContext): Assessment {
  if (roleNotApplicable(ctx, 'setup')) return { findings: [], stated: undefined, place: rolePlace(ctx, 'setup') };
  const ids = roleIds(ctx, 'setup');
  const facts = reportFacts(ctx);
  // Front matter (`seed: 42`) counts wherever the role is; it comes first.
  const first = facts.stated(recordsSeed).next().value;
  const stated = first?.kind === 'frontMatter' ? first : facts.stated(recordsSeed, ids).next().value;
  const place = rolePlace(ctx, 'setup');
  if (stated) return { findings: [], stated: spanOf(stated), place };
  const target = roleSection(ctx, 'setup');
  const part = ids.length === 0 ? 'anywhere in the report' : `in ${roleTitles(ctx, 'setup')}`;
  return {
    findings: [{
      message: `No random seed is recorded ${part}; record the seeds the runs used (e.g. "seeds 13, 42, 1234") so they can be repeated.`,
      ...place,
      ...(target ? { fix: { title: 'Insert a seed line', edits: [appendLineEdit(ctx.doc, target, SEED_LINE)] } } : {}),
    }],
    stated: undefined,
    place,
  };
}

export const reproducibilitySeeds: DocumentRule = {
  id: REPRODUCIBILITY_SEEDS,
  description: 'A random seed is recorded in the training or experimental-setup part.',
  defaultSeverity: 'info',
  scope: 'document',
  optIn: true,
  quietWhereNotApplicable: true,
  check: (ctx) => assessSeeds(ctx).findings,
  prepare: answering([recordsSeed]),
};
