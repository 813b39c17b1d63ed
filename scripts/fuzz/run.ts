// `npm run fuzz [-- --runs N] [--seed S] [--workers W] [--slow-ms MS] [--json]`: runs the fuzz
// properties for N cases in all (default 100,000), split over W processes, and prints the count,
// the seed, the slowest case and every failure with its minimized counterexample.
// `--replay property:seed:path` re-runs one failure as printed.
import { spawn } from 'node:child_process';
import { cpus } from 'node:os';
import type { FuzzCase } from './arbitraries';
import { DEFAULT_SLOW_MS, describeCase, PROPERTY_NAMES, runProperty } from './properties';
import type { PropertyName, PropertyRun, SlowestCase } from './properties';

interface JobResult {
  run: PropertyRun;
  slowest: SlowestCase | undefined;
}

interface Job {
  property: PropertyName;
  runs: number;
  seed: number;
}

/** The share of cases for the generated documents; the rest mutate real reports. */
const GENERATED_SHARE = 0.6;

function argValue(name: string): string | undefined {
  const index = process.argv.indexOf(name);
  return index >= 0 ? process.argv[index + 1] : undefined;
}

function isProperty(name: string | undefined): name is PropertyName {
  return (PROPERTY_NAMES as readonly string[]).includes(name ?? '');
}

const slowMs = Number(argValue('--slow-ms') ?? DEFAULT_SLOW_MS);
const job = argValue('--job');
const replay = argValue('--replay');
if (job !== undefined) runJob(job);
else if (replay !== undefined) runReplay(replay);
else void main();

function runJob(spec: string): void {
  const [property, runs, seed] = spec.split(':');
  if (!isProperty(property)) throw new Error(`unknown property ${property ?? ''}`);
  let slowest: SlowestCase | undefined;
  const run = runProperty(property, { numRuns: Number(runs), seed: Number(seed), slowMs }, (testCase, ms) => {
    if (!slowest || ms > slowest.ms) slowest = slowestOf(testCase, ms);
  });
  process.stdout.write(`${JSON.stringify({ run, slowest } satisfies JobResult)}\n`);
}

function runReplay(spec: string): void {
  const [property, seed, path] = spec.split(':');
  if (!isProperty(property)) throw new Error(`unknown property ${property ?? ''}`);
  const run = runProperty(property, { numRuns: 1, seed: Number(seed), path: path ?? '', slowMs });
  if (!run.failure) process.stdout.write('the replayed case passes now\n');
  else printFailure(run);
  process.exitCode = run.failure ? 1 : 0;
}

function slowestOf(testCase: FuzzCase, ms: number): SlowestCase {
  return {
    ms,
    source: testCase.source,
    chars: testCase.text.length,
    lines: testCase.text.split(/\r\n|\r|\n/).length,
    preview: JSON.stringify(testCase.text.slice(0, 160)),
  };
}

async function main(): Promise<void> {
  const total = Number(argValue('--runs') ?? 100_000);
  const seed = Number(argValue('--seed') ?? (Date.now() ^ Math.floor(Math.random() * 0x7fffffff)) >>> 0);
  const workers = Math.max(1, Number(argValue('--workers') ?? Math.min(2, cpus().length)));
  const json = process.argv.includes('--json');
  const jobs = planJobs(total, seed, workers);
  if (!json) {
    process.stdout.write(`fuzz: ${total} cases, seed ${seed}, ${workers} worker process(es), cases slower than ${slowMs} ms fail\n`);
    process.stdout.write(`machine: ${cpus().length} × ${cpus()[0]?.model.trim() ?? 'unknown CPU'}, node ${process.version}\n`);
  }
  const started = performance.now();
  const results = await runPool(jobs, workers, (result) => {
    if (!json) process.stdout.write(`  ${result.run.property} seed ${result.run.seed}: ${result.run.runs} cases in ${(result.run.ms / 1000).toFixed(1)} s${result.run.failure ? ' — FAILED' : ''}\n`);
  });
  const seconds = (performance.now() - started) / 1000;
  const runs = results.reduce((sum, r) => sum + r.run.runs, 0);
  const slowest = results.map((r) => r.slowest).filter((s): s is SlowestCase => s !== undefined).sort((a, b) => b.ms - a.ms)[0];
  const failures = results.filter((r) => r.run.failure);
  if (json) {
    process.stdout.write(`${JSON.stringify({ runs, seed, seconds, slowest, failures: failures.map((r) => r.run) }, null, 2)}\n`);
  } else {
    process.stdout.write(`\n${runs} cases in ${seconds.toFixed(0)} s (seed ${seed}), ${failures.length} failure(s)\n`);
    if (slowest) process.stdout.write(`slowest case: ${slowest.ms.toFixed(0)} ms — ${slowest.source}, ${slowest.chars} chars, ${slowest.lines} lines, starting ${slowest.preview}\n`);
    for (const failure of failures) printFailure(failure.run);
  }
  process.exitCode = failures.length > 0 ? 1 : 0;
}

function planJobs(total: number, seed: number, workers: number): Job[] {
  const generated = Math.round(total * GENERATED_SHARE);
  const jobs: Job[] = [];
  for (const [property, runs] of [['generated', generated], ['mutated', total - generated]] as const) {
    for (let w = 0; w < workers; w++) {
      const share = Math.floor(runs / workers) + (w < runs % workers ? 1 : 0);
      if (share > 0) jobs.push({ property, runs: share, seed: (seed + jobs.length) >>> 0 });
    }
  }
  return jobs;
}

async function runPool(jobs: readonly Job[], workers: number, onDone: (result: JobResult) => void): Promise<JobResult[]> {
  const results: JobResult[] = [];
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < jobs.length) {
      const current = jobs[next++] as Job;
      const result = await runChild(current);
      results.push(result);
      onDone(result);
    }
  };
  await Promise.all(Array.from({ length: workers }, worker));
  return results;
}

function runChild(current: Job): Promise<JobResult> {
  return new Promise((resolve) => {
    const args = ['--import', 'tsx', __filename, '--job', `${current.property}:${current.runs}:${current.seed}`, '--slow-ms', String(slowMs)];
    const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (data: Buffer) => (stdout += data.toString('utf8')));
    child.stderr.on('data', (data: Buffer) => (stderr += data.toString('utf8')));
    child.on('close', (code) => {
      const line = stdout.trim().split('\n').pop() ?? '';
      if (code === 0 && line.startsWith('{')) {
        resolve(JSON.parse(line) as JobResult);
        return;
      }
      const error = `worker exited with ${code}: ${stderr.trim().split('\n').slice(-5).join(' | ')}`;
      resolve({
        run: { property: current.property, runs: 0, seed: current.seed, ms: 0, failure: { error, counterexample: { source: 'unknown (the worker died)', text: '', options: {} }, seed: current.seed, path: '' } },
        slowest: undefined,
      });
    });
  });
}

function printFailure(run: PropertyRun): void {
  const failure = run.failure;
  if (!failure) return;
  process.stdout.write(`\nFAILURE in ${run.property} (replay: npm run fuzz -- --replay ${run.property}:${failure.seed}:${failure.path})\n`);
  process.stdout.write(`  ${failure.error.split('\n').join('\n  ')}\n`);
  process.stdout.write(`  minimized counterexample: ${describeCase(failure.counterexample)}\n`);
  process.stdout.write(`  text: ${JSON.stringify(failure.counterexample.text)}\n`);
}
