// Runs the integration suite in a real VS Code through @vscode/test-electron's runTests.
// VSCODE_EXECUTABLE_PATH chooses the program runTests starts (here: the code-server launcher,
// see scripts/vscode-test/); without it, runTests downloads desktop VS Code as usual.
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { spawnSync } from 'node:child_process';
import { downloadAndUnzipVSCode, resolveCliArgsFromVSCodeExecutablePath, runTests } from '@vscode/test-electron';
import { buildSuite } from './buildSuite';
import type { TestWindow } from './windows';
import { planWindows } from './windows';

interface SuiteResult {
  passed: number;
  failed: number;
}

const repoRoot = resolve(__dirname, '..', '..');
const fixtureWorkspace = join(repoRoot, 'test', 'integration', 'workspace');
const USAGE = [
  'usage: runTests.ts [--grep PATTERN] [--vsix FILE]',
  '  --grep PATTERN  runs the tests whose full title matches PATTERN',
  '  --vsix FILE     installs FILE (npm run package) and tests that installed extension instead of the source tree',
].join('\n');

interface RunOptions {
  grep: string | undefined;
  vsix: string | undefined;
}

function parseArguments(argv: string[]): RunOptions {
  const options: RunOptions = { grep: undefined, vsix: undefined };
  for (let i = 0; i < argv.length; i += 1) {
    const [flag, inline] = (argv[i] ?? '').split(/=(.*)/s, 2);
    const value = inline ?? argv[(i += 1)];
    if (!value || (flag !== '--grep' && flag !== '--vsix')) throw new Error(USAGE);
    if (flag === '--grep') options.grep = value;
    else options.vsix = resolve(value);
  }
  if (options.vsix && !existsSync(options.vsix)) throw new Error(`no such file: ${options.vsix} (run npm run package first)`);
  return options;
}

/** Desktop VS Code (downloaded by @vscode/test-electron) installs the .vsix with its own command line. */
function installInDesktopVsCode(vscodeExecutablePath: string, vsix: string, extensionsDir: string): void {
  const [cli, ...args] = resolveCliArgsFromVSCodeExecutablePath(vscodeExecutablePath);
  if (!cli) throw new Error(`no VS Code command line beside ${vscodeExecutablePath}`);
  const install = spawnSync(cli, [...args, '--extensions-dir', extensionsDir, '--install-extension', vsix], { encoding: 'utf8', stdio: 'inherit' });
  if (install.status !== 0) throw new Error(`VS Code could not install ${vsix}`);
}

function readResult(file: string): SuiteResult | undefined {
  if (!existsSync(file)) return undefined;
  return JSON.parse(readFileSync(file, 'utf8')) as SuiteResult;
}

interface WindowRun {
  scratch: string;
  extensionTestsPath: string;
  options: RunOptions;
  window: TestWindow;
}

/** Runs one window's test files in a VS Code of its own, with its own copy of the fixtures. */
async function runWindow({ scratch, extensionTestsPath, options, window }: WindowRun, index: number): Promise<{ result: SuiteResult | undefined; exitCode: number }> {
  const { grep, vsix } = options;
  const dir = join(scratch, `window-${index}`);
  const workspace = join(dir, 'workspace');
  const userDataDir = join(dir, 'user-data');
  const resultFile = join(dir, 'result.json');
  cpSync(fixtureWorkspace, workspace, { recursive: true });
  mkdirSync(join(userDataDir, 'User'), { recursive: true });
  writeFileSync(join(userDataDir, 'User', 'settings.json'), JSON.stringify({ 'files.autoSave': 'off' }));
  if (window.withoutExtensions.length > 0) console.log(`integration suite: ${window.files.join(', ')} in a window without ${window.withoutExtensions.join(', ')}`);

  const executable = process.env.VSCODE_EXECUTABLE_PATH;
  const extensionsDir = join(dir, 'extensions');
  // VS Code runs a test suite only beside an extension under development: with --vsix that is an
  // empty folder, and the extension under test is the installed one.
  const extensionDevelopmentPath = vsix ? join(dir, 'no-extension-under-development') : repoRoot;
  mkdirSync(extensionDevelopmentPath, { recursive: true });
  let exitCode: number;
  try {
    let vscodeExecutablePath = executable ? resolve(executable) : undefined;
    if (vsix && executable) process.env['MLREPORT_INSTALL_VSIX'] = vsix; // the code-server launcher installs it
    if (vsix && !vscodeExecutablePath) {
      vscodeExecutablePath = await downloadAndUnzipVSCode();
      installInDesktopVsCode(vscodeExecutablePath, vsix, extensionsDir);
    }
    exitCode = await runTests({
      ...(vscodeExecutablePath ? { vscodeExecutablePath } : {}),
      extensionDevelopmentPath,
      extensionTestsPath,
      // --disable-extensions would disable the installed extension too.
      launchArgs: [
        workspace, `--user-data-dir=${userDataDir}`, `--extensions-dir=${extensionsDir}`, ...(vsix ? [] : ['--disable-extensions']),
        ...window.withoutExtensions.map((id) => `--disable-extension=${id}`),
      ],
      extensionTestsEnv: {
        MLREPORT_INTEGRATION_RESULT: resultFile,
        MLREPORT_INTEGRATION_FILES: window.files.join(','),
        ...(grep ? { MLREPORT_INTEGRATION_GREP: grep } : {}),
        ...(vsix ? { MLREPORT_INTEGRATION_VSIX: vsix } : {}),
      },
    });
  } catch (error) {
    // runTests rejects when the window exits non-zero, which it does when a test failed.
    console.error(error instanceof Error ? error.message : error);
    exitCode = 1;
  }
  const result = readResult(resultFile);
  if (!result) console.error(`integration suite: the window for ${window.files.join(', ')} reported no results (exit code ${exitCode})`);
  return { result, exitCode };
}

async function main(): Promise<number> {
  let options: RunOptions;
  try {
    options = parseArguments(process.argv.slice(2));
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
  const { grep, vsix } = options;
  console.log(`integration suite: ${testFiles.length} test files${grep ? `, tests matching /${grep}/` : ''}${vsix ? `, against the extension installed from ${vsix}` : ''}`);
  const windows = planWindows(testFiles.map((name) => name.replace(/\.ts$/, '.js')));
  const total: SuiteResult = { passed: 0, failed: 0 };
  let complete = true;
  for (const [index, window] of windows.entries()) {
    const { result, exitCode } = await runWindow({ scratch, extensionTestsPath, options, window }, index);
    if (!result || exitCode !== 0) complete = false;
    total.passed += result?.passed ?? 0;
    total.failed += result?.failed ?? 0;
  }
  rmSync(scratch, { recursive: true, force: true });

  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  console.log(`integration suite: ${seconds} s wall time`);
  console.log(`${total.passed} passed, ${total.failed} failed`);
  return !complete || total.failed > 0 || total.passed === 0 ? 1 : 0;
}

main().then((code) => { process.exitCode = code; }, (error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
