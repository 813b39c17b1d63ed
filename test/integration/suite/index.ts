// Entry point that VS Code's extension host loads as `extensionTestsPath`: runs every
// compiled `*.test.js` beside this file with mocha, prints a plain summary line and rejects
// on any failure, which makes VS Code exit non-zero.
import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Mocha from 'mocha';

export interface SuiteResult {
  passed: number;
  failed: number;
}

/** Set by the runner on the outside through `extensionTestsEnv`: where it wants the counts, and a filter. */
const RESULT_FILE_VARIABLE = 'MLREPORT_INTEGRATION_RESULT';
const GREP_VARIABLE = 'MLREPORT_INTEGRATION_GREP';
/** The test files this window runs, comma-separated (test/integration/windows.ts); all when unset. */
const FILES_VARIABLE = 'MLREPORT_INTEGRATION_FILES';

function runMocha(mocha: Mocha): Promise<SuiteResult> {
  return new Promise((resolve) => {
    const result: SuiteResult = { passed: 0, failed: 0 };
    const runner = mocha.run(() => resolve(result));
    runner.on(Mocha.Runner.constants.EVENT_TEST_PASS, () => { result.passed += 1; });
    runner.on(Mocha.Runner.constants.EVENT_TEST_FAIL, () => { result.failed += 1; });
  });
}

export async function run(): Promise<void> {
  const mocha = new Mocha({ ui: 'bdd', color: false, timeout: 30_000, slow: 2_000 });
  const grep = process.env[GREP_VARIABLE];
  if (grep) mocha.grep(new RegExp(grep));
  const only = process.env[FILES_VARIABLE]?.split(',');
  const testFiles = readdirSync(__dirname).filter((name) => name.endsWith('.test.js') && (!only || only.includes(name))).sort();
  for (const name of testFiles) mocha.addFile(join(__dirname, name));

  const result = await runMocha(mocha);
  console.log(`${result.passed} passed, ${result.failed} failed`);
  const resultFile = process.env[RESULT_FILE_VARIABLE];
  if (resultFile) writeFileSync(resultFile, JSON.stringify(result));
  if (result.failed > 0) throw new Error(`${result.failed} integration test(s) failed`);
  // With a filter, this window may hold none of the tests it matches: the runner checks the total.
  if (result.passed === 0 && !grep) throw new Error(`no integration tests ran (looked for ${only ? only.join(', ') : '*.test.js'} in ${__dirname})`);
}
