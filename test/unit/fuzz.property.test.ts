// The fuzz properties of scripts/fuzz at a small count (`npm run fuzz` runs 100,000 cases):
// generated and mutated reports lint without throwing, without internal errors, with every
// position inside the text and every fix edit inside it and non-overlapping.
// FUZZ_SEED=<n> replays a run; a failure prints its seed, path and minimized counterexample.
import assert from 'node:assert/strict';
import { describeCase, runProperty } from '../../scripts/fuzz/properties';
import type { PropertyName } from '../../scripts/fuzz/properties';

const seed = Number(process.env['FUZZ_SEED'] ?? Math.floor(Math.random() * 0x7fffffff));
const RUNS: Record<PropertyName, number> = { generated: 180, mutated: 120 };

describe(`fuzz (seed ${seed})`, function () {
  this.timeout(600_000);
  for (const property of ['generated', 'mutated'] as const) {
    it(`${property} reports: ${RUNS[property]} cases lint without throwing and with valid positions`, () => {
      const run = runProperty(property, { numRuns: RUNS[property], seed, slowMs: 60_000 });
      const failure = run.failure;
      assert.equal(run.runs, RUNS[property]);
      assert.ok(!failure, failure && [
        `${failure.error}`,
        `counterexample: ${describeCase(failure.counterexample)}`,
        `text: ${JSON.stringify(failure.counterexample.text)}`,
        `replay: npm run fuzz -- --replay ${property}:${failure.seed}:${failure.path}`,
      ].join('\n'));
    });
  }
});
