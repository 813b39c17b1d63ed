import * as vscode from 'vscode';
import type { ActiveReportView } from './activeReport';
import { COMMANDS, NEW_REPORT_COMMANDS } from './commandIds';
import type { ConfigFiles } from './configFiles';
import type { WorkspaceLintSummary } from './lintWorkspace';
import { closeUntabbed, lintShownAgain, relintAll } from './openDocuments';
import type { OutlineProvider } from './outlineView';
import { goToPlaceholder } from './placeholderCommands';
import type { ReportDocuments } from './reportDocuments';
import { insertSection, revealSection } from './sectionCommands';
import { SECTION } from './settings';
import { createReport, insertTemplate, newReport } from './templateCommands';

/** What lints, and what shows the active report again, as documents, tabs, editors and settings change. */
export function registerDocumentEvents(documents: ReportDocuments, configs: ConfigFiles, active: ActiveReportView): vscode.Disposable[] {
  return [
    vscode.workspace.onDidOpenTextDocument((document) => void documents.lint(document, 'open')),
    vscode.workspace.onDidChangeTextDocument((event) => {
      if (event.contentChanges.length > 0) documents.schedule(event.document);
    }),
    vscode.workspace.onDidSaveTextDocument((document) => void documents.lint(document, 'save')),
    vscode.workspace.onDidCloseTextDocument((document) => documents.close(document)),
    vscode.window.tabGroups.onDidChangeTabs((event) => closeUntabbed(documents, event)),
    vscode.workspace.onDidChangeConfiguration((event) => {
      if (event.affectsConfiguration(SECTION)) relintAll(documents);
    }),
    configs.onDidChange(() => relintAll(documents)),
    documents.onDidLint((document) => active.linted(document)),
    vscode.window.onDidChangeActiveTextEditor(() => active.show()),
    vscode.window.onDidChangeVisibleTextEditors((editors) => lintShownAgain(documents, editors)),
  ];
}

export function registerCommands(documents: ReportDocuments, configs: ConfigFiles, outlineProvider: OutlineProvider, lintAll: () => Promise<WorkspaceLintSummary>): vscode.Disposable[] {
  return [
    ...NEW_REPORT_COMMANDS.map(({ command, kindId }) => vscode.commands.registerCommand(command, () => newReport(kindId))),
    vscode.commands.registerCommand(COMMANDS.createReport, (kindId?: unknown) => createReport(configs, kindId)),
    vscode.commands.registerCommand(COMMANDS.insertTemplate, (kindId?: unknown) => insertTemplate(configs, kindId)),
    vscode.commands.registerCommand(COMMANDS.insertSection, (target?: unknown) => insertSection(documents, outlineProvider, target)),
    vscode.commands.registerCommand(COMMANDS.nextPlaceholder, () => goToPlaceholder(documents, 1)),
    vscode.commands.registerCommand(COMMANDS.previousPlaceholder, () => goToPlaceholder(documents, -1)),
    vscode.commands.registerCommand(COMMANDS.lintWorkspace, lintAll),
    vscode.commands.registerCommand(COMMANDS.revealSection, (uri: vscode.Uri | string, line: number, columns?: [number, number]) => revealSection(uri, line, columns)),
  ];
}
