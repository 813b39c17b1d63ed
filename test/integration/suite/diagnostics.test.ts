import { basename } from 'node:path';
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { BROKEN_REPORT, byLine, lineOf, mlreportApi, settledDiagnostics, summarize, warmUp } from './api';
import { closeAllEditors, fixtureUri, getExtension, mlreportDiagnostics, openFixture, ruleOf, sleep, updateSetting, waitFor, waitForDiagnostics } from './helpers';

/** What `mlreport lint --format json` reports for the fixture (checked against the CLI when the fixture was written). */
const BROKEN_REPORT_FINDINGS: [string, number, string][] = [
  ['unfilled-placeholder', 15, 'Warning'],
  ['table-column-count', 75, 'Warning'],
  ['table-column-count', 204, 'Warning'],
  ['table-column-count', 223, 'Error'],
  ['missing-section', 252, 'Warning'],
  ['missing-section', 279, 'Information'],
];

describe('live diagnostics', () => {
  before(warmUp);
  afterEach(closeAllEditors);

  it('lints a report on open: rule ids, lines, severities, exact ranges, source and a link to the rule', async () => {
    const editor = await openFixture(BROKEN_REPORT);
    const diagnostics = await waitForDiagnostics(editor.document.uri, (found) => found.length === BROKEN_REPORT_FINDINGS.length);
    assert.deepEqual(diagnostics.map(summarize).sort(byLine), BROKEN_REPORT_FINDINGS);
    const placeholder = diagnostics.find((diagnostic) => ruleOf(diagnostic) === 'unfilled-placeholder');
    assert.ok(placeholder);
    assert.equal(editor.document.getText(placeholder.range), 'Draft / Final / In Review');
    assert.equal(placeholder.source, 'mlreport');
    const code = placeholder.code as { value: string; target: vscode.Uri };
    assert.equal(code.target.with({ fragment: '' }).toString(), vscode.Uri.joinPath(getExtension().extensionUri, basename(code.target.path)).toString(), 'the README shipped with the extension');
    assert.match(basename(code.target.path), /^readme\.md$/i);
    assert.match(code.target.fragment, /^L\d+$/);
  });

  it('leaves Markdown files that are not reports alone', async () => {
    const api = await mlreportApi();
    const editor = await openFixture('notes.md');
    assert.equal(await api.lintNow(editor.document.uri), undefined);
    await sleep(500);
    assert.deepEqual(mlreportDiagnostics(editor.document.uri), []);
    assert.equal(api.isReport(editor.document.uri), false);
  });

  it('re-lints as the user types, after the debounce, for the current version only', async () => {
    const editor = await openFixture(BROKEN_REPORT);
    await waitForDiagnostics(editor.document.uri, (found) => found.length === BROKEN_REPORT_FINDINGS.length);
    const row = lineOf(editor.document, '| Test | 872 |');
    await editor.edit((builder) => builder.insert(editor.document.lineAt(row).range.end, ' 1.3% |'));
    await editor.edit((builder) => builder.insert(new vscode.Position(0, 0), ''));
    const after = await waitForDiagnostics(editor.document.uri, (found) => found.length === BROKEN_REPORT_FINDINGS.length - 1);
    assert.ok(after.every((diagnostic) => diagnostic.range.start.line !== row), 'the fixed row is no longer reported');
    const version = editor.document.version;
    const settled = await settledDiagnostics(editor.document);
    assert.equal(editor.document.version, version);
    assert.deepEqual(settled.map(summarize).sort(byLine), BROKEN_REPORT_FINDINGS.filter(([, line]) => line !== 75));
  });

  it('clears a document\'s diagnostics when it is closed', async () => {
    const editor = await openFixture(BROKEN_REPORT);
    const uri = editor.document.uri;
    await waitForDiagnostics(uri);
    await closeAllEditors();
    await waitFor(() => mlreportDiagnostics(uri).length === 0, { message: 'diagnostics to clear on close', timeoutMs: 20_000 });
  });

  it('applies per-rule severities from the mlreport.rules setting, and "off"', async () => {
    const restore = await updateSetting('mlreport', 'rules', { 'table-column-count': 'off', 'missing-section': 'error' });
    try {
      const editor = await openFixture(BROKEN_REPORT);
      const diagnostics = await waitForDiagnostics(editor.document.uri, (found) => found.length === 3 && found.every((diagnostic) => ruleOf(diagnostic) !== 'table-column-count'));
      assert.deepEqual(diagnostics.map(summarize).sort(byLine), [
        ['unfilled-placeholder', 15, 'Warning'],
        ['missing-section', 252, 'Error'],
        ['missing-section', 279, 'Error'],
      ]);
    } finally {
      await restore();
    }
  });

  it('lints Markdown files without a type: that match the mlreport.files globs', async () => {
    const api = await mlreportApi();
    const before = await openFixture('drafts/untyped.md');
    assert.equal(await api.lintNow(before.document.uri), undefined, 'not a report before the setting');
    const restore = await updateSetting('mlreport', 'files', ['drafts/**/*.md']);
    try {
      const diagnostics = await waitForDiagnostics(before.document.uri);
      assert.ok(diagnostics.some((diagnostic) => ruleOf(diagnostic) === 'frontmatter'), 'reports the missing front matter');
      assert.ok(diagnostics.some((diagnostic) => diagnostic.message.includes('ml-experiment-report')), 'linted as the default kind');
    } finally {
      await restore();
    }
    await waitFor(() => mlreportDiagnostics(before.document.uri).length === 0, { message: 'diagnostics to go when the glob is removed' });
  });

  it('reads the workspace .mlreport.json: its files, kind and rules', async () => {
    const editor = await openFixture('configured/plain.md');
    const diagnostics = await waitForDiagnostics(editor.document.uri);
    const rules = new Set(diagnostics.map(ruleOf));
    assert.ok(rules.has('frontmatter'));
    assert.ok(!rules.has('empty-section'), 'empty-section is off in the config file');
    assert.ok(diagnostics.some((diagnostic) => diagnostic.message.startsWith('Missing section "Problem Definition": it belongs ')));
  });

  it('drops the problems of report files that are not open when the settings change: they were found under the old ones', async () => {
    const uri = fixtureUri(BROKEN_REPORT);
    await vscode.commands.executeCommand('mlreport.lintWorkspace');
    await waitForDiagnostics(uri, (found) => found.length === BROKEN_REPORT_FINDINGS.length);
    const restore = await updateSetting('mlreport', 'debounceMs', 301);
    try {
      await waitFor(() => mlreportDiagnostics(uri).length === 0, { message: 'the workspace lint\'s problems to go' });
    } finally {
      await restore();
    }
  });

  it('lints a document above mlreport.maxLiveLintSize only on save and on demand, and says so in the status bar', async () => {
    const api = await mlreportApi();
    const restore = await updateSetting('mlreport', 'maxLiveLintSize', 1000);
    try {
      const editor = await openFixture(BROKEN_REPORT);
      await waitFor(() => api.statusBarText()?.includes('lints on save'), { message: 'the size note in the status bar' });
      await vscode.commands.executeCommand('mlreport.lintWorkspace');
      await waitForDiagnostics(editor.document.uri, (found) => found.length === BROKEN_REPORT_FINDINGS.length);
      const row = lineOf(editor.document, '| Test | 872 |');
      await editor.edit((builder) => builder.insert(editor.document.lineAt(row).range.end, ' 1.3% |'));
      await sleep(1500);
      assert.equal(mlreportDiagnostics(editor.document.uri).length, BROKEN_REPORT_FINDINGS.length, 'not re-linted as the user types');
      assert.ok(await api.lintNow(editor.document.uri));
      await waitForDiagnostics(editor.document.uri, (found) => found.length === BROKEN_REPORT_FINDINGS.length - 1);
    } finally {
      await restore();
    }
  });
});

