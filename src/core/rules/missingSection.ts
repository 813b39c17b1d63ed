import type { DocumentRule } from './types';

export const missingSection: DocumentRule = {
  id: 'missing-section',
  description: 'TODO',
  defaultSeverity: 'warning',
  scope: 'document',
  check(_ctx) {
    return [];
  },
};
