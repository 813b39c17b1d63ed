import { duplicateSection } from './duplicateSection';
import { emptySection } from './emptySection';
import { frontmatter } from './frontmatter';
import { missingSection } from './missingSection';
import { sectionOrder } from './sectionOrder';
import { tableColumnCount } from './tableColumnCount';
import type { Rule } from './types';
import { unfilledPlaceholder } from './unfilledPlaceholder';
import { unusedSuppression } from './unusedSuppression';

/** Every rule, in the order the README lists them. */
export const RULES: readonly Rule[] = [
  missingSection,
  unfilledPlaceholder,
  tableColumnCount,
  frontmatter,
  sectionOrder,
  duplicateSection,
  emptySection,
  unusedSuppression,
];

export const RULE_IDS: readonly string[] = RULES.map((rule) => rule.id);
