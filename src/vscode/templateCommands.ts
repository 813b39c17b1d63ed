import { posix } from 'node:path';
import * as vscode from 'vscode';
import type { ReportKind } from '../core';
import { findKind } from '../core';
import { localDate } from '../core/templates/instantiate';
import { toSnippet } from '../core/features/snippet';
import type { ConfigFiles, WorkspaceKind } from './configFiles';

/** The kind's whole template as a snippet dated today: title first, authors next. */
export function templateSnippet(kind: ReportKind, now = new Date()): vscode.SnippetString {
  return new vscode.SnippetString(toSnippet(kind.template, { date: localDate(now), choices: kind.placeholders.choices }));
}

/**
 * A *New …* command (*New Experiment Report*), or *New Report…* with a kind of the workspace: an
 * untitled Markdown editor holding its template. A kind from a folder's configuration gets an untitled
 * document placed in that folder, so it is linted with that configuration and saved there by default.
 */
export async function newReport(kindId: string, kinds: readonly WorkspaceKind[] = []): Promise<vscode.TextEditor | undefined> {
  const entry = kinds.find((candidate) => candidate.kind.id === kindId);
  const kind = entry?.kind ?? findKind(kindId);
  if (!kind) return undefined;
  const document = entry?.folder ? await vscode.workspace.openTextDocument(await untitledIn(entry.folder, kind.id)) : await vscode.workspace.openTextDocument({ language: 'markdown', content: '' });
  if (document.languageId !== 'markdown') await vscode.languages.setTextDocumentLanguage(document, 'markdown');
  const editor = await vscode.window.showTextDocument(document);
  // An edit is refused when the document changed meanwhile (a window still starting up): try again while it is empty.
  for (let attempt = 0; attempt < 5 && document.getText() === ''; attempt++) {
    if (await editor.insertSnippet(templateSnippet(kind), new vscode.Position(0, 0))) break;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return editor;
}

/** *New Report…*: picks one of every kind of the workspace (or takes `kindId`), then as `newReport`. */
export async function createReport(configs: ConfigFiles, kindId?: unknown): Promise<vscode.TextEditor | undefined> {
  const kinds = await configs.workspaceKinds();
  const id = typeof kindId === 'string' ? kindId : (await pickKind(kinds, 'New Report'))?.id;
  return id === undefined ? undefined : newReport(id, kinds);
}

/** *Insert Report Template*: the chosen kind's template at the cursor of the active Markdown editor. */
export async function insertTemplate(configs: ConfigFiles, kindId?: unknown): Promise<boolean> {
  const editor = vscode.window.activeTextEditor;
  if (!editor || editor.document.languageId !== 'markdown') {
    void vscode.window.showInformationMessage('ML Report: open a Markdown file to insert a report template into.');
    return false;
  }
  const kinds = await configs.workspaceKinds();
  const kind = typeof kindId === 'string' ? (kinds.find((entry) => entry.kind.id === kindId)?.kind ?? findKind(kindId)) : await pickKind(kinds, 'Insert Report Template');
  if (!kind) return false;
  return editor.insertSnippet(templateSnippet(kind), editor.selection);
}

/** Asks for one of the kinds, the workspace's own (from its configurations) first. */
async function pickKind(kinds: readonly WorkspaceKind[], title: string): Promise<ReportKind | undefined> {
  const ordered = [...kinds.filter((entry) => entry.folder !== undefined), ...kinds.filter((entry) => entry.folder === undefined)];
  const picked = await vscode.window.showQuickPick(
    ordered.map(({ kind, folder }) => ({
      label: kind.name,
      description: folder ? `${kind.id} · ${vscode.workspace.asRelativePath(kind.source !== undefined ? vscode.Uri.parse(kind.source) : folder)}` : kind.id,
      detail: kind.description,
      reportKind: kind,
    })),
    { title, placeHolder: 'Which kind of report?', matchOnDescription: true },
  );
  return picked?.reportKind;
}

/** An untitled document's URI in `folder`: `new-eval-note.md`, `new-eval-note-2.md`, … (a name no file has). */
async function untitledIn(folder: vscode.Uri, kindId: string): Promise<vscode.Uri> {
  const open = new Set(vscode.workspace.textDocuments.map((document) => document.uri.path));
  for (let n = 1; ; n++) {
    const name = `new-${kindId}${n === 1 ? '' : `-${n}`}.md`;
    const file = vscode.Uri.joinPath(folder, name);
    const path = posix.join(folder.path, name);
    if (open.has(path)) continue;
    try {
      await vscode.workspace.fs.stat(file);
    } catch {
      return vscode.Uri.from({ scheme: 'untitled', path });
    }
  }
}
