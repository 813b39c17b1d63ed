import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { BROKEN_REPORT, lineOf, lintedNow, mlreportApi, warmUp } from './api';
import { closeAllEditors, mlreportDiagnostics, openFixture, ruleOf, waitFor, waitForDiagnostics } from './helpers';

async function actionsAt(document: vscode.TextDocument, line: number, kind?: string): Promise<vscode.CodeAction[]> {
  const range = document.lineAt(line).range;
  return (await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', document.uri, range, kind)) ?? [];
}

/** The fixing actions (not the *Disable RULE…* suppressions, which every finding has). */
function ours(actions: vscode.CodeAction[]): vscode.CodeAction[] {
  return actions.filter((action) => !action.title.startsWith('Disable ') && (action.title.includes('section') || action.title.startsWith('Insert "') || action.title.toLowerCase().includes('table') || action.title.toLowerCase().includes('row')));
}

/** Cells of a table row; escaped pipes do not separate. */
function cells(row: string): number {
  return row.trim().replace(/^\|/, '').replace(/\|$/, '').split(/(?<!\\)\|/).length;
}

/** Applies an action's edit, checks the result, then undoes once and checks the text is byte-identical to before. */
async function applyAndUndo(editor: vscode.TextEditor, action: vscode.CodeAction, check: (document: vscode.TextDocument) => void): Promise<void> {
  const before = editor.document.getText();
  assert.ok(action.edit, `${action.title} carries an edit`);
  assert.equal(action.edit.entries().length, 1, 'one document');
  assert.ok(await vscode.workspace.applyEdit(action.edit));
  check(editor.document);
  await vscode.window.showTextDocument(editor.document);
  await vscode.commands.executeCommand('undo');
  assert.equal(editor.document.getText(), before, 'one undo restores the text byte for byte');
}

describe('quick fixes', () => {
  before(warmUp);
  let editor: vscode.TextEditor;

  beforeEach(async () => {
    editor = await openFixture(BROKEN_REPORT);
    await waitForDiagnostics(editor.document.uri, (found) => found.length === 6);
    await lintedNow(editor.document);
  });
  afterEach(closeAllEditors);

  it('pads a short table row with empty cells (preferred), and offers fixing all tables', async () => {
    const row = lineOf(editor.document, '| Test | 872 |');
    const actions = ours(await actionsAt(editor.document, row));
    assert.deepEqual(actions.map((action) => [action.kind?.value, action.isPreferred === true]), [['quickfix', true], ['quickfix', false]]);
    const [fix, all] = actions as [vscode.CodeAction, vscode.CodeAction];
    assert.equal(all.title, 'Fix all table problems in this file');
    const api = await mlreportApi();
    const context = { diagnostics: mlreportDiagnostics(editor.document.uri), only: undefined, triggerKind: vscode.CodeActionTriggerKind.Invoke };
    const direct = api.codeActionProvider.provideCodeActions(editor.document, editor.document.lineAt(row).range, context);
    assert.deepEqual(ours(direct).map((action) => [action.title, action.diagnostics?.map((diagnostic) => [ruleOf(diagnostic), diagnostic.range.start.line])]), [
      [fix.title, [['table-column-count', row]]],
      [all.title, [['table-column-count', row]]],
    ]);
    await applyAndUndo(editor, fix, (document) => {
      const text = document.lineAt(row).text;
      assert.equal(cells(text), 3, text);
      assert.ok(text.startsWith('| Test | 872 |'), text);
    });
  });

  it('merges the overflow of a long row into its last cell', async () => {
    const row = lineOf(editor.document, '| Positive | 0.903 | 0.916 | 0.909 | 428 | extra | cells |');
    const [fix] = ours(await actionsAt(editor.document, row));
    assert.ok(fix);
    await applyAndUndo(editor, fix, (document) => {
      const text = document.lineAt(row).text;
      assert.equal(cells(text), 5, text);
      assert.match(text, /428 \\\| extra \\\| cells/);
    });
  });

  it('rewrites a broken delimiter row to the header\'s cell count', async () => {
    const row = lineOf(editor.document, '|---------------|-------|');
    const [fix] = ours(await actionsAt(editor.document, row));
    assert.ok(fix);
    await applyAndUndo(editor, fix, (document) => {
      const text = document.lineAt(row).text;
      assert.match(text, /^\|(\s*:?-+:?\s*\|){3}$/, text);
      assert.equal(document.lineAt(row - 1).text, '| Configuration | Score | Change |');
    });
  });

  it('inserts a missing section from the template at its place', async () => {
    const diagnostic = mlreportDiagnostics(editor.document.uri).find((candidate) => candidate.message.includes('"Robustness"'));
    assert.ok(diagnostic);
    const [fix] = ours(await actionsAt(editor.document, diagnostic.range.start.line));
    assert.ok(fix);
    assert.equal(fix.title, 'Insert "Robustness" before "8. Deployment Considerations"');
    assert.equal(diagnostic.message, 'Missing section "Robustness": it belongs before "8. Deployment Considerations".');
    assert.equal(fix.isPreferred, true);
    await applyAndUndo(editor, fix, (document) => {
      const robustness = lineOf(document, '## 7. Robustness');
      assert.ok(lineOf(document, '## 6. Analysis') < robustness && robustness < lineOf(document, '## 8. Deployment Considerations'));
      assert.ok(lineOf(document, '### 7.3 Fairness Analysis') > robustness);
    });
  });

  it('fixes every table problem at once as source.fixAll.mlreport, in one undo step', async () => {
    const whole = new vscode.Range(0, 0, editor.document.lineCount, 0);
    const actions = (await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', editor.document.uri, whole, 'source.fixAll.mlreport')) ?? [];
    assert.deepEqual(actions.map((action) => [action.title, action.kind?.value]), [['Fix all table problems in this file', 'source.fixAll.mlreport']]);
    await applyAndUndo(editor, actions[0] as vscode.CodeAction, (document) => {
      const header = lineOf(document, '| Configuration | Score | Change |');
      assert.equal(cells(document.lineAt(header + 1).text), 3, document.lineAt(header + 1).text);
      const rows = document.getText().split('\n');
      assert.equal(cells(rows.find((row) => row.startsWith('| Test | 872 |')) ?? ''), 3);
      assert.equal(cells(rows.find((row) => row.startsWith('| Positive | 0.903 |')) ?? ''), 5);
    });
    assert.ok(await vscode.workspace.applyEdit((actions[0] as vscode.CodeAction).edit as vscode.WorkspaceEdit));
    await waitFor(() => !mlreportDiagnostics(editor.document.uri).some((diagnostic) => ruleOf(diagnostic) === 'table-column-count'), { message: 'table problems to go' });
  });

  it('offers Disable RULE for this line, which silences the finding in one undoable edit', async () => {
    const text = editor.document.getText();
    const diagnostic = mlreportDiagnostics(editor.document.uri).find((d) => ruleOf(d) === 'unfilled-placeholder' || ruleOf(d) === 'missing-section');
    assert.ok(diagnostic, 'a finding to disable');
    const rule = ruleOf(diagnostic);
    const actions = await actionsAt(editor.document, diagnostic.range.start.line);
    const disable = actions.find((action) => action.title.startsWith(`Disable ${rule} for this`));
    assert.ok(disable, actions.map((action) => action.title).join(', '));
    const before = mlreportDiagnostics(editor.document.uri).filter((d) => ruleOf(d) === rule).length;
    assert.ok(disable.edit && (await vscode.workspace.applyEdit(disable.edit)));
    assert.match(editor.document.getText(), new RegExp(`<!-- mlreport-disable(-next-line)? ${rule} -->`));
    await waitForDiagnostics(editor.document.uri, (found) => found.filter((d) => ruleOf(d) === rule).length === before - 1);
    await vscode.window.showTextDocument(editor.document);
    await vscode.commands.executeCommand('undo');
    assert.equal(editor.document.getText(), text);
  });

  it('offers nothing in Markdown files that are not reports', async () => {
    const notes = await openFixture('notes.md');
    const actions = await actionsAt(notes.document, 5);
    assert.deepEqual(ours(actions), []);
  });
});
