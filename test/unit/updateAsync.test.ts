import assert from 'node:assert/strict';
import { lint, ReportLinter, RULES } from '../../src/core';
import { CHUNKS_PER_STEP } from '../../src/core/parse/document';
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

  it('takes only a few slices for a re-lint after a small edit: one chunk to parse and check, then the document-level steps', async () => {
    const linter = new ReportLinter();
    linter.update(report);
    const middle = report.indexOf('\n\n', report.length / 2);
    const edited = `${report.slice(0, middle)} (edited)${report.slice(middle)}`;
    let slices = 0;
    const result = await linter.updateAsync(edited, { sliceMs: 0, isCancelled: () => { slices++; return false; } });
    // Every step is a slice with sliceMs 0: the parse of the edited chunk and its chunk rules, then one
    // step per 256 chunks placed, the section map, and one per document rule.
    const documentRules = RULES.filter((rule) => rule.scope === 'document').length;
    const chunkSteps = 2 * Math.ceil((result?.doc.chunks.length ?? 0) / CHUNKS_PER_STEP);
    assert.ok(slices <= 4 + documentRules + chunkSteps, `${slices} slices (${documentRules} document rules, ${chunkSteps} steps over the chunks)`);
    let fresh = 0;
    await new ReportLinter().updateAsync(edited, { sliceMs: 0, isCancelled: () => { fresh++; return false; } });
    assert.ok(slices * 5 < fresh, `${slices} slices after the edit, ${fresh} from scratch`);
    assert.deepEqual(result?.findings, lint(edited).findings);
  });
});
