import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { placeholderRanges } from '../../../src/core/features/navigation';
import { localDate } from '../../../src/core/templates/instantiate';
import type { WorkspaceLintSummary } from '../../../src/vscode/lintWorkspace';
import { BROKEN_REPORT, lineOf, lintedNow, mlreportApi, warmUp } from './api';
import { closeAllEditors, fixtureUri, mlreportDiagnostics, openFixture, openUntitled, ruleOf, waitFor, waitForDiagnostics } from './helpers';

async function newReportEditor(command: string): Promise<vscode.TextEditor> {
  await vscode.commands.executeCommand(command);
  return waitFor(() => {
    const editor = vscode.window.activeTextEditor;
    return editor?.document.isUntitled && editor.document.getText().length > 200 ? editor : undefined;
  }, { message: 'an untitled editor holding the template' });
}

function selected(editor: vscode.TextEditor): string {
  return editor.document.getText(editor.selection);
}

/** One undo restores the text byte for byte: the command made a single edit. */
async function undoOnce(editor: vscode.TextEditor, before: string): Promise<void> {
  await vscode.commands.executeCommand('leaveSnippet');
  await vscode.window.showTextDocument(editor.document);
  await vscode.commands.executeCommand('undo');
  assert.equal(editor.document.getText(), before, 'one undo restores the text byte for byte');
}

