import { findTables } from '../tables/findTables';
import type { SourceRow, SourceTable } from '../tables/findTables';
import { splitRow } from '../text/rowCells';
import { delimiterRowText, mergeOverflowEdit, padRowEdit } from '../tables/rowFixes';
import type { Fix, RawFinding } from '../types';
import type { ChunkRule } from './types';

export const TABLE_COLUMN_COUNT = 'table-column-count';

export const tableColumnCount: ChunkRule = {
  id: TABLE_COLUMN_COUNT,
  description: 'Every table row has as many cells as the header, and the delimiter row matches the header (or GFM renders no table).',
  defaultSeverity: 'warning',
  scope: 'chunk',
  check({ chunk }) {
    const findings: RawFinding[] = [];
    for (const table of findTables(chunk.tree, chunk.text)) {
      if (table.brokenDelimiter) findings.push(delimiterFinding(table, table.brokenDelimiter));
      for (const row of table.body) {
        if (row.cellCount !== table.columns) findings.push(rowFinding(row, table.columns));
      }
    }
    return findings;
  },
};

function delimiterFinding(table: SourceTable, delimiter: NonNullable<SourceTable['brokenDelimiter']>): RawFinding {
  const count = table.columns;
  return {
    message: `Table delimiter row has ${cells(delimiter.cellCount)}; the header has ${count}, so the table is not rendered at all.`,
    severity: 'error',
    start: delimiter.start,
    end: delimiter.end,
    fix: {
      title: `Rewrite the delimiter row to ${cells(count)}`,
      edits: [{ start: delimiter.start, end: delimiter.end, newText: delimiterRowText(delimiter.text, delimiter.split, count) }],
    },
    data: { cells: delimiter.cellCount, headerCells: count },
  };
}

function rowFinding(row: SourceRow, headerCount: number): RawFinding {
  const finding: RawFinding = {
    message: `Table row has ${cells(row.cellCount)}; the header has ${headerCount}.`,
    start: row.start,
    end: row.end,
    data: { cells: row.cellCount, headerCells: headerCount },
  };
  const fix = rowFix(row, headerCount);
  if (fix) finding.fix = fix;
  return finding;
}

function rowFix(row: SourceRow, headerCount: number): Fix | undefined {
  const split = splitRow(row.text);
  if (split.cells.length !== row.cellCount) return undefined;
  if (row.cellCount < headerCount) {
    const missing = headerCount - row.cellCount;
    return { title: `Pad the row with ${missing} empty ${missing === 1 ? 'cell' : 'cells'}`, edits: [padRowEdit(row.text, row.start, split, missing)] };
  }
  const edit = mergeOverflowEdit(row.text, row.start, split, headerCount);
  if (!edit) return undefined;
  const extra = row.cellCount - headerCount;
  return { title: `Merge the ${extra} extra ${extra === 1 ? 'cell' : 'cells'} into the last cell`, edits: [edit] };
}

function cells(count: number): string {
  return `${count} ${count === 1 ? 'cell' : 'cells'}`;
}
