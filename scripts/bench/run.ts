/**
 * `npm run bench [-- --json] [-- --quick] [-- --no-build]`: builds the bundles, generates the benchmark
 * reports and measures, in this one process, our engine (the built `dist/core.js`) against markdownlint
 * (MD043 + MD056), remark's raw parse and a plain line scan; then module load time and heap in fresh
 * processes. Prints Markdown tables (or JSON) and PASS/MISS for each of the speed issue's goals.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { lint as markdownlint } from 'markdownlint/sync';
import type * as Core from '../../src/core/index';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { bigBlockDocuments, headingDense, tableDocument } from './bigBlocks';
import { benchBlock, longestBlock } from './blocks';
import type { BlockResult } from './blocks';
import { heapUsed, requireTime } from './fresh';
import { generateReport } from './generateReport';
import type { MeasureOptions } from './measure';
import { elapsedMs, measureInterleaved, median } from './measure';
import { evaluateGoals, renderMarkdown } from './report';
import type { BenchResult, SizeResult } from './report';
import { TABLE_COLUMN_COUNT } from '../../src/core/rules/tableColumnCount';

const ROOT = path.resolve(__dirname, '../..');
/** The reference: remark with the whole of remark-gfm (autolink literals included) and front matter, on the whole text at once. */
const remark = unified().use(remarkParse).use(remarkGfm).use(remarkFrontmatter, ['yaml']).freeze();
const SIZES = [200, 2000, 20000];
const SEED = 20240601;
const args = new Set(process.argv.slice(2));
const json = args.has('--json');
const quick = args.has('--quick');

function log(message: string): void {
  if (!json) process.stderr.write(`${message}\n`);
}

