import type { ChunkRule } from './types';

export const unfilledPlaceholder: ChunkRule = {
  id: 'unfilled-placeholder',
  description: 'TODO',
  defaultSeverity: 'warning',
  scope: 'chunk',
  check(_ctx) {
    return [];
  },
};
