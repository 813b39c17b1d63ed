import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { BROKEN_REPORT, lineOf, lintedNow, mlreportApi, settledDiagnostics, warmUp } from './api';
import type { WorkspaceLintSummary } from '../../../src/vscode/lintWorkspace';
import { summaryMessage } from '../../../src/vscode/lintWorkspace';
import { closeAllEditors, executeCommand, fixtureUri, openFixture, ruleOf, waitFor } from './helpers';

const REPORT_START = '---\ntitle: Churn\nauthors: [Ana]\ndate: 2025-03-14\ntype: ml-experiment-report\n---\n\n# Churn\n\n';

let scratchFiles = 0;

/**
 * A report as a new file of the (temporary) fixture workspace, opened in an editor. Files rather than
 * untitled documents: a new untitled document may get the name of one just closed and reverted.
 */
async function openReport(content: string): Promise<vscode.TextEditor> {
  const path = `scratch/report-${++scratchFiles}.md`;
  await vscode.workspace.fs.writeFile(fixtureUri(path), new TextEncoder().encode(content));
  return openFixture(path);
}

function labelOf(item: vscode.CompletionItem): string {
  return typeof item.label === 'string' ? item.label : item.label.label;
}

function shown(item: vscode.CompletionItem): string {
  return typeof item.label === 'string' ? item.label : `${item.label.label} (${item.label.description ?? ''})`;
}

async function completionsAt(document: vscode.TextDocument, position: vscode.Position, trigger?: string): Promise<vscode.CompletionItem[]> {
  const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', document.uri, position, trigger);
  return list.items;
}

function hoverText(hovers: vscode.Hover[]): string {
  return hovers.flatMap((hover) => hover.contents).map((content) => (typeof content === 'string' ? content : 'value' in content ? content.value : '')).join('\n');
}