describe('commands', () => {
  before(warmUp);
  afterEach(closeAllEditors);

  it('New Experiment Report: an untitled Markdown editor with the template dated today, the title selected and mirrored', async () => {
    const editor = await newReportEditor('mlreport.newExperimentReport');
    const text = editor.document.getText();
    assert.equal(editor.document.languageId, 'markdown');
    assert.match(text, /^---\ntitle: \{\{TITLE\}\}\nauthors: \{\{AUTHORS\}\}\ndate: (\S+)\ntype: ml-experiment-report\n/);
    assert.match(text, new RegExp(`^date: ${localDate(new Date())}$`, 'm'));
    assert.ok(!text.includes('{{DATE}}'));
    assert.equal(selected(editor), '{{TITLE}}');
    assert.equal(editor.selection.start.line, 1);

    await vscode.commands.executeCommand('type', { text: 'Ablation of warmup' });
    await waitFor(() => /^# Ablation of warmup$/m.test(editor.document.getText()), { message: 'the title mirrored into the heading' });
    assert.match(editor.document.getText(), /^title: Ablation of warmup$/m);
    await vscode.commands.executeCommand('jumpToNextSnippetPlaceholder');
    assert.equal(selected(editor), '{{AUTHORS}}');

    const api = await mlreportApi();
    await waitFor(() => api.isReport(editor.document.uri), { message: 'the new document to be a report' });
    const skipped = await waitForDiagnostics(editor.document.uri, (found) => found.some((diagnostic) => editor.document.getText(diagnostic.range) === '{{AUTHORS}}'));
    assert.ok(!skipped.some((diagnostic) => editor.document.getText(diagnostic.range).includes('{{TITLE}}')), 'the typed title is not a placeholder');
  });

  it('New Task Specification: the task specification template, dated today', async () => {
    const editor = await newReportEditor('mlreport.newTaskSpec');
    const text = editor.document.getText();
    assert.match(text, /^type: ml-task-spec$/m);
    assert.match(text, new RegExp(`^date: ${localDate(new Date())}$`, 'm'));
    assert.match(text, /^## Abstract$/m);
    assert.equal(selected(editor), '{{TITLE}}');
  });

  it('Insert Report Template: the chosen kind at the cursor of the active Markdown editor', async () => {
    const editor = await openUntitled('Notes before the report.\n\n');
    editor.selection = new vscode.Selection(2, 0, 2, 0);
    assert.equal(await vscode.commands.executeCommand('mlreport.insertTemplate', 'ml-task-spec'), true);
    const text = editor.document.getText();
    assert.ok(text.startsWith('Notes before the report.\n\n---\ntitle: {{TITLE}}\n'), text.slice(0, 80));
    assert.match(text, /^type: ml-task-spec$/m);
    assert.equal(selected(editor), '{{TITLE}}');
    await undoOnce(editor, 'Notes before the report.\n\n');
  });

  it('Insert Section: a missing section from the template, where it belongs in template order', async () => {
    const editor = await openFixture(BROKEN_REPORT);
    await waitForDiagnostics(editor.document.uri);
    const before = editor.document.getText();
    assert.equal(await vscode.commands.executeCommand('mlreport.insertSection', 'robustness'), true);
    const document = editor.document;
    const robustness = lineOf(document, '## 7. Robustness');
    const deployment = lineOf(document, '## 8. Deployment Considerations');
    const analysis = lineOf(document, '## 6. Analysis');
    assert.ok(analysis < robustness && robustness < deployment, `inserted between Analysis and Deployment (lines ${analysis}, ${robustness}, ${deployment})`);
    assert.ok(lineOf(document, '### 7.1 Cross-Dataset Evaluation') > robustness);
    assert.equal(editor.selection.start.line, robustness, 'the cursor is on the inserted heading');
    await waitFor(() => !mlreportDiagnostics(document.uri).some((diagnostic) => diagnostic.message.includes('"Robustness"')), { message: 'the missing-section warning to go' });
    await undoOnce(editor, before);
  });

  it('Insert Section on a present section goes to its heading instead of duplicating it', async () => {
    const editor = await openFixture(BROKEN_REPORT);
    await lintedNow(editor.document);
    const before = editor.document.getText();
    assert.equal(await vscode.commands.executeCommand('mlreport.insertSection', 'results'), true);
    assert.equal(editor.document.getText(), before);
    assert.equal(vscode.window.activeTextEditor?.selection.start.line, lineOf(editor.document, '## 5. Results'));
  });

  it('Next / Previous Placeholder select each unfilled placeholder in turn, wrapping around', async () => {
    const editor = await openFixture('experiment-report.md');
    const result = await lintedNow(editor.document);
    const expected = placeholderRanges(result).map((range) => editor.document.getText(new vscode.Range(range.start.line - 1, range.start.column - 1, range.end.line - 1, range.end.column - 1)));
    assert.ok(expected.length > 3);
    editor.selection = new vscode.Selection(0, 0, 0, 0);
    const seen: string[] = [];
    for (let i = 0; i < 3; i++) {
      await vscode.commands.executeCommand('mlreport.nextPlaceholder');
      seen.push(selected(editor));
    }
    assert.deepEqual(seen, expected.slice(0, 3));
    await vscode.commands.executeCommand('mlreport.previousPlaceholder');
    assert.equal(selected(editor), expected[1]);
    editor.selection = new vscode.Selection(0, 0, 0, 0);
    await vscode.commands.executeCommand('mlreport.previousPlaceholder');
    assert.equal(selected(editor), expected[expected.length - 1], 'wraps to the last one');
  });

  it('Lint All Reports in Workspace: fills the Problems panel for report files that are not open, and only those', async () => {
    const summary = await vscode.commands.executeCommand<WorkspaceLintSummary>('mlreport.lintWorkspace');
    assert.ok(summary);
    assert.equal(summary.cancelled, false);
    assert.ok(summary.markdownFiles >= 5, `found ${summary.markdownFiles} Markdown files`);
    assert.ok(summary.reports >= 3 && summary.reports < summary.markdownFiles, `linted ${summary.reports} reports`);
    const broken = mlreportDiagnostics(fixtureUri(BROKEN_REPORT));
    assert.deepEqual([...new Set(broken.map(ruleOf))].sort(), ['missing-section', 'table-column-count', 'unfilled-placeholder']);
    assert.deepEqual(mlreportDiagnostics(fixtureUri('notes.md')), []);
  });
});
