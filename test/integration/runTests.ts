// Runs the integration suite in a real VS Code through @vscode/test-electron's runTests.
// VSCODE_EXECUTABLE_PATH chooses the program runTests starts (here: the code-server launcher,
// see scripts/vscode-test/); without it, runTests downloads desktop VS Code as usual.
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { runTests } from '@vscode/test-electron';

interface SuiteResult {
  passed: number;
  failed: number;
}

const repoRoot = resolve(__dirname, '..', '..');
const extensionTestsPath = join(repoRoot, 'out', 'integration', 'suite', 'index.js');
const fixtureWorkspace = join(repoRoot, 'test', 'integration', 'workspace');

function readResult(file: string): SuiteResult | undefined {
  if (!existsSync(file)) return undefined;
  return JSON.parse(readFileSync(file, 'utf8')) as SuiteResult;
}

async function main(): Promise<number> {
  if (!existsSync(extensionTestsPath)) {
    console.error(`${extensionTestsPath} is missing: run \`node test/integration/build.mjs\` first`);
    return 2;
  }
  const started = Date.now();
  // Each run gets a copy of the fixtures, so a test can never rewrite the real ones.
  const scratch = mkdtempSync(join(tmpdir(), 'mlreport-integration-'));
  const workspace = join(scratch, 'workspace');
  const userDataDir = join(scratch, 'user-data');
  const resultFile = join(scratch, 'result.json');
  cpSync(fixtureWorkspace, workspace, { recursive: true });
  mkdirSync(join(userDataDir, 'User'), { recursive: true });
  writeFileSync(join(userDataDir, 'User', 'settings.json'), JSON.stringify({ 'files.autoSave': 'off' }));

  const executable = process.env.VSCODE_EXECUTABLE_PATH;
  let exitCode: number;
  try {
    exitCode = await runTests({
      ...(executable ? { vscodeExecutablePath: resolve(executable) } : {}),
      extensionDevelopmentPath: repoRoot,
      extensionTestsPath,
      launchArgs: [workspace, `--user-data-dir=${userDataDir}`, `--extensions-dir=${join(scratch, 'extensions')}`, '--disable-extensions'],
      extensionTestsEnv: { MLREPORT_INTEGRATION_RESULT: resultFile },
    });
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    exitCode = 1;
  }
  const result = readResult(resultFile);
  rmSync(scratch, { recursive: true, force: true });

  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  if (!result) {
    console.error(`integration suite reported no results (exit code ${exitCode}, ${seconds} s)`);
    return exitCode === 0 ? 1 : exitCode;
  }
  console.log(`integration suite: ${seconds} s wall time`);
  console.log(`${result.passed} passed, ${result.failed} failed`);
  return exitCode !== 0 || result.failed > 0 || result.passed === 0 ? 1 : 0;
}

main().then((code) => { process.exitCode = code; }, (error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
