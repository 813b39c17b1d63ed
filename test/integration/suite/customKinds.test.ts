import * as assert from 'node:assert/strict';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import * as vscode from 'vscode';
import { mlreportApi, warmUp } from './api';
import { closeAllEditors, executeCommand, fixtureUri, mlreportDiagnostics, ruleOf, sleep, waitFor, waitForDiagnostics } from './helpers';

const TEMPLATE = `---
title: {{TITLE}}
date: {{DATE}}
type: eval-note
---
<!-- mlreport: name Weekly Evaluation Note -->

# {{TITLE}}

## Summary
<!-- mlreport: aliases TL;DR -->

What changed this week, in two sentences.

## Results

| Model | F1 |
|-------|----|
| Model name | Score |
`;

/** The missing-section diagnostics' section titles. */
function missing(uri: vscode.Uri): string[] {
  return mlreportDiagnostics(uri).filter((d) => ruleOf(d) === 'missing-section').map((d) => /"([^"]+)"/.exec(d.message)?.[1] ?? d.message).sort();
}

describe('a custom kind from a team template', () => {
  before(warmUp);
  afterEach(closeAllEditors);

  it('New Report… creates a report of it, with diagnostics, outline and completion; saving the template re-lints it', async function () {
    this.timeout(120_000);
    const team = fixtureUri('team');
    mkdirSync(vscode.Uri.joinPath(team, 'templates').fsPath, { recursive: true });
    const templateUri = vscode.Uri.joinPath(team, 'templates', 'eval-note.md');
    writeFileSync(templateUri.fsPath, TEMPLATE);
    writeFileSync(vscode.Uri.joinPath(team, '.mlreport.json').fsPath, '{ "kinds": ["templates/eval-note.md"] }\n');
    try {
      const api = await mlreportApi();
      // New Report… asks which kind: the workspace's own come first; accept the first one.
      let done = false;
      const created = executeCommand<vscode.TextEditor>('mlreport.createReport').finally(() => { done = true; });
      // The picker opens once the workspace's configurations are read: accept until it has been.
      for (let attempt = 0; attempt < 60 && !done; attempt++) {
        await sleep(250);
        await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
      }
      const editor = await waitFor(() => created, { message: 'New Report… to open an editor', timeoutMs: 30_000 });
      const document = editor.document;
      assert.equal(document.uri.scheme, 'untitled');
      assert.match(document.uri.path, /\/team\/new-eval-note\.md$/);
      const text = await waitFor(() => document.getText() || undefined, { message: 'the template inserted' });
      assert.match(text, /^type: eval-note$/m);
      assert.ok(!text.includes('mlreport:'), 'annotations are stripped');

      // Diagnostics of the custom kind: its filler.
      const diagnostics = await waitForDiagnostics(document.uri, (found) => found.some((d) => document.getText(d.range) === 'What changed this week, in two sentences.'), { timeoutMs: 30_000 });
      assert.ok(diagnostics.some((d) => ruleOf(d) === 'unfilled-placeholder' && document.getText(d.range) === 'Model name'));
      assert.deepEqual(missing(document.uri), []);

      // The outline and completeness of the custom kind.
      await waitFor(() => api.outlineProvider.document?.uri.toString() === document.uri.toString() && api.outlineProvider.outline, { message: 'the outline' });
      assert.deepEqual(api.outlineProvider.getChildren().map((node) => node.title), ['Summary', 'Results']);
      assert.match(api.statusBarText() ?? '', /%/);

      // mlr- snippets of the custom kind.
      const end = document.lineAt(document.lineCount - 1).range.end;
      await editor.edit((builder) => builder.insert(end, '\nmlr-'));
      const position = document.lineAt(document.lineCount - 1).range.end;
      const completions = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', document.uri, position);
      const labels = completions.items.map((item) => (typeof item.label === 'string' ? item.label : item.label.label));
      assert.ok(labels.includes('mlr-eval-note-results'), labels.filter((label) => label.startsWith('mlr-')).join(', '));
      await editor.edit((builder) => builder.delete(new vscode.Range(end, position)));

      // The template gains a section; saving it re-lints the report, which now misses it.
      const templateEditor = await vscode.window.showTextDocument(templateUri, { preview: false });
      await templateEditor.edit((builder) => builder.insert(templateEditor.document.lineAt(templateEditor.document.lineCount - 1).range.end, '\n\n## Risks\n\nWhat could make these numbers wrong.\n'));
      assert.ok(await templateEditor.document.save());
      assert.deepEqual(mlreportDiagnostics(templateUri), [], 'the template itself is not linted as a report');
      await waitFor(() => missing(document.uri).includes('Risks') || undefined, { message: 'the report re-linted against the saved template', timeoutMs: 30_000 });
    } finally {
      await closeAllEditors();
      rmSync(team.fsPath, { recursive: true, force: true });
    }
  });

  it('a mistake in the team configuration is a problem on .mlreport.json at its line, and reports are still linted', async function () {
    this.timeout(60_000);
    const team = fixtureUri('team-broken');
    mkdirSync(team.fsPath, { recursive: true });
    const config = vscode.Uri.joinPath(team, '.mlreport.json');
    writeFileSync(config.fsPath, '{\n  "kinds": ["missing.md"]\n}\n');
    const report = vscode.Uri.joinPath(team, 'report.md');
    writeFileSync(report.fsPath, '---\ntype: ml-task-spec\n---\n# R\n');
    try {
      await vscode.window.showTextDocument(report);
      await waitForDiagnostics(report);
      const problems = await waitFor(() => {
        const found = vscode.languages.getDiagnostics(config);
        return found.length > 0 ? found : undefined;
      }, { message: 'the problem on .mlreport.json' });
      assert.equal(problems[0]?.range.start.line, 1);
      assert.match(problems[0]?.message ?? '', /"kinds\[0\]": template "missing\.md" cannot be read/);
      assert.equal(problems[0]?.severity, vscode.DiagnosticSeverity.Error);
    } finally {
      rmSync(team.fsPath, { recursive: true, force: true });
    }
  });
});
