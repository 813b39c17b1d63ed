// Runs the integration suite in a real VS Code through @vscode/test-electron's runTests.
// VSCODE_EXECUTABLE_PATH chooses the program runTests starts (here: the code-server launcher,
// see scripts/vscode-test/); without it, runTests downloads desktop VS Code as usual.
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { runTests } from '@vscode/test-electron';
import { buildSuite } from './buildSuite';

interface SuiteResult {
  passed: number;
  failed: number;
}

const repoRoot = resolve(__dirname, '..', '..');
const fixtureWorkspace = join(repoRoot, 'test', 'integration', 'workspace');
const USAGE = 'usage: runTests.ts [--grep PATTERN]   (runs the tests whose full title matches PATTERN)';

function parseGrep(argv: string[]): string | undefined {
  if (argv.length === 0) return undefined;
  const [flag, value] = argv;
  if (argv.length === 2 && flag === '--grep' && value) return value;
  const inline = argv.length === 1 && flag?.startsWith('--grep=') ? flag.slice('--grep='.length) : '';
  if (inline) return inline;
  throw new Error(USAGE);
}

function readResult(file: string): SuiteResult | undefined {
  if (!existsSync(file)) return undefined;
  return JSON.parse(readFileSync(file, 'utf8')) as SuiteResult;
}

async function main(): Promise<number> {
  let grep: string | undefined;
  try {
    grep = parseGrep(process.argv.slice(2));
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    return 2;
  }
  const started = Date.now();
  // Each run gets its own build of the suite and a copy of the fixtures: runs side by side
  // don't disturb each other, and a test can never rewrite the real fixtures.
  const scratch = mkdtempSync(join(tmpdir(), 'mlreport-integration-'));
  const extensionTestsPath = join(scratch, 'suite', 'index.js');
  const testFiles = await buildSuite(join(scratch, 'suite'));
  console.log(`integration suite: ${testFiles.length} test files${grep ? `, tests matching /${grep}/` : ''}`);
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
      extensionTestsEnv: { MLREPORT_INTEGRATION_RESULT: resultFile, ...(grep ? { MLREPORT_INTEGRATION_GREP: grep } : {}) },
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