describe('editor: completion, hovers, anchors, placeholder actions', () => {
  before(warmUp);
  afterEach(closeAllEditors);

  it('typing mlr- offers the snippets through the trigger character, the report\'s missing sections first', async () => {
    const editor = await openFixture(BROKEN_REPORT);
    await lintedNow(editor.document);
    const line = lineOf(editor.document, '## 8. Deployment Considerations') - 1;
    await editor.edit((builder) => builder.insert(new vscode.Position(line, 0), 'mlr-'));
    await lintedNow(editor.document);
    const items = await completionsAt(editor.document, new vscode.Position(line, 4), '-');
    const labels = items.map(labelOf);
    assert.equal(labels[0], 'mlr-exp-robustness', labels.slice(0, 5).join(', '));
    assert.ok(labels.includes('mlr-table-results') && labels.includes('mlr-spec-template'));
    const first = items[0];
    assert.ok(first?.insertText instanceof vscode.SnippetString && first.insertText.value.startsWith('## 7. Robustness'));
    assert.deepEqual(await completionsAt(editor.document, new vscode.Position(line, 2), 'l').then((found) => found.filter((item) => labelOf(item).startsWith('mlr-') && item.kind !== vscode.CompletionItemKind.Snippet)), []);
  });

  it('"## " at a line start offers the missing sections, numbered like the document; "### " the section\'s missing subsections', async () => {
    const editor = await openFixture(BROKEN_REPORT);
    const line = lineOf(editor.document, '## 8. Deployment Considerations') - 1;
    await editor.edit((builder) => builder.insert(new vscode.Position(line, 0), '## '));
    await lintedNow(editor.document);
    const sections = await completionsAt(editor.document, new vscode.Position(line, 3), ' ');
    assert.deepEqual(sections.slice(0, 2).map(shown), ['7. Robustness (missing)', '7. Robustness (+ template text)']);
    const conclusionsEnd = lineOf(editor.document, '## 10. Next Steps') - 1;
    await editor.edit((builder) => builder.insert(new vscode.Position(conclusionsEnd, 0), '### '));
    await lintedNow(editor.document);
    const items = await completionsAt(editor.document, new vscode.Position(conclusionsEnd, 4), ' ');
    assert.deepEqual(items.slice(0, 2).map(shown), ['9.3 Lessons Learned (missing)', '9.3 Lessons Learned (+ template text)']);
    const body = items[1]?.insertText;
    assert.ok(body instanceof vscode.SnippetString && body.value.startsWith('### 9.3 Lessons Learned\n'));
  });

  it('reports a missing subsection on its section\'s heading, and the section as not complete in the view', async () => {
    const editor = await openFixture(BROKEN_REPORT);
    const diagnostics = await settledDiagnostics(editor.document);
    const lessons = diagnostics.find((diagnostic) => diagnostic.message === 'Missing subsection "Lessons Learned" in "9. Conclusions".');
    assert.ok(lessons, diagnostics.map((diagnostic) => diagnostic.message).join('\n'));
    assert.equal(lessons.range.start.line, lineOf(editor.document, '## 9. Conclusions'));
    const api = await mlreportApi();
    const conclusions = await waitFor(() => api.outlineProvider.outline?.nodes.find((node) => node.id === 'conclusions'), { message: 'the outline' });
    assert.equal(conclusions.status, 'problems');
    assert.match(String(api.outlineProvider.getTreeItem(conclusions).description), /problem/);
  });

  it('anchors a section missing at the end on the last heading, not on the text just typed', async () => {
    const editor = await openReport(`${REPORT_START}## Executive Summary\n\nWe did it.\n\nStill typing here`);
    await lintedNow(editor.document);
    const diagnostics = await settledDiagnostics(editor.document);
    const lastLine = editor.document.lineCount - 1;
    assert.ok(diagnostics.every((diagnostic) => diagnostic.range.start.line !== lastLine), 'nothing on the last line');
    const objective = diagnostics.find((diagnostic) => diagnostic.message.startsWith('Missing section "Objective"'));
    assert.equal(objective?.message, 'Missing section "Objective": it belongs at the end, after "Executive Summary".');
    assert.equal(objective.range.start.line, lineOf(editor.document, '## Executive Summary'));
  });

  it('flags TODO and ?? in prose, not in code', async () => {
    const editor = await openReport(`${REPORT_START}## Executive Summary\n\nTODO after the test run. Accuracy: ??\n\n\`TODO\` in code stays.\n`);
    const diagnostics = await waitFor(async () => {
      const found = (await settledDiagnostics(editor.document)).filter((diagnostic) => ruleOf(diagnostic) === 'unfilled-placeholder');
      return found.length > 0 ? found : undefined;
    }, { message: 'placeholder diagnostics' });
    const texts = diagnostics.map((diagnostic) => editor.document.getText(diagnostic.range));
    assert.deepEqual(texts, ['TODO', '??']);
  });

  it('hovers on a placeholder with what belongs there, and on a heading with the section\'s subsections and count', async () => {
    const editor = await openReport(`${REPORT_START}**Researchers**: {{AUTHORS}}\n\n## 9. Conclusions\n\n### 9.1 Summary\n\nFine.\n`);
    await lintedNow(editor.document);
    const authors = editor.document.getText().indexOf('{{AUTHORS}}');
    const onSlot = hoverText(await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', editor.document.uri, editor.document.positionAt(authors + 3)));
    assert.match(onSlot, /Who ran the work/);
    assert.match(onSlot, /Under the label \*Researchers\*/);
    assert.match(onSlot, /Example:/);
    const heading = lineOf(editor.document, '## 9. Conclusions');
    const onHeading = hoverText(await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', editor.document.uri, new vscode.Position(heading, 5)));
    assert.match(onHeading, /✓ Summary: complete/);
    assert.match(onHeading, /✗ Did We Meet Objectives\?: missing/);
    assert.match(onHeading, /0 unfilled placeholders/);
  });

  it('offers "Select all N placeholders in this section" and "Go to next placeholder" on a placeholder, and they select', async () => {
    const editor = await openReport(`${REPORT_START}## Executive Summary\n\n### Key Findings\n- Finding 1\n- Finding 2\n- Finding 3\n`);
    await lintedNow(editor.document);
    const line = lineOf(editor.document, '- Finding 2');
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', editor.document.uri, new vscode.Range(line, 3, line, 3));
    const titles = actions.map((action) => action.title);
    assert.ok(titles.includes('Select all 3 placeholders in this section'), titles.join(', '));
    assert.ok(titles.includes('Go to next placeholder'));
    const select = actions.find((action) => action.title.startsWith('Select all'));
    assert.ok(select?.command);
    await executeCommand(select.command.command, ...(select.command.arguments ?? []));
    const active = vscode.window.activeTextEditor;
    assert.ok(active);
    assert.deepEqual(active.selections.map((selection) => active.document.getText(selection)), ['Finding 1', 'Finding 2', 'Finding 3']);
  });

  it('Next Placeholder from the view leaves the placeholder selected and typing replaces it', async () => {
    const editor = await openReport(`${REPORT_START}**Researchers**: {{AUTHORS}}\n\n## Executive Summary\n\nText.\n`);
    await lintedNow(editor.document);
    await executeCommand('mlreport.outline.focus');
    await executeCommand('mlreport.nextPlaceholder');
    const active = vscode.window.activeTextEditor;
    assert.ok(active);
    assert.equal(active.document.getText(active.selection), '{{AUTHORS}}');
    await executeCommand('type', { text: 'Ana Pereira' });
    assert.match(active.document.getText(), /\*\*Researchers\*\*: Ana Pereira\n/);
  });

  it('makes the status a snippet choice in a new report', async () => {
    await executeCommand('mlreport.newExperimentReport');
    const editor = await waitFor(() => vscode.window.activeTextEditor?.document.getText().includes('**Status**') && vscode.window.activeTextEditor, { message: 'the new report' });
    assert.match(editor.document.getText(), /^\*\*Status\*\*: Draft$/m);
    await executeCommand('jumpToNextSnippetPlaceholder');
    await executeCommand('jumpToNextSnippetPlaceholder');
    assert.equal(editor.document.getText(editor.selection), 'Draft', 'the third tab stop is the status');
  });

  it('links each rule to its section of the README shipped in the extension', async () => {
    const editor = await openFixture(BROKEN_REPORT);
    const [diagnostic] = await settledDiagnostics(editor.document);
    assert.ok(diagnostic && typeof diagnostic.code === 'object');
    const target = diagnostic.code.target;
    assert.match(target.path, /\/readme\.md$/i);
    const line = Number(/^L(\d+)$/.exec(target.fragment)?.[1]);
    const readme = await vscode.workspace.openTextDocument(target.with({ fragment: '' }));
    assert.equal(readme.lineAt(line - 1).text, `### Rule: ${ruleOf(diagnostic)}`);
  });

  it('highlights placeholders in the Markdown preview unless turned off', async () => {
    const html = await vscode.commands.executeCommand<string>('markdown.api.render', 'By {{AUTHORS}}, TODO later.\n\n`{{CODE}}`\n');
    assert.match(html, /<mark class="mlreport-placeholder mlreport-slot"[^>]*>\{\{AUTHORS\}\}<\/mark>/);
    assert.match(html, /<mark class="mlreport-placeholder mlreport-todo"[^>]*>TODO<\/mark>/);
    assert.doesNotMatch(html, /<mark[^>]*>\{\{CODE/);
    await vscode.workspace.getConfiguration('mlreport').update('preview.highlightPlaceholders', false, vscode.ConfigurationTarget.Workspace);
    try {
      const plain = await vscode.commands.executeCommand<string>('markdown.api.render', 'By {{AUTHORS}}.\n');
      assert.doesNotMatch(plain, /<mark/);
    } finally {
      await vscode.workspace.getConfiguration('mlreport').update('preview.highlightPlaceholders', undefined, vscode.ConfigurationTarget.Workspace);
    }
  });

  it('Lint All Reports counts findings by severity and says so in one short line', async () => {
    const summary = await vscode.commands.executeCommand<WorkspaceLintSummary>('mlreport.lintWorkspace');
    assert.ok(summary && summary.findings > 0);
    assert.equal(summary.errors + summary.warnings + summary.infos, summary.findings);
    assert.ok(summary.reportsWithFindings >= 1 && summary.reportsWithFindings <= summary.reports);
    const message = summaryMessage(summary);
    assert.match(message, new RegExp(`^ML Report: ${summary.reportsWithFindings} of ${summary.reports} reports? ha(s|ve) problems: `));
    assert.ok(message.length < 100, message);
    assert.equal(summaryMessage({ ...summary, findings: 0, reportsWithFindings: 0, errors: 0, warnings: 0, infos: 0 }), `ML Report: ${summary.reports} reports checked, no problems.`);
  });

  it('shows the report view in its own activity-bar container', async () => {
    const api = await mlreportApi();
    await openFixture(BROKEN_REPORT);
    await executeCommand('workbench.view.extension.mlreport');
    await waitFor(() => api.outlineView.visible, { message: 'the ML Report view to be visible' });
    await executeCommand('workbench.view.explorer');
  });
});
