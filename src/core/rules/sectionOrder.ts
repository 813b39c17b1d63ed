import type { DocumentRule } from './types';

export const sectionOrder: DocumentRule = {
  id: 'section-order',
  description: 'TODO',
  defaultSeverity: 'warning',
  scope: 'document',
  check(_ctx) {
    return [];
  },
};
