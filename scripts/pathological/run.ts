// `npm run pathological [-- --only NAME] [--timeout SECONDS] [--json]`: lints every pathological
// case in its own Node process (so memory figures don't mix) and prints time and memory per case.
// Exits non-zero when a case throws, reports an internal error, or runs past the time limit.
import { spawnSync } from 'node:child_process';
import { cpus } from 'node:os';
import { PATHOLOGICAL_CASES } from './cases';
import { measure } from './measure';
import type { Measurement } from './measure';

interface Row {
  name: string;
  about: string;
  measurement: Measurement | undefined;
  failure: string | undefined;
}

function argValue(name: string): string | undefined {
  const index = process.argv.indexOf(name);
  return index >= 0 ? process.argv[index + 1] : undefined;
}

const childCase = argValue('--case');
if (childCase !== undefined) {
  const testCase = PATHOLOGICAL_CASES.find((c) => c.name === childCase);
  if (!testCase) throw new Error(`unknown case ${childCase}`);
  process.stdout.write(`${JSON.stringify(measure(testCase))}\n`);
} else {
  main();
}

function main(): void {
  const only = argValue('--only');
  const timeoutSeconds = Number(argValue('--timeout') ?? 300);
  const json = process.argv.includes('--json');
  const cases = PATHOLOGICAL_CASES.filter((c) => !only || c.name.includes(only));
  if (!json) {
    process.stdout.write(`pathological inputs: ${cases.length} cases, one Node process each, limit ${timeoutSeconds} s each\n`);
    process.stdout.write(`machine: ${cpus().length} × ${cpus()[0]?.model.trim() ?? 'unknown CPU'}, node ${process.version}\n\n`);
    process.stdout.write(`${header()}\n`);
  }
  const rows: Row[] = [];
  for (const testCase of cases) {
    const child = spawnSync(process.execPath, ['--import', 'tsx', '--expose-gc', __filename, '--case', testCase.name], {
      encoding: 'utf8',
      timeout: timeoutSeconds * 1000,
      maxBuffer: 16 * 1024 * 1024,
    });
    let measurement: Measurement | undefined;
    let failure: string | undefined;
    if (child.error) failure = child.error.message.includes('ETIMEDOUT') ? `did not return within ${timeoutSeconds} s` : child.error.message;
    else if (child.status !== 0) failure = `process exited with ${child.status ?? child.signal}: ${lastLine(child.stderr)}`;
    else {
      measurement = JSON.parse(child.stdout.trim().split('\n').pop() ?? '') as Measurement;
      if (measurement.threw) failure = `lint threw ${measurement.threw}`;
      else if (measurement.internalErrors.length > 0) failure = `internal error: ${measurement.internalErrors.join('; ')}`;
    }
    const row = { name: testCase.name, about: testCase.about, measurement, failure };
    rows.push(row);
    if (!json) process.stdout.write(`${format(row)}\n`);
  }
  const failures = rows.filter((row) => row.failure);
  if (json) process.stdout.write(`${JSON.stringify(rows, null, 2)}\n`);
  else {
    process.stdout.write(`\n${rows.length - failures.length}/${rows.length} cases returned without an exception or internal error\n`);
    for (const row of failures) process.stdout.write(`FAILED ${row.name}: ${row.failure}\n`);
  }
  process.exitCode = failures.length > 0 ? 1 : 0;
}

function lastLine(text: string): string {
  const lines = text.trim().split('\n').filter((line) => line.trim() !== '');
  return lines.slice(-3).join(' | ').slice(0, 300);
}

function header(): string {
  return `| case | size | lines | time | heap kept | peak RSS | findings | not checked | result |\n|---|---:|---:|---:|---:|---:|---:|---:|---|`;
}

function format(row: Row): string {
  const m = row.measurement;
  if (!m) return `| ${row.name} | | | | | | | | FAILED: ${row.failure ?? ''} |`;
  const cells = [m.name, size(m.chars), String(m.lines), `${m.ms.toFixed(0)} ms`, megabytes(m.heapDelta), megabytes(m.peakRss), String(m.findings), m.notChecked > 0 ? 'yes' : '', row.failure ? `FAILED: ${row.failure}` : 'ok'];
  return `| ${cells.join(' | ')} |`;
}

function size(chars: number): string {
  return chars >= 1024 * 1024 ? `${(chars / 1024 / 1024).toFixed(1)} M` : `${(chars / 1024).toFixed(0)} K`;
}

function megabytes(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(0)} MB`;
}
