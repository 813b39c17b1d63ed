import * as vscode from 'vscode';
import { nextPlaceholder } from '../core/features/navigation';
import { placeholdersInSection } from '../core';
import { toOffset, toRange } from './positions';
import type { ReportDocuments } from './reportDocuments';

/**
 * *Next Placeholder* / *Previous Placeholder*: selects the next unfilled placeholder (wrapping around),
 * reveals it and gives the editor keyboard focus, so that typing replaces it whether the command came
 * from a key, the status bar item or the view's button.
 */
export async function goToPlaceholder(documents: ReportDocuments, direction: 1 | -1): Promise<vscode.Range | undefined> {
  const editor = activeReportEditor();
  const result = editor && (await documents.forCommand(editor.document));
  if (!editor || !result) return undefined;
  const target = nextPlaceholder(result, toOffset(result, editor.selection.start), direction);
  if (!target) {
    vscode.window.setStatusBarMessage('$(check) ML Report: no unfilled placeholders', 3000);
    return undefined;
  }
  const range = toRange(target);
  await select(editor, [range]);
  return range;
}

/** *Select All Placeholders in This Section*: one selection per unfilled placeholder of the section at the cursor. */
export async function selectSectionPlaceholders(documents: ReportDocuments, uri?: unknown, line?: unknown, character?: unknown): Promise<vscode.Range[]> {
  const editor = typeof uri === 'string' || uri instanceof vscode.Uri
    ? await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(typeof uri === 'string' ? vscode.Uri.parse(uri) : uri))
    : activeReportEditor();
  const result = editor && (await documents.forCommand(editor.document));
  if (!editor || !result) return [];
  const at = typeof line === 'number' && typeof character === 'number' ? new vscode.Position(line, character) : editor.selection.start;
  const ranges = placeholdersInSection(result, toOffset(result, at))?.ranges.map(toRange) ?? [];
  if (ranges.length > 0) await select(editor, ranges);
  return ranges;
}

/** The active text editor, or the last one shown when a view or the status bar has focus. */
function activeReportEditor(): vscode.TextEditor | undefined {
  return vscode.window.activeTextEditor ?? vscode.window.visibleTextEditors[0];
}

/** Selects ranges, reveals the first and moves keyboard focus into the editor. */
async function select(editor: vscode.TextEditor, ranges: readonly vscode.Range[]): Promise<void> {
  const first = ranges[0] as vscode.Range;
  const shown = await vscode.window.showTextDocument(editor.document, { ...(editor.viewColumn ? { viewColumn: editor.viewColumn } : {}), preserveFocus: false, preview: false });
  shown.selections = ranges.map((range) => new vscode.Selection(range.start, range.end));
  shown.revealRange(first, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
}
