import * as vscode from 'vscode';
import type { OutlineNode } from '../core';
import { buildChecklist, buildOutline } from '../core';
import { IS_REPORT_CONTEXT } from './commandIds';
import type { OutlineProvider } from './outlineView';
import type { ReportDocuments } from './reportDocuments';
import { readSettings } from './settings';
import type { ReportStatusBar } from './statusBar';

/** What the window shows of the active editor's report: the `mlreport.isReport` context, the outline view and the status bar. */
export class ActiveReportView {
  constructor(
    private readonly documents: ReportDocuments,
    private readonly outlineProvider: OutlineProvider,
    private readonly outlineView: vscode.TreeView<OutlineNode>,
    private readonly statusBar: ReportStatusBar,
  ) {}

  show(): void {
    const editor = vscode.window.activeTextEditor;
    if (editor?.document.uri.scheme === 'output') return;
    const document = editor?.document;
    const report = document !== undefined && this.documents.isReport(document.uri);
    void vscode.commands.executeCommand('setContext', IS_REPORT_CONTEXT, report);
    const result = report ? this.documents.last(document.uri) : undefined;
    const outline = result && buildOutline(result);
    const checklist = result && outline ? buildChecklist(result) : undefined;
    this.outlineProvider.show(document, outline, result && checklist ? { checklist, lines: result.doc.lines } : undefined);
    this.outlineView.description = outline ? `${outline.completeness}% complete${checklist ? ` · reproducibility ${checklist.passed}/${checklist.total}` : ''}` : '';
    if (report && this.documents.isTooLarge(document.uri)) this.statusBar.show({ kind: 'tooLarge', limit: readSettings(document.uri).maxLiveLintSize });
    else this.statusBar.show(outline ? { kind: 'report', outline } : { kind: 'hidden' });
  }

  /** Shows again when the document just linted is the active one. */
  linted(document: vscode.TextDocument): void {
    if (vscode.window.activeTextEditor?.document === document) this.show();
  }
}
