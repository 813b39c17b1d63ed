// The extension's API as the ML Report tests use it, and small helpers shared by their files.
import * as vscode from 'vscode';
import type { LintResult } from '../../../src/core';
import type { MlReportApi } from '../../../src/vscode/extension';
import { closeAllEditors, getExtensionApi, mlreportDiagnostics, openFixture, ruleOf, waitFor } from './helpers';

export async function mlreportApi(): Promise<MlReportApi> {
  return (await getExtensionApi()) as MlReportApi;
}

export const BROKEN_REPORT = 'reports/broken-report.md';

/**
 * For a \`before\` hook: activates the extension and waits for its first lint, which loads the parser
 * and can take long on a busy machine, so that each test's own waits measure only what it tests.
 */
export async function warmUp(this: Mocha.Context): Promise<void> {
  this.timeout(120_000);
  await mlreportApi();
  const editor = await openFixture('experiment-report.md');
  await waitFor(() => mlreportDiagnostics(editor.document.uri).length > 0, { message: 'the first lint', timeoutMs: 100_000 });
  await closeAllEditors();
}

/** `[rule, 1-based line, severity]` of a diagnostic, for comparing with what the CLI prints. */
export function summarize(diagnostic: vscode.Diagnostic): [string, number, string] {
  return [ruleOf(diagnostic), diagnostic.range.start.line + 1, vscode.DiagnosticSeverity[diagnostic.severity]];
}

export function byLine(a: [string, number, string], b: [string, number, string]): number {
  return a[1] - b[1] || a[0].localeCompare(b[0]);
}

/** Waits until the extension has linted the document's current version, and returns the result. */
export async function lintedNow(document: vscode.TextDocument): Promise<LintResult> {
  const api = await mlreportApi();
  return waitFor(() => api.lintNow(document.uri), { message: `a lint result for ${document.uri.toString(true)}` });
}

/** Waits until the diagnostics of a document match the lint of its current text. */
export async function settledDiagnostics(document: vscode.TextDocument): Promise<vscode.Diagnostic[]> {
  const result = await lintedNow(document);
  return waitFor(() => {
    const diagnostics = mlreportDiagnostics(document.uri);
    return diagnostics.length === result.findings.length ? diagnostics : undefined;
  }, { message: 'diagnostics matching the latest lint' });
}

/** The 0-based line of the first line of a document that equals `text`. */
export function lineOf(document: vscode.TextDocument, text: string): number {
  for (let line = 0; line < document.lineCount; line++) if (document.lineAt(line).text === text) return line;
  throw new Error(`no line "${text}" in ${document.uri.toString(true)}`);
}
