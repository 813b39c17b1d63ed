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
  /** Findings by severity. */
  errors: number;
  warnings: number;
  infos: number;
  /** Reports with at least one finding. */
  reportsWithFindings: number;
  cancelled: boolean;
}

/** The message shown when *Lint All Reports in Workspace* ends, and its button. */
export const SHOW_PROBLEMS = 'Show Problems';

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
  const summary: WorkspaceLintSummary = { markdownFiles: 0, reports: 0, findings: 0, errors: 0, warnings: 0, infos: 0, reportsWithFindings: 0, cancelled: false };
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
            if (findings.length > 0) summary.reportsWithFindings++;
            for (const finding of findings) {
              if (finding.severity === 'error') summary.errors++;
              else if (finding.severity === 'warning') summary.warnings++;
              else summary.infos++;
            }
          }
        } catch (error) {
          log.error(`linting ${uri.toString(true)} failed: ${describeError(error)}`);
        }
        await new Promise((resolve) => setImmediate(resolve));
      }
    },
  );
  const message = summaryMessage(summary);
  log.info(message);
  // Where the user looks: the Problems panel, and a short message that stays until dismissed.
  if (summary.findings > 0) await vscode.commands.executeCommand('workbench.action.problems.focus');
  void vscode.window.showInformationMessage(message, SHOW_PROBLEMS).then((choice) => {
    if (choice === SHOW_PROBLEMS) void vscode.commands.executeCommand('workbench.action.problems.focus');
  });
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

/** `ML Report: 2 of 3 reports have problems: 1 error, 12 warnings, 4 infos.` */
export function summaryMessage(summary: WorkspaceLintSummary): string {
  const count = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;
  const lead = summary.cancelled ? 'ML Report (cancelled): ' : 'ML Report: ';
  if (summary.reports === 0) return `${lead}no reports among ${count(summary.markdownFiles, 'Markdown file')}.`;
  if (summary.findings === 0) return `${lead}${count(summary.reports, 'report')} checked, no problems.`;
  const severities = [count(summary.errors, 'error'), count(summary.warnings, 'warning'), count(summary.infos, 'info')].filter((part) => !part.startsWith('0 '));
  return `${lead}${summary.reportsWithFindings} of ${count(summary.reports, 'report')} ${summary.reportsWithFindings === 1 ? 'has' : 'have'} problems: ${severities.join(', ')}.`;
}
