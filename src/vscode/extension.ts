import * as vscode from 'vscode';
import type { LintResult, OutlineNode } from '../core';
import { ActiveReportView } from './activeReport';
import { ReportCodeActions } from './codeActions';
import { COMMANDS } from './commandIds';
import { ReportCompletions } from './completions';
import { ConfigFiles } from './configFiles';
import { ruleLinks } from './diagnostics';
import type { WorkspaceLintSummary } from './lintWorkspace';
import { lintWorkspace } from './lintWorkspace';
import { ReportHovers } from './hovers';
import { KindCompletions } from './kindCompletions';
import { createLog } from './log';
import { lintNow, lintOpenDocuments } from './openDocuments';
import { OUTLINE_VIEW_ID, OutlineProvider } from './outlineView';
import { selectSectionPlaceholders } from './placeholderCommands';
import { extendMarkdownIt } from './preview';
import { registerCommands, registerDocumentEvents } from './registrations';
import { ReportDocuments } from './reportDocuments';
import { ReportStatusBar } from './statusBar';

/** What `activate` returns: the views' data and a way to lint on demand, for tests and other extensions. */
export interface MlReportApi {
  outlineProvider: OutlineProvider;
  outlineView: vscode.TreeView<OutlineNode>;
  codeActionProvider: ReportCodeActions;
  /** Lints an open document now (whatever its size); undefined when it is not a report. */
  lintNow(uri: vscode.Uri): Promise<LintResult | undefined>;
  isReport(uri: vscode.Uri): boolean;
  /** The status bar item's text, or undefined while it is hidden. */
  statusBarText(): string | undefined;
  lintWorkspace(): Promise<WorkspaceLintSummary>;
  /** The built-in Markdown preview's hook (`markdown.markdownItPlugins`): highlights unfilled placeholders. */
  extendMarkdownIt<T>(md: T): T;
  /** Where a rule's diagnostics link to: the README shipped with the extension, at the rule's section. */
  ruleLink(ruleId: string): vscode.Uri;
}

export function activate(context: vscode.ExtensionContext): MlReportApi {
  const log = createLog();
  const diagnostics = vscode.languages.createDiagnosticCollection('mlreport');
  const configDiagnostics = vscode.languages.createDiagnosticCollection('mlreport-config');
  const configs = new ConfigFiles(configDiagnostics, log);
  const link = ruleLinks(context);
  const documents = new ReportDocuments(diagnostics, configs, link, log);
  const outlineProvider = new OutlineProvider();
  const outlineView = vscode.window.createTreeView(OUTLINE_VIEW_ID, { treeDataProvider: outlineProvider });
  const statusBar = new ReportStatusBar();
  const active = new ActiveReportView(documents, outlineProvider, outlineView, statusBar);
  const codeActionProvider = new ReportCodeActions(documents);
  const lintAll = (): Promise<WorkspaceLintSummary> => lintWorkspace(documents, diagnostics, link, log);
  context.subscriptions.push(
    log, diagnostics, configDiagnostics, configs, documents, outlineProvider, outlineView, statusBar,
    ...registerDocumentEvents(documents, configs, active),
    vscode.languages.registerCodeActionsProvider({ language: 'markdown' }, codeActionProvider, ReportCodeActions.metadata),
    vscode.languages.registerCompletionItemProvider({ language: 'markdown' }, new KindCompletions(documents), ...KindCompletions.triggerCharacters),
    vscode.languages.registerCompletionItemProvider({ language: 'markdown' }, new ReportCompletions(documents), ...ReportCompletions.triggerCharacters),
    vscode.languages.registerHoverProvider({ language: 'markdown' }, new ReportHovers(documents)),
    ...registerCommands(documents, configs, outlineProvider, lintAll),
    vscode.commands.registerCommand(COMMANDS.selectSectionPlaceholders, (uri?: unknown, line?: unknown, character?: unknown) => selectSectionPlaceholders(documents, uri, line, character)),
  );

  lintOpenDocuments(documents, 'open');
  active.show();
  log.info('ML Report is active');

  return {
    outlineProvider,
    outlineView,
    codeActionProvider,
    lintNow: (uri) => lintNow(documents, uri),
    isReport: (uri) => documents.isReport(uri),
    statusBarText: () => statusBar.text,
    lintWorkspace: lintAll,
    extendMarkdownIt,
    ruleLink: link,
  };
}

export function deactivate(): void {}
