import * as assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, posix } from 'node:path';
import * as vscode from 'vscode';
import { asyncConfigDiscovery } from '../../../src/core/configDiscovery';
import { vscodeConfigHost } from '../../../src/vscode/configFiles';
import { checkCase, DISCOVERY_CASES, writeCaseTree } from '../../support/configDiscoveryCases';
import { warmUp } from './api';
import { closeAllEditors, fixtureUri, waitFor, waitForDiagnostics } from './helpers';

describe('configuration discovery through vscode.workspace.fs', () => {
  let root = '';
  beforeEach(() => { root = mkdtempSync(join(tmpdir(), 'mlreport-discovery-')); });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  for (const testCase of DISCOVERY_CASES) {
    it(`the shared case: ${testCase.title}`, async () => {
      writeCaseTree(root, testCase.files);
      const rootUri = vscode.Uri.file(root);
      const at = (path: string): vscode.Uri => (path === '' ? rootUri : vscode.Uri.joinPath(rootUri, path));
      const result = await asyncConfigDiscovery(vscodeConfigHost).find(at(testCase.start), testCase.stop === undefined ? undefined : at(testCase.stop));
      checkCase(testCase, result, (uri) => posix.relative(rootUri.path, uri.path));
    });
  }
});

describe('an unreadable .mlreport.json', () => {
  before(warmUp);
  afterEach(closeAllEditors);

  it('is shown as an error on the file itself, and the report under it is linted with the defaults', async () => {
    const folder = fixtureUri('locked');
    mkdirSync(folder.fsPath, { recursive: true });
    const config = vscode.Uri.joinPath(folder, '.mlreport.json');
    symlinkSync('.mlreport.json', config.fsPath);
    const report = vscode.Uri.joinPath(folder, 'draft.md');
    writeFileSync(report.fsPath, '---\ntype: ml-experiment-report\n---\n# Draft\n');
    try {
      const editor = await vscode.window.showTextDocument(report);
      await waitForDiagnostics(editor.document.uri);
      const problems = await waitFor(() => {
        const found = vscode.languages.getDiagnostics(config);
        return found.length > 0 ? found : undefined;
      }, { message: 'the read error on .mlreport.json' });
      assert.equal(problems.length, 1);
      assert.match(problems[0]?.message ?? '', /^cannot read the configuration: \S/);
      assert.equal(problems[0]?.severity, vscode.DiagnosticSeverity.Error);
    } finally {
      rmSync(folder.fsPath, { recursive: true, force: true });
    }
  });
});
