import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { generateReport } from '../../../scripts/bench/generateReport';
import { warmUp } from './api';
import { closeAllEditors, fixtureUri, mlreportDiagnostics, waitFor } from './helpers';

describe('responsiveness', () => {
  before(warmUp);
  after(closeAllEditors);

  it('answers a command within 100 ms while it lints a 2 MB report it just opened', async function () {
    this.timeout(180_000);
    const uri = fixtureUri('reports/big-2mb.md');
    // A complete report with ~1,300 experiment runs (the benchmark's generator): just under 2 MB.
    const text = generateReport({ lines: 52_000, seed: 2 });
    assert.ok(text.length > 1_800_000 && new TextEncoder().encode(text).length < 2_000_000, `${text.length} characters`);
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
    const ping = vscode.commands.registerCommand('mlreportTest.ping', () => 'pong');
    try {
      const document = await vscode.workspace.openTextDocument(uri);
      await vscode.window.showTextDocument(document, { preview: false });
      const latencies: number[] = [];
      let linted = false;
      const lint = waitFor(() => mlreportDiagnostics(uri).length > 0, { message: 'the lint of the 2 MB report', timeoutMs: 170_000, intervalMs: 20 }).then(() => {
        linted = true;
      });
      // Each turn runs the command and then waits 5 ms, so a stretch the extension host spent on
      // the lint, at any moment, lengthens a turn.
      while (!linted) {
        const started = performance.now();
        assert.equal(await vscode.commands.executeCommand('mlreportTest.ping'), 'pong');
        await new Promise((resolve) => setTimeout(resolve, 5));
        latencies.push(performance.now() - started);
      }
      await lint;
      assert.ok(latencies.length >= 20, `only ${latencies.length} commands ran during the lint: it was too short to tell`);
      const slowest = Math.max(...latencies);
      assert.ok(slowest <= 105, `the slowest of ${latencies.length} turns (command + 5 ms) took ${slowest.toFixed(0)} ms`);
    } finally {
      ping.dispose();
      await closeAllEditors();
      await vscode.workspace.fs.delete(uri);
    }
  });
});
