import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { generateReport } from '../../scripts/bench/generateReport';
import type { LintTask } from '../../src/cli/lintFile';
import { lintFiles } from '../../src/cli/parallelLint';

describe('CLI lint on worker threads', () => {
  let dir = '';
  const tasks: LintTask[] = [];
  before(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'mlreport-parallel-'));
    for (let i = 0; i < 40; i++) {
      const file = path.join(dir, `report-${String(i).padStart(2, '0')}.md`);
      const text = i === 7 ? 'no front matter\n' : generateReport({ lines: 1500 + i * 10, seed: i });
      writeFileSync(file, text);
      tasks.push({ file, shownAs: path.basename(file), configPath: undefined, configFailure: i === 9 ? 'not linted: its configuration x is unusable' : undefined });
    }
    tasks.push({ file: path.join(dir, 'missing.md'), shownAs: 'missing.md', configPath: undefined, configFailure: undefined });
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('gives every file the outcome a lint on this thread gives, in the same order', function () {
    this.timeout(300_000);
    const settings = { kind: undefined, ruleOverrides: {}, maxSize: 10_000_000 };
    const serial = lintFiles(tasks, settings, () => undefined, () => 0);
    const parallel = lintFiles(tasks, settings, () => undefined);
    assert.deepEqual(parallel, serial);
    assert.ok(serial.filter((outcome) => 'linted' in outcome).length >= 38);
    assert.ok(serial.some((outcome) => 'linted' in outcome && outcome.linted.findings.length > 0));
  });
});
