import * as vscode from 'vscode';
import type { ReportKind } from '../core';
import { BUILTIN_KINDS, findKind } from '../core';
import { localDate } from '../core/templates/instantiate';
import { toSnippet } from '../core/features/snippet';

/** The kind's whole template as a snippet dated today: title first, authors next. */
export function templateSnippet(kind: ReportKind, now = new Date()): vscode.SnippetString {
  return new vscode.SnippetString(toSnippet(kind.template, { date: localDate(now) }));
}

/** A kind's *New …* command (*New Experiment Report*): an untitled Markdown editor holding its template. */
export async function newReport(kindId: string): Promise<vscode.TextEditor | undefined> {
  const kind = findKind(kindId);
  if (!kind) return undefined;
  const document = await vscode.workspace.openTextDocument({ language: 'markdown', content: '' });
  const editor = await vscode.window.showTextDocument(document);
  // An edit is refused when the document changed meanwhile (a window still starting up): try again while it is empty.
  for (let attempt = 0; attempt < 5 && document.getText() === ''; attempt++) {
    if (await editor.insertSnippet(templateSnippet(kind), new vscode.Position(0, 0))) break;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return editor;
}

/** *Insert Report Template*: the chosen kind's template at the cursor of the active Markdown editor. */
export async function insertTemplate(kindId?: unknown): Promise<boolean> {
  const editor = vscode.window.activeTextEditor;
  if (!editor || editor.document.languageId !== 'markdown') {
    void vscode.window.showInformationMessage('ML Report: open a Markdown file to insert a report template into.');
    return false;
  }
  const kind = typeof kindId === 'string' ? findKind(kindId) : await pickKind();
  if (!kind) return false;
  return editor.insertSnippet(templateSnippet(kind), editor.selection);
}

async function pickKind(): Promise<ReportKind | undefined> {
  const picked = await vscode.window.showQuickPick(
    BUILTIN_KINDS.map((kind) => ({ label: kind.name, description: kind.id, detail: kind.description, reportKind: kind })),
    { title: 'Insert Report Template', placeHolder: 'Which kind of report?' },
  );
  return picked?.reportKind;
}