function build(): void {
  if (args.has('--no-build')) return;
  log('building dist/ …');
  const result = spawnSync(process.execPath, ['scripts/build.mjs'], { cwd: ROOT, encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`build failed:\n${result.stderr}`);
}

/**
 * How many rounds a size can afford, from the cost of one round. Rounds under 5 s warm up for 3 s (the
 * JIT needs tens of runs of remark and micromark) and are measured 15 times and for at least 5 s;
 * longer rounds warm up once and are measured 5 times. `--quick` cuts all of it.
 */
function roundOptions(firstRoundMs: number): MeasureOptions {
  const big = firstRoundMs > 5000;
  return {
    warmupRounds: big ? 1 : 10,
    warmupMs: big || quick ? 0 : 3000,
    minRounds: quick ? 3 : big ? 5 : 15,
    minTotalMs: big ? 0 : quick ? 500 : 5000,
    maxRounds: 2000,
  };
}

/** The template's `##` section headings in order, with anything allowed around them: MD043's view of "all sections present, in order". */
function requiredHeadings(core: typeof Core): string[] {
  const kind = core.findKind('ml-experiment-report');
  if (!kind) throw new Error('no ml-experiment-report kind');
  const headings = ['?', '*'];
  let fence = false;
  for (const line of kind.template.split(/\r?\n/)) {
    if (/^(```|~~~)/.test(line)) fence = !fence;
    else if (!fence && /^## /.test(line)) headings.push(line.trim(), '*');
  }
  return headings;
}

/** Two versions of `text` that differ from it, and from each other, in one prose line near the middle. */
function middleEdits(text: string): { a: string; b: string; offset: number } {
  const lines = text.split('\n');
  let index = lines.length >> 1;
  while (index < lines.length && !/^[A-Z][a-z]+ [a-z]/.test(lines[index] ?? '')) index++;
  const line = lines[index];
  if (line === undefined) throw new Error('no prose line after the middle of the report');
  const offset = lines.slice(0, index).reduce((sum, l) => sum + l.length + 1, 0);
  const edit = (word: string): string => [...lines.slice(0, index), `${line} ${word}`, ...lines.slice(index + 1)].join('\n');
  return { a: edit('(edited once)'), b: edit('(edited twice)'), offset };
}

function lineScan(text: string): number {
  let structural = 0;
  for (const line of text.split(/\r\n|\n|\r/)) if (/^(#{1,6} |\||```)/.test(line)) structural++;
  return structural;
}

/**
 * The longest single chunk parse of a full parse: the block a lint that yielded between chunks could
 * not split. Each chunk's parse is timed in three full parses and its fastest time kept, so a moment
 * the process spent descheduled is not taken for parse time.
 */
function longestChunkParse(core: typeof Core, text: string): { ms: number; lines: number } {
  const fastest: number[] = [];
  const lines: number[] = [];
  for (let pass = 0; pass < 3; pass++) {
    let missAt = 0n;
    let index = 0;
    core.parseDocument(text, {
      get: () => {
        missAt = process.hrtime.bigint();
        return undefined;
      },
      set: (key: string) => {
        fastest[index] = Math.min(fastest[index] ?? Infinity, elapsedMs(missAt));
        lines[index] = key.split('\n').length;
        index++;
      },
    });
  }
  let longest = 0;
  fastest.forEach((ms, index) => {
    if (ms > (fastest[longest] ?? 0)) longest = index;
  });
  return { ms: fastest[longest] ?? 0, lines: lines[longest] ?? 0 };
}

/**
 * Opening a report as the extension does: `ReportLinter.updateAsync` from scratch, with a chain of
 * `setImmediate` pings beside it standing in for the rest of the extension host. The longest gap
 * between two pings is the longest time the host could not run anything else.
 */
async function slicedFirstLint(core: typeof Core, text: string, runs: number): Promise<{ totalMs: number; longestBlockMs: number }> {
  const totals: number[] = [];
  const blocks: number[] = [];
  const expected = core.lint(text).findings;
  for (let run = 0; run < runs; run++) {
    let result: Awaited<ReturnType<Core.ReportLinter['updateAsync']>>;
    blocks.push(await longestBlock(async () => {
      const started = process.hrtime.bigint();
      result = await new core.ReportLinter().updateAsync(text);
      totals.push(elapsedMs(started));
    }));
    assert.deepEqual(result?.findings, expected, 'updateAsync must equal a lint from scratch');
  }
  return { totalMs: median(totals), longestBlockMs: median(blocks) };
}

async function benchSize(core: typeof Core, target: number, config: Record<string, unknown>, dir: string): Promise<SizeResult> {
  const text = generateReport({ lines: target, seed: SEED + target });
  const file = path.join(dir, `report-${target}.md`);
  writeFileSync(file, text);
  log(`~${target} lines: ${text.split('\n').length} lines, ${(text.length / 1024).toFixed(0)} KB`);

  const { a, b, offset } = middleEdits(text);
  const linter = new core.ReportLinter();
  linter.update(text);
  assert.deepEqual(linter.update(a).findings, core.lint(a).findings, 're-lint must equal a lint from scratch');
  assert.deepEqual(linter.update(b).findings, core.lint(b).findings, 're-lint must equal a lint from scratch');
  const unchangedLinter = new core.ReportLinter();
  unchangedLinter.update(text);
  const whole = {
    full: () => core.lint(text),
    markdownlint: () => markdownlint({ strings: { report: text }, config }),
    remarkParse: () => remark.parse(text),
    parseOnly: () => core.parseDocument(text),
    lineScan: () => lineScan(text),
  };
  const start = process.hrtime.bigint();
  for (const run of Object.values(whole)) run();
  const { full, markdownlint: ml, remarkParse, parseOnly, lineScan: scan } = measureInterleaved(whole, roundOptions(elapsedMs(start)));
  // Re-lints are measured on their own: interleaved with whole-text parses, they would pay for the
  // major GCs that the hundreds of megabytes of those parses' garbage cause. One collection first.
  collectGarbage();
  // The linter holds version b: round 0 updates it to a, round 1 to b, and so on.
  const incremental = {
    relint: (round: number) => linter.update(round % 2 ? b : a),
    unchanged: () => unchangedLinter.update(text),
  };
  const { relint, unchanged } = measureInterleaved(incremental, { warmupRounds: 20, warmupMs: quick ? 0 : 1000, minRounds: quick ? 20 : 100, minTotalMs: quick ? 300 : 3000, maxRounds: 2000 });
  log(`  full ${full.median.toFixed(1)} ms, re-lint ${relint.median.toFixed(2)} ms, markdownlint ${ml.median.toFixed(1)} ms, remark ${remarkParse.median.toFixed(1)} ms`);
  const result = core.lint(text);
  const edited = result.doc.chunks.filter((chunk) => chunk.start <= offset).pop();
  const mlFindings = markdownlint({ strings: { report: text }, config })['report'] ?? [];
  const longest = longestChunkParse(core, text);
  collectGarbage();
  const sliced = await slicedFirstLint(core, text, quick || target >= 20000 ? 3 : 7);
  log(`  first lint with updateAsync ${sliced.totalMs.toFixed(0)} ms, longest block ${sliced.longestBlockMs.toFixed(1)} ms`);
  return {
    target,
    file,
    lines: result.doc.lines.lineCount,
    bytes: Buffer.byteLength(text),
    chunks: result.doc.chunks.length,
    editedChunkLines: edited ? edited.parse.text.split('\n').length : 0,
    fullLint: full,
    relint,
    unchanged,
    markdownlint: ml,
    remarkParse,
    parseOnly,
    lineScan: scan,
    findings: result.findings.length,
    tableFindings: result.findings.filter((finding) => finding.rule === TABLE_COLUMN_COUNT).length,
    markdownlintFindings: mlFindings.length,
    markdownlintTableFindings: mlFindings.filter((error) => error.ruleNames.includes('MD056')).length,
    longestChunkParseMs: longest.ms,
    longestChunkLines: longest.lines,
    slicedFirstLintMs: sliced.totalMs,
    slicedLongestBlockMs: sliced.longestBlockMs,
  };
}

/** A full collection when node runs with `--expose-gc` (the bench script passes it). */
function collectGarbage(): void {
  (globalThis as { gc?: () => void }).gc?.();
}

function cpuModel(): string {
  try {
    const match = /^model name\s*:\s*(.+)$/m.exec(readFileSync('/proc/cpuinfo', 'utf8'));
    return match?.[1] ?? os.cpus()[0]?.model ?? 'unknown';
  } catch {
    return os.cpus()[0]?.model ?? 'unknown';
  }
}

async function main(): Promise<void> {
  const loadBefore = os.loadavg();
  build();
  const corePath = path.join(ROOT, 'dist/core.js');
  const core = createRequire(__filename)(corePath) as typeof Core;
  const config = { default: false, MD043: { headings: requiredHeadings(core) }, MD056: true };
  const dir = mkdtempSync(path.join(os.tmpdir(), 'mlreport-bench-'));
  // Stopped with Ctrl+C or killed, the run still takes its temporary folder (reports, heap snapshots) with it.
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      rmSync(dir, { recursive: true, force: true });
      process.exit(128 + os.constants.signals[signal]);
    });
  }
  try {
    await benchAll(core, config, dir, loadBefore, corePath);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function benchAll(core: typeof Core, config: Record<string, unknown>, dir: string, loadBefore: number[], corePath: string): Promise<void> {
  const sizes: SizeResult[] = [];
  for (const target of SIZES) sizes.push(await benchSize(core, target, config, dir));
  const blocks: BlockResult[] = [];
  for (const doc of [...bigBlockDocuments(SEED), headingDense(20000, SEED)]) {
    log(`${doc.name} …`);
    blocks.push(await benchBlock(core, doc, config, quick));
    const last = blocks[blocks.length - 1] as BlockResult;
    log(`  full ${last.fullLint.median.toFixed(0)} ms, markdownlint ${last.markdownlint.median.toFixed(0)} ms, edit ${last.edit.median.toFixed(2)} ms, longest block ${last.firstLintLongestBlockMs.toFixed(1)} / ${last.editLongestBlockMs.toFixed(1)} ms`);
  }
  const growth: BlockResult[] = [];
  for (const rows of [1000, 10000]) growth.push(await benchBlock(core, tableDocument(rows, SEED), config, quick, false));
  log('fresh processes: require times, heap …');
  const samples = quick ? 5 : 11;
  const largest = sizes[sizes.length - 1] as SizeResult;
  const bench: BenchResult = {
    machine: {
      cpus: os.availableParallelism(),
      cpuModel: cpuModel(),
      node: process.version,
      platform: `${os.platform()} ${os.arch()}`,
      date: new Date().toISOString(),
      loadBefore,
      loadAfter: [],
    },
    seed: SEED,
    markdownlintConfig: config,
    sizes,
    bundle: {
      extensionBytes: statSync(path.join(ROOT, 'dist/extension.js')).size,
      coreBytes: statSync(path.join(ROOT, 'dist/core.js')).size,
      coreGzipBytes: gzipSync(readFileSync(corePath)).length,
      requireCore: requireTime(corePath, ROOT, samples),
      requireExtension: requireTime(path.join(ROOT, 'dist/extension.js'), ROOT, samples, true),
      requireMarkdownlint: requireTime('markdownlint', ROOT, samples),
    },
    heap: { lines: largest.lines, ...heapUsed(corePath, largest.file, config, ROOT, dir) },
    blocks,
    growth,
    goals: [],
  };
  bench.machine.loadAfter = os.loadavg();
  bench.goals = evaluateGoals(bench);
  process.stdout.write(json ? `${JSON.stringify(bench, null, 2)}\n` : renderMarkdown(bench));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
