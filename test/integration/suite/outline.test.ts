import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { OutlineNode } from '../../../src/core';
import { findKind } from '../../../src/core';
import { BROKEN_REPORT, lineOf, mlreportApi, warmUp } from './api';
import { closeAllEditors, getExtension, openFixture, waitFor } from './helpers';

interface Menus {
  'view/item/context': { command: string; when: string; group: string }[];
}

async function outlineOf(uri: vscode.Uri): Promise<OutlineNode[]> {
  const api = await mlreportApi();
  await waitFor(() => api.outlineProvider.document?.uri.toString() === uri.toString() && api.outlineProvider.outline, { message: 'the outline of the active report' });
  return api.outlineProvider.getChildren();
}

function node(nodes: readonly OutlineNode[], id: string): OutlineNode {
  const found = nodes.flatMap((candidate) => [candidate, ...candidate.children]).find((candidate) => candidate.id === id);
  assert.ok(found, `outline node ${id}`);
  return found;
}

describe('outline view and status bar', () => {
  before(warmUp);
  afterEach(closeAllEditors);

  it('lists the kind\'s sections in template order, with subsections, each with its status', async () => {
    const api = await mlreportApi();
    const editor = await openFixture(BROKEN_REPORT);
    const nodes = await outlineOf(editor.document.uri);
    const kind = findKind('ml-experiment-report');
    assert.ok(kind);
    assert.deepEqual(nodes.map((candidate) => candidate.title), [...kind.sections.map((section) => section.title), 'Reproducibility']);
    assert.deepEqual(node(nodes, 'conclusions').children.map((child) => child.title), ['Summary', 'Did We Meet Objectives?', 'Lessons Learned']);

    const statuses = Object.fromEntries(['objective', 'dataset', 'robustness', 'conclusions/lessons-learned', 'results/quantitative-results'].map((id) => [id, node(nodes, id).status]));
    assert.deepEqual(statuses, {
      objective: 'complete',
      dataset: 'problems',
      robustness: 'missing',
      'conclusions/lessons-learned': 'missing',
      'results/quantitative-results': 'complete',
    });

    const missing = api.outlineProvider.getTreeItem(node(nodes, 'robustness'));
    assert.equal(missing.contextValue, 'missing');
    assert.equal((missing.iconPath as vscode.ThemeIcon).id, 'circle-slash');
    assert.equal(missing.description, 'missing');
    assert.equal(missing.command, undefined);

    const complete = api.outlineProvider.getTreeItem(node(nodes, 'objective'));
    assert.equal((complete.iconPath as vscode.ThemeIcon).id, 'pass');
    assert.equal(complete.contextValue, 'present');

    const problems = api.outlineProvider.getTreeItem(node(nodes, 'dataset'));
    assert.equal((problems.iconPath as vscode.ThemeIcon).id, 'warning');
    assert.equal(problems.description, '1 problem');

    const outline = api.outlineProvider.outline;
    assert.ok(outline);
    assert.equal(api.outlineView.description, `${outline.completeness}% complete · reproducibility 8/8`);
    assert.ok(outline.completeness > 50 && outline.completeness < 100, `completeness ${outline.completeness}`);
    assert.equal(api.statusBarText(), `$(checklist) ${outline.completeness}% · 1 placeholder`);
  });

  it('reveals a present section\'s heading when its item is clicked', async () => {
    const api = await mlreportApi();
    const editor = await openFixture(BROKEN_REPORT);
    const nodes = await outlineOf(editor.document.uri);
    const item = api.outlineProvider.getTreeItem(node(nodes, 'results'));
    assert.ok(item.command);
    editor.selection = new vscode.Selection(0, 0, 0, 0);
    await vscode.commands.executeCommand(item.command.command, ...(item.command.arguments ?? []));
    const active = vscode.window.activeTextEditor;
    assert.equal(active?.document.uri.toString(), editor.document.uri.toString());
    assert.equal(active?.selection.start.line, lineOf(editor.document, '## 5. Results'));
    assert.equal(active?.document.getText(active.selection), '## 5. Results');
  });

  it('offers Insert Section inline on missing sections, which inserts it and updates the outline', async () => {
    const inline = (getExtension().packageJSON as { contributes: { menus: Menus } }).contributes.menus['view/item/context'];
    assert.deepEqual(inline, [{ command: 'mlreport.insertSection', when: 'view == mlreport.outline && viewItem == missing', group: 'inline' }]);

    const api = await mlreportApi();
    const editor = await openFixture(BROKEN_REPORT);
    const nodes = await outlineOf(editor.document.uri);
    assert.equal(await vscode.commands.executeCommand('mlreport.insertSection', node(nodes, 'conclusions/lessons-learned')), true);
    assert.ok(lineOf(editor.document, '### 9.3 Lessons Learned') > lineOf(editor.document, '### 9.2 Did We Meet Objectives?'));
    await waitFor(() => api.outlineProvider.outline && node(api.outlineProvider.getChildren(), 'conclusions/lessons-learned').status !== 'missing', { message: 'the outline to show the inserted subsection' });
  });

  it('updates as the user types', async () => {
    const api = await mlreportApi();
    const editor = await openFixture(BROKEN_REPORT);
    await outlineOf(editor.document.uri);
    const heading = lineOf(editor.document, '## 1. Objective');
    await editor.edit((builder) => builder.replace(editor.document.lineAt(heading).range, 'Objective, demoted to a paragraph'));
    await waitFor(() => node(api.outlineProvider.getChildren(), 'objective').status === 'missing', { message: 'the deleted section to show as missing' });
  });

  it('follows the active editor: hidden for other Markdown, shown again for a report', async () => {
    const api = await mlreportApi();
    const report = await openFixture(BROKEN_REPORT);
    await outlineOf(report.document.uri);
    await openFixture('notes.md');
    await waitFor(() => api.outlineProvider.outline === undefined, { message: 'the outline to clear' });
    assert.deepEqual(api.outlineProvider.getChildren(), []);
    assert.equal(api.statusBarText(), undefined);
    const other = await openFixture('experiment-report.md');
    const nodes = await outlineOf(other.document.uri);
    assert.ok(nodes.length > 10);
    assert.match(api.statusBarText() ?? '', /^\$\(checklist\) \d+% · \d+ placeholders$/);
  });
});
