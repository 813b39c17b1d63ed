import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { OutlineNode } from '../../../src/core';
import { lineOf, mlreportApi, settledDiagnostics, warmUp } from './api';
import { closeAllEditors, openFixture, ruleOf, waitFor } from './helpers';

const LABELED = 'reports/labeled-task-spec.md';
const NOT_APPLICABLE = 'reports/not-applicable-task-spec.md';

function node(nodes: readonly OutlineNode[], id: string): OutlineNode {
  const found = nodes.flatMap((candidate) => [candidate, ...candidate.children]).find((candidate) => candidate.id === id);
  assert.ok(found, `outline node ${id}`);
  return found;
}

async function outlineOf(uri: vscode.Uri): Promise<OutlineNode[]> {
  const api = await mlreportApi();
  await waitFor(() => api.outlineProvider.document?.uri.toString() === uri.toString() && api.outlineProvider.outline, { message: 'the outline of the active report' });
  return api.outlineProvider.getChildren();
}

describe('labeled subsections and sections marked not applicable', () => {
  before(warmUp);
  afterEach(closeAllEditors);

  it('a task spec written as labeled lists is complete: no diagnostics, subsections present at their labels, 100%', async () => {
    const api = await mlreportApi();
    const editor = await openFixture(LABELED);
    assert.deepEqual((await settledDiagnostics(editor.document)).map((diagnostic) => diagnostic.message), []);
    const nodes = await outlineOf(editor.document.uri);
    const setup = node(nodes, 'experimental-setup').children.map((child) => [child.title, child.status, child.presentBy]);
    assert.deepEqual(setup, [
      ['Environment', 'complete', 'label'],
      ['Data Split', 'complete', 'label'],
      ['Reproducibility', 'complete', 'label'],
      ['Logging', 'complete', 'label'],
    ]);
    assert.equal(api.outlineProvider.outline?.completeness, 100);
    assert.equal(api.outlineView.description, '100% complete · reproducibility 7/7');
    assert.equal(api.statusBarText(), '$(checklist) 100% · 0 placeholders');
  });

  it('goes to the label when a labeled subsection is clicked', async () => {
    const api = await mlreportApi();
    const editor = await openFixture(LABELED);
    const nodes = await outlineOf(editor.document.uri);
    const item = api.outlineProvider.getTreeItem(node(nodes, 'experimental-setup/reproducibility'));
    assert.equal(item.description, 'complete');
    assert.ok(item.command);
    editor.selection = new vscode.Selection(0, 0, 0, 0);
    await vscode.commands.executeCommand(item.command.command, ...(item.command.arguments ?? []));
    const active = vscode.window.activeTextEditor;
    assert.equal(active?.document.uri.toString(), editor.document.uri.toString());
    assert.equal(active?.selection.start.line, lineOf(editor.document, '- **Random seeds**: 13, 42 and 1234 for every model; data order and LoRA init are seeded, cuDNN is left'));
    assert.equal(active?.document.getText(active.selection), 'Random seeds');
  });

  it('reports a subsection missing from a labeled list once, and the outline and completeness follow as the user types', async () => {
    const api = await mlreportApi();
    const editor = await openFixture(LABELED);
    await outlineOf(editor.document.uri);
    const seeds = lineOf(editor.document, '- **Random seeds**: 13, 42 and 1234 for every model; data order and LoRA init are seeded, cuDNN is left');
    await editor.edit((builder) => builder.delete(new vscode.Range(seeds, 0, seeds + 2, 0)));
    await waitFor(() => node(api.outlineProvider.getChildren(), 'experimental-setup/reproducibility').status === 'missing', { message: 'the removed label to show as missing' });
    const diagnostics = await settledDiagnostics(editor.document);
    assert.deepEqual(diagnostics.map((diagnostic) => [ruleOf(diagnostic), vscode.DiagnosticSeverity[diagnostic.severity], diagnostic.message]), [
      ['missing-section', 'Information', 'Missing subsection "Reproducibility" in "6) Experimental setup" (its other subsections are labeled in its text).'],
      ['reproducibility-seeds', 'Information', 'No random seed is recorded in "Reproducibility", "Experimental Setup", "Model Details" or "Logs and Code"; record the seeds the runs used (e.g. "seeds 13, 42, 1234") so they can be repeated.'],
    ]);
    assert.ok((api.outlineProvider.outline?.completeness ?? 100) < 100);
  });

  it('shows a section marked N/A and its subsections as n/a, counted as complete', async () => {
    const api = await mlreportApi();
    const editor = await openFixture(NOT_APPLICABLE);
    assert.deepEqual((await settledDiagnostics(editor.document)).map((diagnostic) => diagnostic.message), []);
    const nodes = await outlineOf(editor.document.uri);
    const results = node(nodes, 'results-and-analysis');
    assert.deepEqual([results.status, ...results.children.map((child) => child.status)], ['n/a', 'n/a', 'n/a', 'n/a']);
    const item = api.outlineProvider.getTreeItem(results);
    assert.equal(item.description, 'n/a');
    assert.equal(item.contextValue, 'present');
    assert.equal(api.outlineProvider.outline?.completeness, 100);
    assert.equal(api.outlineView.description, '100% complete · reproducibility 7/7');

    // Replacing the statement with a sentence makes it an ordinary section whose content covers its subsections.
    const statement = lineOf(editor.document, 'N/A — this specification is written before training. Results will be added in version 1.1 together with a');
    await editor.edit((builder) => builder.replace(new vscode.Range(statement, 0, statement, 3), 'Pending'));
    await waitFor(() => node(api.outlineProvider.getChildren(), 'results-and-analysis').status === 'complete', { message: 'the section to be complete instead of n/a' });
  });
});
