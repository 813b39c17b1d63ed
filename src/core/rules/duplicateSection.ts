import type { DocumentRule } from './types';

export const duplicateSection: DocumentRule = {
  id: 'duplicate-section',
  description: 'TODO',
  defaultSeverity: 'warning',
  scope: 'document',
  check(_ctx) {
    return [];
  },
};
