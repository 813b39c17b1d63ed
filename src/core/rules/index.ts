import { codeVersion } from './codeVersion';
import { dataSplitConsistency } from './dataSplitConsistency';
import { duplicateSection } from './duplicateSection';
import { emptySection } from './emptySection';
import { frontmatter } from './frontmatter';
import { missingSection } from './missingSection';
import { objectivesStatus } from './objectivesStatus';
import { reproducibilityEnvironment } from './reproducibilityEnvironment';
import { reproducibilitySeeds } from './reproducibilitySeeds';
import { resultsVariance } from './resultsVariance';
import { sectionOrder } from './sectionOrder';
import { significanceClaim } from './significanceClaim';
import { successCriteriaCoverage } from './successCriteriaCoverage';
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
  reproducibilitySeeds,
  reproducibilityEnvironment,
  resultsVariance,
  dataSplitConsistency,
  successCriteriaCoverage,
  objectivesStatus,
  codeVersion,
  significanceClaim,
];

export const RULE_IDS: readonly string[] = RULES.map((rule) => rule.id);
