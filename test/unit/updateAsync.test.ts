import assert from 'node:assert/strict';
import { lint, ReportLinter } from '../../src/core';
import { generateReport } from '../../scripts/bench/generateReport';

const report = generateReport({ lines: 2000, seed: 7 });

describe('ReportLinter.updateAsync', () => {
  it('lets the event loop run between slices of a long first lint, and returns what lint returns', async () => {
    let turns = 0;
    let slices = 0;
    const ticker = setInterval(() => { turns++; }, 0);
    const result = await new ReportLinter().updateAsync(report, { sliceMs: 1, isCancelled: () => { slices++; return false; } });
    clearInterval(ticker);
    assert.ok(slices > 5, `${slices} slices`);
    assert.ok(turns > 0, 'a timer ran while the document was being linted');
    assert.deepEqual(result?.findings, lint(report).findings);
  });

  it('stops at the first slice after it is cancelled, and the next update reuses what it parsed', async () => {
    const linter = new ReportLinter();
    let slices = 0;
    const cancelled = await linter.updateAsync(report, { sliceMs: 0, isCancelled: () => ++slices > 3 });
    assert.equal(cancelled, undefined);
    assert.equal(slices, 4);
    let more = 0;
    const finished = await linter.updateAsync(report, { sliceMs: 0, isCancelled: () => { more++; return false; } });
    assert.deepEqual(finished?.findings, lint(report).findings);
    let fresh = 0;
    await new ReportLinter().updateAsync(report, { sliceMs: 0, isCancelled: () => { fresh++; return false; } });
    assert.ok(more < fresh, `resumed with ${more} slices, from scratch ${fresh}`);
  });

  it('takes only a few slices for a re-lint after a small edit: one chunk to parse and check', async () => {
    const linter = new ReportLinter();
    linter.update(report);
    const middle = report.indexOf('\n\n', report.length / 2);
    const edited = `${report.slice(0, middle)} (edited)${report.slice(middle)}`;
    let slices = 0;
    const result = await linter.updateAsync(edited, { sliceMs: 0, isCancelled: () => { slices++; return false; } });
    assert.ok(slices <= 4, `${slices} slices`);
    assert.deepEqual(result?.findings, lint(edited).findings);
  });
});
