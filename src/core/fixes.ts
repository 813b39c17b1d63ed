import type { LintResult } from './lint';
import type { Fix, TextEdit } from './types';

/** One fix that repairs every table-column-count finding of the document (non-overlapping edits). */
export function fixAllTables(_result: LintResult): Fix | undefined {
  return undefined;
}

/** Applies non-overlapping edits to a text (for the CLI and tests; the editor applies them itself). */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const sorted = [...edits].sort((a, b) => b.start - a.start || b.end - a.end);
  let out = text;
  for (const edit of sorted) out = out.slice(0, edit.start) + edit.newText + out.slice(edit.end);
  return out;
}
