import type { DocumentRule } from './types';

export const UNUSED_SUPPRESSION = 'unused-suppression';

/**
 * An inline suppression (`<!-- mlreport-disable-next-line RULE -->` and the like) that suppresses
 * nothing. It needs every other rule's findings, so the linter reports it after running them
 * (core/suppressions.ts); this entry gives it its id, severity and description like any rule.
 */
export const unusedSuppression: DocumentRule = {
  id: UNUSED_SUPPRESSION,
  description: 'An inline mlreport-disable comment that suppresses nothing: the finding it was for is gone, or the rule id is wrong.',
  defaultSeverity: 'info',
  scope: 'document',
  check() {
    return [];
  },
};
