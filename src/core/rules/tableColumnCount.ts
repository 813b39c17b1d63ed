import type { ChunkRule } from './types';

export const tableColumnCount: ChunkRule = {
  id: 'table-column-count',
  description: 'TODO',
  defaultSeverity: 'warning',
  scope: 'chunk',
  check(_ctx) {
    return [];
  },
};
