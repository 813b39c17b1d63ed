import type { DocumentRule } from './types';

export const frontmatter: DocumentRule = {
  id: 'frontmatter',
  description: 'TODO',
  defaultSeverity: 'error',
  scope: 'document',
  check(_ctx) {
    return [];
  },
};
