import * as vscode from 'vscode';
import type { LintResult, OutlineNode } from '../core';
import { buildOutline } from '../core';
import { ReportCodeActions } from './codeActions';
import { COMMANDS, IS_REPORT_CONTEXT, NEW_REPORT_COMMANDS } from './commandIds';
import { ConfigFiles } from './configFiles';
import { ruleLinks } from './diagnostics';
import type { WorkspaceLintSummary } from './lintWorkspace';
import { lintWorkspace } from './lintWorkspace';
import { createLog } from './log';
import { OUTLINE_VIEW_ID, OutlineProvider } from './outlineView';
import { goToPlaceholder } from './placeholderCommands';
import type { LintTrigger } from './reportDocuments';
import { ReportDocuments } from './reportDocuments';
import { insertSection, revealSection } from './sectionCommands';
import { readSettings, SECTION } from './settings';
import { ReportStatusBar } from './statusBar';
import { KindCompletions } from './kindCompletions';
import { createReport, insertTemplate, newReport } from './templateCommands';

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
}

const DEFAULT_REPOSITORY = 'https://github.com/mlreport/mlreport';

export function activate(context: vscode.ExtensionContext): MlReportApi {
  const log = createLog();
  const diagnostics = vscode.languages.createDiagnosticCollection('mlreport');
  const configDiagnostics = vscode.languages.createDiagnosticCollection('mlreport-config');
  const configs = new ConfigFiles(configDiagnostics, log);
  const link = ruleLinks(vscode.Uri.parse(repositoryUrl(context)));
  const documents = new ReportDocuments(diagnostics, configs, link, log);
  const outlineProvider = new OutlineProvider();
  const outlineView = vscode.window.createTreeView(OUTLINE_VIEW_ID, { treeDataProvider: outlineProvider });
  const statusBar = new ReportStatusBar();
  const codeActionProvider = new ReportCodeActions(documents);
  context.subscriptions.push(log, diagnostics, configDiagnostics, configs, documents, outlineProvider, outlineView, statusBar);

  const showActive = (): void => {
    const editor = vscode.window.activeTextEditor;
    if (editor?.document.uri.scheme === 'output') return;
    const document = editor?.document;
    const report = document !== undefined && documents.isReport(document.uri);
    void vscode.commands.executeCommand('setContext', IS_REPORT_CONTEXT, report);
    const result = report ? documents.last(document.uri) : undefined;
    const outline = result && buildOutline(result);
    outlineProvider.show(document, outline);
    outlineView.description = outline ? `${outline.completeness}% complete` : '';
    if (report && documents.isTooLarge(document.uri)) statusBar.show({ kind: 'tooLarge', limit: readSettings(document.uri).maxLiveLintSize });
    else statusBar.show(outline ? { kind: 'report', outline } : { kind: 'hidden' });
  };
  const lintOpen = (trigger: LintTrigger, only?: (document: vscode.TextDocument) => boolean): void => {
    for (const document of vscode.workspace.textDocuments) if (!only || only(document)) void documents.lint(document, trigger);
  };
  const relintAll = (): void => {
    const shown = new Set(openTabUris());
    const relevant = new Set(vscode.workspace.textDocuments
      .filter((document) => shown.has(document.uri.toString()) || documents.isTracked(document.uri))
      .map((document) => document.uri.toString()));
    documents.reset();
    if (!readSettings(undefined).enable) diagnostics.clear();
    lintOpen('config', (document) => relevant.has(document.uri.toString()));
  };

  const subscriptions: vscode.Disposable[] = [
    vscode.workspace.onDidOpenTextDocument((document) => void documents.lint(document, 'open')),
    vscode.workspace.onDidChangeTextDocument((event) => {
      if (event.contentChanges.length > 0) documents.schedule(event.document);
    }),
    vscode.workspace.onDidSaveTextDocument((document) => void documents.lint(document, 'save')),
    vscode.workspace.onDidCloseTextDocument((document) => documents.close(document)),
    vscode.window.tabGroups.onDidChangeTabs((event) => {
      // VS Code may keep a document alive after its last tab closes; its diagnostics go with the tab.
      const open = new Set(openTabUris());
      for (const tab of event.closed) {
        const uri = tabUri(tab);
        const document = uri && !open.has(uri.toString()) && vscode.workspace.textDocuments.find((candidate) => candidate.uri.toString() === uri.toString());
        if (document) documents.close(document);
      }
    }),
    vscode.workspace.onDidChangeConfiguration((event) => {
      if (event.affectsConfiguration(SECTION)) relintAll();
    }),
    configs.onDidChange(relintAll),
    documents.onDidLint((document) => {
      if (vscode.window.activeTextEditor?.document === document) showActive();
    }),
    vscode.window.onDidChangeActiveTextEditor(showActive),
    vscode.window.onDidChangeVisibleTextEditors((editors) => {
      // A document shown again after its tab closed was never closed for VS Code: lint it again.
      for (const editor of editors) if (!documents.isTracked(editor.document.uri)) void documents.lint(editor.document, 'open');
    }),
    vscode.languages.registerCodeActionsProvider({ language: 'markdown' }, codeActionProvider, ReportCodeActions.metadata),
    ...NEW_REPORT_COMMANDS.map(({ command, kindId }) => vscode.commands.registerCommand(command, () => newReport(kindId))),
    vscode.commands.registerCommand(COMMANDS.createReport, (kindId?: unknown) => createReport(configs, kindId)),
    vscode.commands.registerCommand(COMMANDS.insertTemplate, (kindId?: unknown) => insertTemplate(configs, kindId)),
    vscode.languages.registerCompletionItemProvider({ language: 'markdown' }, new KindCompletions(documents), ...KindCompletions.triggerCharacters),
    vscode.commands.registerCommand(COMMANDS.insertSection, (target?: unknown) => insertSection(documents, outlineProvider, target)),
    vscode.commands.registerCommand(COMMANDS.nextPlaceholder, () => goToPlaceholder(documents, 1)),
    vscode.commands.registerCommand(COMMANDS.previousPlaceholder, () => goToPlaceholder(documents, -1)),
    vscode.commands.registerCommand(COMMANDS.lintWorkspace, () => lintWorkspace(documents, diagnostics, link, log)),
    vscode.commands.registerCommand(COMMANDS.revealSection, (uri: vscode.Uri | string, line: number, columns?: [number, number]) => revealSection(uri, line, columns)),
  ];
  context.subscriptions.push(...subscriptions);

  lintOpen('open');
  showActive();
  log.info('ML Report is active');

  return {
    outlineProvider,
    outlineView,
    codeActionProvider,
    lintNow: async (uri) => {
      const document = vscode.workspace.textDocuments.find((candidate) => candidate.uri.toString() === uri.toString());
      return document && documents.lint(document, 'demand');
    },
    isReport: (uri) => documents.isReport(uri),
    statusBarText: () => statusBar.text,
    lintWorkspace: () => lintWorkspace(documents, diagnostics, link, log),
  };
}

export function deactivate(): void {}

function tabUri(tab: vscode.Tab): vscode.Uri | undefined {
  const input = tab.input;
  if (input instanceof vscode.TabInputText) return input.uri;
  if (input instanceof vscode.TabInputTextDiff) return input.modified;
  return undefined;
}

function openTabUris(): string[] {
  return vscode.window.tabGroups.all.flatMap((group) => group.tabs).flatMap((tab) => tabUri(tab)?.toString() ?? []);
}

/** The repository's web address from package.json: rule codes link to its README. */
function repositoryUrl(context: vscode.ExtensionContext): string {
  const manifest = context.extension.packageJSON as { repository?: string | { url?: string } };
  const repository = typeof manifest.repository === 'string' ? manifest.repository : manifest.repository?.url;
  return (repository ?? DEFAULT_REPOSITORY).replace(/^git\+/, '').replace(/\.git$/, '');
}
