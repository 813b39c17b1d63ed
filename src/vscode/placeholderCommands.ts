import * as vscode from 'vscode';
import { nextPlaceholder } from '../core/features/navigation';
import { toOffset, toRange } from './positions';
import type { ReportDocuments } from './reportDocuments';

/** *Next Placeholder* / *Previous Placeholder*: selects the next unfilled placeholder (wrapping around) and reveals it. */
export async function goToPlaceholder(documents: ReportDocuments, direction: 1 | -1): Promise<vscode.Range | undefined> {
  const editor = vscode.window.activeTextEditor;
  const result = editor && (await documents.forCommand(editor.document));
  if (!editor || !result) return undefined;
  const target = nextPlaceholder(result, toOffset(result, editor.selection.start), direction);
  if (!target) {
    vscode.window.setStatusBarMessage('$(check) ML Report: no unfilled placeholders', 3000);
    return undefined;
  }
  const range = toRange(target);
  editor.selection = new vscode.Selection(range.start, range.end);
  editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  return range;
}