describe('.mlreport.json', () => {
  before(warmUp);
  afterEach(closeAllEditors);

  it('shows its problems on the file itself and is read again when it changes', async () => {
    const folder = fixtureUri('config-edit');
    const config = vscode.Uri.joinPath(folder, '.mlreport.json');
    const write = (value: unknown): Thenable<void> => vscode.workspace.fs.writeFile(config, new TextEncoder().encode(JSON.stringify(value)));
    await write({ files: ['*.md'], rules: { 'section-order': 'warn' } });
    const report = vscode.Uri.joinPath(folder, 'draft.md');
    await vscode.workspace.fs.writeFile(report, new TextEncoder().encode('# Draft\n\n## Results\n\nNumbers.\n'));

    const editor = await vscode.window.showTextDocument(report);
    await waitForDiagnostics(editor.document.uri, (found) => found.some((diagnostic) => ruleOf(diagnostic) === 'frontmatter'));
    const problems = await waitFor(() => {
      const found = vscode.languages.getDiagnostics(config);
      return found.length > 0 ? found : undefined;
    }, { message: 'diagnostics on .mlreport.json' });
    assert.match(problems[0]?.message ?? '', /did you mean "warning"/);

    await write({});
    await waitFor(() => mlreportDiagnostics(editor.document.uri).length === 0, { message: 'the file to stop being a report once the glob is gone' });
    await waitFor(() => vscode.languages.getDiagnostics(config).length === 0, { message: 'the config problems to go' });
  });
});
