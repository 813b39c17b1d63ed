import * as vscode from 'vscode';
import type { Finding, Fix, LintResult } from '../core';
import { fixAllTables, placeholdersInSection } from '../core';
import { disableFix } from '../core/features/disableFix';
import { TABLE_COLUMN_COUNT } from '../core/rules/tableColumnCount';
import { UNFILLED_PLACEHOLDER } from '../core/rules/unfilledPlaceholder';
import { COMMANDS } from './commandIds';
import { diagnosticRule } from './diagnostics';
import { toRange, toTextEdit } from './positions';
import type { ReportDocuments } from './reportDocuments';

export const FIX_ALL_KIND = vscode.CodeActionKind.SourceFixAll.append('mlreport');

/**
 * Quick fixes for the findings that carry a fix (missing sections, table rows, delimiter rows),
 * "Disable RULE for this line" for every finding, and "fix all table problems" as a quick fix and as
 * `source.fixAll.mlreport`. Each action is one
 * WorkspaceEdit, so one undo step.
 */
export class ReportCodeActions implements vscode.CodeActionProvider {
  static readonly metadata: vscode.CodeActionProviderMetadata = {
    providedCodeActionKinds: [vscode.CodeActionKind.QuickFix, FIX_ALL_KIND],
  };

  constructor(private readonly documents: ReportDocuments) {}

  provideCodeActions(document: vscode.TextDocument, range: vscode.Range | vscode.Selection, context: vscode.CodeActionContext): vscode.CodeAction[] {
    const result = this.documents.current(document, context.triggerKind === vscode.CodeActionTriggerKind.Automatic);
    if (!result) return [];
    const only = context.only;
    const wantsFixAll = only !== undefined && (only.contains(FIX_ALL_KIND) || FIX_ALL_KIND.contains(only));
    const wantsQuickFix = !only || only.contains(vscode.CodeActionKind.QuickFix) || vscode.CodeActionKind.QuickFix.contains(only);
    const actions: vscode.CodeAction[] = [];
    const tableFix = fixAllTables(result);
    if (wantsQuickFix) {
      const here = result.findings.filter((finding) => finding.fix && toRange(finding.range).intersection(range) !== undefined);
      for (const finding of here) {
        actions.push(this.action(document, result, finding.fix as Fix, vscode.CodeActionKind.QuickFix, matching(context, finding), true));
      }
      const tableFindings = result.findings.filter((finding) => finding.rule === TABLE_COLUMN_COUNT && finding.fix);
      if (tableFix && here.some((finding) => finding.rule === TABLE_COLUMN_COUNT) && tableFindings.length > 1) {
        const diagnostics = here.filter((finding) => finding.rule === TABLE_COLUMN_COUNT).flatMap((finding) => matching(context, finding));
        actions.push(this.action(document, result, tableFix, vscode.CodeActionKind.QuickFix, diagnostics, false));
      }
      actions.push(...this.placeholderActions(document, result, range, context));
    }
    if (wantsQuickFix) {
      for (const finding of result.findings.filter((f) => toRange(f.range).intersection(range) !== undefined)) {
        const fix = disableFix(result, finding);
        if (fix) actions.push(this.action(document, result, fix, vscode.CodeActionKind.QuickFix, matching(context, finding), false));
      }
    }
    if (wantsFixAll && tableFix) {
      actions.push(this.action(document, result, tableFix, FIX_ALL_KIND, [], false));
    }
    return actions;
  }

  /** On a placeholder: select every placeholder of its section (to see or clear them at once), or go to the next one. */
  private placeholderActions(document: vscode.TextDocument, result: LintResult, range: vscode.Range, context: vscode.CodeActionContext): vscode.CodeAction[] {
    const placeholder = result.findings.find((finding) => finding.rule === UNFILLED_PLACEHOLDER && toRange(finding.range).intersection(range) !== undefined);
    if (!placeholder) return [];
    const diagnostics = matching(context, placeholder);
    const actions: vscode.CodeAction[] = [];
    const inSection = placeholdersInSection(result, placeholder.range.start.offset);
    const count = inSection?.ranges.length ?? 0;
    if (count > 1) {
      const start = toRange(placeholder.range).start;
      const select = new vscode.CodeAction(`Select all ${count} placeholders in this section`, vscode.CodeActionKind.QuickFix);
      select.command = { command: COMMANDS.selectSectionPlaceholders, title: select.title, arguments: [document.uri, start.line, start.character] };
      select.diagnostics = diagnostics;
      actions.push(select);
    }
    const next = new vscode.CodeAction('Go to next placeholder', vscode.CodeActionKind.QuickFix);
    next.command = { command: COMMANDS.nextPlaceholder, title: next.title };
    next.diagnostics = diagnostics;
    actions.push(next);
    return actions;
  }

  private action(
    document: vscode.TextDocument,
    result: LintResult,
    fix: Fix,
    kind: vscode.CodeActionKind,
    diagnostics: vscode.Diagnostic[],
    preferred: boolean,
  ): vscode.CodeAction {
    const action = new vscode.CodeAction(fix.title, kind);
    const edit = new vscode.WorkspaceEdit();
    edit.set(document.uri, fix.edits.map((textEdit) => toTextEdit(result, textEdit)));
    action.edit = edit;
    action.diagnostics = diagnostics;
    action.isPreferred = preferred;
    return action;
  }
}

/** The editor's diagnostics that stand for a finding (same rule, same range). */
function matching(context: vscode.CodeActionContext, finding: Finding): vscode.Diagnostic[] {
  const range = toRange(finding.range);
  return context.diagnostics.filter((diagnostic) => diagnosticRule(diagnostic) === finding.rule && diagnostic.range.isEqual(range));
}
