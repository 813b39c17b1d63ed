import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as vscode from 'vscode';
import type { OutlineNode } from '../../../src/core';
import { lineOf, mlreportApi, settledDiagnostics, warmUp } from './api';
import { closeAllEditors, openFixture, ruleOf, waitFor } from './helpers';

const LABELED = 'reports/labeled-task-spec.md';
const SEED_LINE = '- **Random seeds**: 13, 42 and 1234 for every model; data order and LoRA init are seeded, cuDNN is left';

function group(nodes: readonly OutlineNode[]): OutlineNode {
  const found = nodes.find((node) => node.id === 'reproducibility');
  assert.ok(found, 'the Reproducibility group');
  return found;
}

describe('reproducibility checklist in the ML Report view', () => {
  before(warmUp);
  afterEach(closeAllEditors);

  it('shows the Reproducibility group with its count; a removed seed line turns its item to ✗ with a finding, and the item goes to where it belongs', async () => {
    const api = await mlreportApi();
    const editor = await openFixture(LABELED);
    await waitFor(() => api.outlineProvider.document?.uri.toString() === editor.document.uri.toString() && api.outlineProvider.checklist, { message: 'the checklist of the active report' });
    const before = group(api.outlineProvider.getChildren());
    assert.equal(before.children.length, 7);
    const groupItem = api.outlineProvider.getTreeItem(before);
    assert.equal(groupItem.label, 'Reproducibility');
    assert.equal(groupItem.description, '7/7');
    const seeds = before.children.find((child) => child.id === 'reproducibility/reproducibility-seeds');
    assert.ok(seeds);
    const met = api.outlineProvider.getTreeItem(seeds);
    assert.equal(met.label, '✓ Random seeds recorded');
    const seedLine = lineOf(editor.document, SEED_LINE);
    assert.deepEqual(met.command?.arguments?.slice(1, 2), [seedLine + 1], 'goes to the line that states the seeds');

    await editor.edit((builder) => builder.delete(new vscode.Range(seedLine, 0, seedLine + 2, 0)));
    await waitFor(() => /· reproducibility 6\/7$/.test(api.outlineView.description ?? ''), { message: 'the view title to count 6/7' });
    const after = group(api.outlineProvider.getChildren());
    const missing = after.children.find((child) => child.id === 'reproducibility/reproducibility-seeds');
    assert.ok(missing);
    const item = api.outlineProvider.getTreeItem(missing);
    assert.equal(item.label, '✗ Random seeds recorded');
    assert.equal((item.iconPath as vscode.ThemeIcon).id, 'error');
    const diagnostics = await settledDiagnostics(editor.document);
    const finding = diagnostics.find((diagnostic) => ruleOf(diagnostic) === 'reproducibility-seeds');
    assert.ok(finding, 'a reproducibility-seeds diagnostic');
    assert.equal(finding.severity, vscode.DiagnosticSeverity.Information);
    const code = finding.code as { value: string; target: vscode.Uri };
    const readmeLine = Number(/^L(\d+)$/.exec(code.target.fragment)?.[1]);
    assert.equal(readFileSync(code.target.fsPath, 'utf8').split(/\r?\n/)[readmeLine - 1], '### Rule: reproducibility-seeds', 'the code links to the rule\'s README section');
    assert.ok(item.command);
    assert.equal(item.command.arguments?.[1], finding.range.start.line + 1, 'goes to where the seeds belong');
    await vscode.commands.executeCommand(item.command.command, ...(item.command.arguments ?? []));
    assert.equal(vscode.window.activeTextEditor?.selection.start.line, finding.range.start.line);
  });
});
