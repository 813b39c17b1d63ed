import type { LintResult } from '../lint';
import { TABLE_COLUMN_COUNT } from '../rules/tableColumnCount';
import type { Fix, TextEdit } from '../types';

/**
 * One fix that repairs every table-column-count finding of the document, for a single undoable edit.
 * Each finding's edits touch only its own row, so they never overlap.
 */
export function fixAllTables(result: LintResult): Fix | undefined {
  const edits: TextEdit[] = [];
  for (const finding of result.findings) {
    if (finding.rule === TABLE_COLUMN_COUNT && finding.fix) edits.push(...finding.fix.edits);
  }
  if (edits.length === 0) return undefined;
  edits.sort((a, b) => a.start - b.start || a.end - b.end);
  return { title: 'Fix all table problems in this file', edits };
}

/** Applies non-overlapping edits to a text (for the CLI and tests; the editor applies them itself). */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const sorted = [...edits].sort((a, b) => b.start - a.start || b.end - a.end);
  let out = text;
  for (const edit of sorted) out = out.slice(0, edit.start) + edit.newText + out.slice(edit.end);
  return out;
}
