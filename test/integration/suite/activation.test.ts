import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { EXTENSION_ID, closeAllEditors, getExtension, openFixture, waitFor } from './helpers';

interface Manifest {
  name: string;
  publisher: string;
  main: string;
  contributes?: Record<string, unknown>;
}

describe('activation', () => {
  afterEach(closeAllEditors);

  it('finds the extension by its id: the one under development, or the one installed from the .vsix', () => {
    const extension = getExtension();
    const installedFrom = process.env['MLREPORT_INTEGRATION_VSIX'];
    // An installed extension lives in the extensions folder as <publisher>.<name>-<version>, never in the source tree.
    if (installedFrom) assert.match(extension.extensionPath, /[\\/]extensions[\\/]mlreport\.mlreport-\d+\.\d+\.\d+[\\/]?$/);
    else assert.doesNotMatch(extension.extensionPath, /[\\/]extensions[\\/]mlreport\.mlreport-/);
    assert.equal(extension.id, EXTENSION_ID);
    const manifest = extension.packageJSON as Manifest;
    assert.equal(manifest.publisher, 'mlreport');
    assert.equal(manifest.name, 'mlreport');
    assert.equal(manifest.main, './dist/extension.js');
  });

  it('runs in the window the tests run in, with the fixture workspace open', () => {
    const folders = vscode.workspace.workspaceFolders ?? [];
    assert.equal(folders.length, 1);
    assert.equal(vscode.workspace.getConfiguration('files').get('autoSave'), 'off');
  });

  it('activates when a report file is opened', async () => {
    const editor = await openFixture('experiment-report.md');
    assert.equal(editor.document.languageId, 'markdown');
    await waitFor(() => getExtension().isActive, { message: `${EXTENSION_ID} to activate` });
  });
});
