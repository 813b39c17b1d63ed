import * as vscode from 'vscode';
import type { LintResult } from '../core';
import type { LintTrigger, ReportDocuments } from './reportDocuments';

/** Lints the open documents (those `only` accepts). */
export function lintOpenDocuments(documents: ReportDocuments, trigger: LintTrigger, only?: (document: vscode.TextDocument) => boolean): void {
  for (const document of vscode.workspace.textDocuments) if (!only || only(document)) void documents.lint(document, trigger);
}

/** After the options changed: forgets every result and lints again the documents shown in a tab or linted before. */
export function relintAll(documents: ReportDocuments): void {
  const shown = new Set(openTabUris());
  const relevant = new Set(vscode.workspace.textDocuments
    .filter((document) => shown.has(document.uri.toString()) || documents.isTracked(document.uri))
    .map((document) => document.uri.toString()));
  documents.reset();
  lintOpenDocuments(documents, 'config', (document) => relevant.has(document.uri.toString()));
}

/** VS Code may keep a document alive after its last tab closes; its diagnostics go with the tab. */
export function closeUntabbed(documents: ReportDocuments, event: vscode.TabChangeEvent): void {
  const open = new Set(openTabUris());
  for (const tab of event.closed) {
    const uri = tabUri(tab);
    const document = uri && !open.has(uri.toString()) && findOpenDocument(uri);
    if (document) documents.close(document);
  }
}

/** A document shown again after its tab closed was never closed for VS Code: lint it again. */
export function lintShownAgain(documents: ReportDocuments, editors: readonly vscode.TextEditor[]): void {
  for (const editor of editors) if (!documents.isTracked(editor.document.uri)) void documents.lint(editor.document, 'open');
}

/** Lints an open document now, whatever its size; undefined when it is not open or not a report. */
export async function lintNow(documents: ReportDocuments, uri: vscode.Uri): Promise<LintResult | undefined> {
  const document = findOpenDocument(uri);
  return document && documents.lint(document, 'demand');
}

function findOpenDocument(uri: vscode.Uri): vscode.TextDocument | undefined {
  return vscode.workspace.textDocuments.find((candidate) => candidate.uri.toString() === uri.toString());
}

function tabUri(tab: vscode.Tab): vscode.Uri | undefined {
  const input = tab.input;
  if (input instanceof vscode.TabInputText) return input.uri;
  if (input instanceof vscode.TabInputTextDiff) return input.modified;
  return undefined;
}

function openTabUris(): string[] {
  return vscode.window.tabGroups.all.flatMap((group) => group.tabs).flatMap((tab) => tabUri(tab)?.toString() ?? []);
}
