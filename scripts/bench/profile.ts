/**
 * Where the time goes: `node --import tsx scripts/bench/profile.ts [full|relint|unchanged] [lines] [out.cpuprofile]`
 * lints a generated report many times, in-process from the sources (a full lint of alternating versions,
 * `ReportLinter.update` after a one-line edit in the middle, or `unchanged`: with the same text), and prints the median time and each
 * rule's share. With a third argument, writes a CPU profile of the measured loop only (open it in
 * Chrome DevTools, or sum it with scripts/bench/profileSummary.ts).
 */
import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector';
import { lint, ReportLinter, RULES } from '../../src/core';
import type { RawFinding, Rule } from '../../src/core';
import { generateReport } from './generateReport';
import { elapsedMs, median } from './measure';

const mode = process.argv[2] === 'full' || process.argv[2] === 'unchanged' ? process.argv[2] : 'relint';
const lines = Number(process.argv[3] ?? 2000);
const text = generateReport({ lines, seed: 20240601 + lines });
const middle = text.indexOf('\n', text.length >> 1) + 1;
const versions = [`${text.slice(0, middle)}Edited once. ${text.slice(middle)}`, `${text.slice(0, middle)}Edited twice. ${text.slice(middle)}`];

/** Each rule wrapped to time its own `check`. */
const ruleTimes = new Map<string, number[]>();
function timed<C>(times: number[], check: (ctx: C) => RawFinding[]): (ctx: C) => RawFinding[] {
  return (ctx) => {
    const start = process.hrtime.bigint();
    const out = check(ctx);
    times.push(elapsedMs(start));
    return out;
  };
}
const timedRules: Rule[] = RULES.map((rule) => {
  const times: number[] = [];
  ruleTimes.set(rule.id, times);
  return rule.scope === 'document' ? { ...rule, check: timed(times, rule.check) } : { ...rule, check: timed(times, rule.check) };
});

const runs = mode === 'full' ? Math.max(3, Math.round(60000 / lines)) : 200;
const totals: number[] = [];
const linter = new ReportLinter({ ruleSet: timedRules });
linter.update(text);
for (const times of ruleTimes.values()) times.length = 0;
const profileFile = process.argv[4];
const session = new Session();
if (profileFile) {
  session.connect();
  session.post('Profiler.enable');
  session.post('Profiler.setSamplingInterval', { interval: 100 });
  session.post('Profiler.start');
}
for (let i = 0; i < runs; i++) {
  const start = process.hrtime.bigint();
  if (mode === 'full') lint(versions[i % 2] as string, { ruleSet: timedRules });
  else linter.update(mode === 'unchanged' ? text : (versions[i % 2] as string));
  totals.push(elapsedMs(start));
}
if (profileFile) {
  session.post('Profiler.stop', (error, result) => {
    if (error) throw error;
    writeFileSync(profileFile, JSON.stringify(result.profile));
  });
}
console.log(`${mode} lint of ${text.split('\n').length} lines: median ${median(totals).toFixed(2)} ms over ${runs} runs`);
for (const [id, times] of ruleTimes) {
  const sum = times.reduce((a, b) => a + b, 0);
  console.log(`  ${id.padEnd(22)} ${(sum / runs).toFixed(3)} ms per lint (${(times.length / runs).toFixed(1)} checks per lint)`);
}
