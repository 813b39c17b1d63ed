import * as assert from 'node:assert/strict';
import { performance } from 'node:perf_hooks';
import * as vscode from 'vscode';
import { generateReport } from '../../../scripts/bench/generateReport';
import { DEFAULT_MAX_LIVE_LINT_SIZE } from '../../../src/vscode/settings';
import { mlreportApi, warmUp } from './api';
import { closeAllEditors, fixtureUri, mlreportDiagnostics, sleep, waitFor } from './helpers';

const REPORT_PATH = 'large/responsiveness-report.md';
const PING_COMMAND = 'mlreport.test.ping';
/** The speed issue's goal: not met yet on the 2-core machine (about 250-400 ms, GC pauses and the longest steps); printed with each run. */
const GOAL_MS = 100;
/**
 * What the test asserts meanwhile, as a guard: before the fixes that came with this test a command
 * waited 0.8 to 1.7 s (and 5 to 27 s with VS Code's Markdown extension in the window).
 */
const GUARD_MS = 1_000;
const PROBE_INTERVAL_MS = 5;
/** Long enough for a 2 MB first lint on a busy 2-core machine; how long the lint takes is not what is measured. */
const LINT_TIMEOUT_MS = 150_000;
/** What the window does with the diagnostics (outline, status bar) is measured too. */
const AFTER_LINT_MS = 1_000;
const MARKDOWN_LANGUAGE_FEATURES = 'vscode.markdown-language-features';

/** A realistic report (the benchmark's generator) of just under `limit` UTF-8 bytes: still linted live. */
function reportJustUnder(limit: number): string {
  let lines = 1_000;
  for (let attempt = 0; attempt < 6; attempt++) {
    const text = generateReport({ lines, seed: 10 });
    const bytes = Buffer.byteLength(text, 'utf8');
    if (bytes < limit && bytes >= limit * 0.97) return text;
    lines = Math.floor((lines * limit * 0.985) / bytes);
  }
  throw new Error(`could not generate a report of just under ${limit} bytes`);
}

interface Answer {
  /** When the command arrived, ms on performance.now()'s clock. */
  at: number;
  /** How long after it arrived it was answered. */
  ms: number;
}

/**
 * Runs a command of this extension host every few milliseconds, as if it arrived from the window
 * then, and records how long each took to answer from that moment: the time the host made it wait.
 * (The window's own round trip is not measured: code-server's workbench in headless Chromium takes
 * seconds to answer while it opens a 2 MB file, with no extension doing anything.)
 */
function probeCommands(command: string): { stop(): Promise<Answer[]> } {
  const answers: Answer[] = [];
  let running = true;
  const probing = (async () => {
    while (running) {
      const at = performance.now() + PROBE_INTERVAL_MS;
      await sleep(PROBE_INTERVAL_MS);
      await vscode.commands.executeCommand(command);
      answers.push({ at, ms: performance.now() - at });
    }
  })();
  return {
    async stop() {
      running = false;
      await probing;
      return answers;
    },
  };
}

function summary(answers: readonly Answer[]): string {
  const ms = answers.map((answer) => answer.ms).sort((a, b) => a - b);
  return `${ms.length} commands, max ${(ms[ms.length - 1] ?? NaN).toFixed(1)} ms, median ${(ms[Math.floor(ms.length / 2)] ?? NaN).toFixed(1)} ms`;
}

describe('responsiveness', () => {
  let ping: vscode.Disposable | undefined;

  before(async function () {
    await warmUp.call(this);
    ping = vscode.commands.registerCommand(PING_COMMAND, () => true);
  });

  after(async () => {
    await closeAllEditors();
    ping?.dispose();
    await vscode.workspace.fs.delete(fixtureUri('large'), { recursive: true });
  });

  it(`opening a report of just under 2 MB: no command waits more than ${GUARD_MS} ms for the extension host while the first lint runs (goal: ${GOAL_MS} ms)`, async function () {
    this.timeout(LINT_TIMEOUT_MS + 60_000);
    // Its client blocks the extension host for seconds on a 2 MB document, ML Report or not: it parses
    // the document with markdown-it for its language server and sends the tokens over IPC, in one task
    // (5 to 27 s measured on the 2-core machine, with ML Report's lint and preview plugin off).
    assert.equal(vscode.extensions.getExtension(MARKDOWN_LANGUAGE_FEATURES), undefined, `${MARKDOWN_LANGUAGE_FEATURES} is left out of this test's window (test/integration/windows.ts)`);
    const text = reportJustUnder(DEFAULT_MAX_LIVE_LINT_SIZE);
    const uri = fixtureUri(REPORT_PATH);
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
    // Receiving a 2 MB document is a task of VS Code's own in the extension host, before any extension hears of it.
    const document = await vscode.workspace.openTextDocument(uri);

    const probe = probeCommands(PING_COMMAND);
    const opened = performance.now();
    await vscode.window.showTextDocument(document, { preview: false });
    await waitFor(() => mlreportDiagnostics(uri).length > 0, { message: 'the first lint of the large report', timeoutMs: LINT_TIMEOUT_MS, intervalMs: 20 });
    const linted = performance.now();
    await sleep(AFTER_LINT_MS);
    const answers = await probe.stop();

    const whileLinting = answers.filter((answer) => answer.at < linted);
    const afterwards = answers.filter((answer) => answer.at >= linted);
    console.log(`responsiveness: ${Buffer.byteLength(text, 'utf8')} bytes, ${document.lineCount} lines, ${mlreportDiagnostics(uri).length} diagnostics after ${(linted - opened).toFixed(0)} ms; `
      + `while linting: ${summary(whileLinting)}; in the ${AFTER_LINT_MS} ms after: ${summary(afterwards)}; `
      + `goal (every wait ≤ ${GOAL_MS} ms): ${answers.every((answer) => answer.ms <= GOAL_MS) ? 'PASS' : 'MISS'}`);

    // The commands ran while the lint did, and the lint finished: the diagnostics are its whole result.
    assert.ok(whileLinting.length >= 20, `only ${whileLinting.length} commands ran while the report was linted`);
    const result = await mlreportApi().then((api) => api.lintNow(uri));
    assert.ok(result && result.findings.length > 0, 'the large report is linted as a report');
    assert.equal(mlreportDiagnostics(uri).length, result.findings.length);
    const slowest = [...answers].sort((a, b) => b.ms - a.ms).slice(0, 5);
    assert.ok(slowest.every((answer) => answer.ms <= GUARD_MS), `commands waited up to ${slowest.map((answer) => `${answer.ms.toFixed(0)} ms (at +${(answer.at - opened).toFixed(0)} ms)`).join(', ')}`);
  });
});
