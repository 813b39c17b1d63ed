import * as vscode from 'vscode';
import type { Finding } from '../core';
import { ReportLinter } from '../core';
import type { RuleLink } from './diagnostics';
import { toDiagnostic } from './diagnostics';
import type { Log } from './log';
import { describeError } from './log';
import type { ReportDocuments } from './reportDocuments';

export interface WorkspaceLintSummary {
  markdownFiles: number;
  reports: number;
  findings: number;
  cancelled: boolean;
}

/**
 * *Lint All Reports in Workspace*: every `**∕*.md` outside node_modules, read through
 * `vscode.workspace.fs` (virtual workspaces too); open documents are linted from the editor's text.
 */
export async function lintWorkspace(
  documents: ReportDocuments,
  diagnostics: vscode.DiagnosticCollection,
  link: RuleLink,
  log: Log,
): Promise<WorkspaceLintSummary> {
  const summary: WorkspaceLintSummary = { markdownFiles: 0, reports: 0, findings: 0, cancelled: false };
  await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: 'ML Report: linting reports', cancellable: true },
    async (progress, token) => {
      const files = await vscode.workspace.findFiles('**/*.md', '**/node_modules/**', undefined, token);
      summary.markdownFiles = files.length;
      const open = new Map(vscode.workspace.textDocuments.map((document) => [document.uri.toString(), document]));
      for (const [index, uri] of files.entries()) {
        if (token.isCancellationRequested) {
          summary.cancelled = true;
          break;
        }
        progress.report({ message: `${index + 1}/${files.length} ${vscode.workspace.asRelativePath(uri)}`, increment: 100 / files.length });
        try {
          const document = open.get(uri.toString());
          const findings = document ? (await documents.lint(document, 'demand'))?.findings : await lintFile(uri, documents, diagnostics, link);
          if (findings) {
            summary.reports++;
            summary.findings += findings.length;
          }
        } catch (error) {
          log.error(`linting ${uri.toString(true)} failed: ${describeError(error)}`);
        }
        await new Promise((resolve) => setImmediate(resolve));
      }
    },
  );
  const verb = summary.cancelled ? 'Cancelled after linting' : 'Linted';
  log.info(`${verb} ${summary.reports} reports of ${summary.markdownFiles} Markdown files: ${summary.findings} findings`);
  void vscode.window.showInformationMessage(`ML Report: ${verb.toLowerCase()} ${summary.reports} report${summary.reports === 1 ? '' : 's'} (${summary.findings} problem${summary.findings === 1 ? '' : 's'}) of ${summary.markdownFiles} Markdown files.`);
  return summary;
}

async function lintFile(uri: vscode.Uri, documents: ReportDocuments, diagnostics: vscode.DiagnosticCollection, link: RuleLink): Promise<readonly Finding[] | undefined> {
  const text = new TextDecoder('utf-8').decode(await vscode.workspace.fs.readFile(uri));
  const options = await documents.optionsFor(uri, text);
  if (!options) {
    diagnostics.delete(uri);
    return undefined;
  }
  const result = new ReportLinter(options).update(text);
  diagnostics.set(uri, result.findings.map((finding) => toDiagnostic(finding, link)));
  return result.findings;
}
