import type { DocumentRule } from './types';

export const emptySection: DocumentRule = {
  id: 'empty-section',
  description: 'TODO',
  defaultSeverity: 'warning',
  scope: 'document',
  check(_ctx) {
    return [];
  },
};
