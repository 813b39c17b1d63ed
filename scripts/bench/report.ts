/** The benchmark's result, the goals judged on it, and its rendering as Markdown. */
import type { BlockResult } from './blocks';
import type { HeapFigures, HeapReading } from './fresh';
import type { Timing } from './measure';

export interface SizeResult {
  /** The size asked of the generator (lines). */
  target: number;
  file: string;
  lines: number;
  bytes: number;
  chunks: number;
  /** Lines of the chunk that holds the edited line: what a re-lint parses again. */
  editedChunkLines: number;
  fullLint: Timing;
  relint: Timing;
  /** `ReportLinter.update` with the text it already has: split, line index, document rules, positions; no parse, no chunk rule. */
  unchanged: Timing;
  markdownlint: Timing;
  remarkParse: Timing;
  /** `parseDocument` alone (split + remark per chunk + headings): the part of a full lint that is parsing. */
  parseOnly: Timing;
  lineScan: Timing;
  findings: number;
  tableFindings: number;
  markdownlintFindings: number;
  markdownlintTableFindings: number;
  longestChunkParseMs: number;
  longestChunkLines: number;
  /** Opening the report as the extension does (`updateAsync`, 10 ms slices): whole time, and the longest stretch the event loop was blocked. */
  slicedFirstLintMs: number;
  slicedLongestBlockMs: number;
}

export interface Goal {
  goal: string;
  measured: string;
  /** Judged on wall-clock medians. */
  pass: boolean;
  /** Judged on CPU-time medians (less disturbed by a busy machine). */
  passCpu: boolean;
}

/** Median milliseconds of a `require` in fresh processes: wall-clock and CPU time. */
export interface LoadTime {
  wall: number;
  cpu: number;
}

export interface BenchResult {
  machine: { cpus: number; cpuModel: string; node: string; platform: string; date: string; loadBefore: number[]; loadAfter: number[] };
  seed: number;
  markdownlintConfig: unknown;
  sizes: SizeResult[];
  bundle: {
    extensionBytes: number;
    coreBytes: number;
    coreGzipBytes: number;
    requireCore: LoadTime;
    requireExtension: LoadTime;
    requireMarkdownlint: LoadTime;
  };
  heap: { lines: number } & HeapFigures;
  /** The speed issue's documents: big blocks in one section, a heading every 6 lines. */
  blocks: BlockResult[];
  /** Full lint of the report with a table of 1,000 and of 10,000 rows. */
  growth: BlockResult[];
  goals: Goal[];
}

const ms = (value: number): string => (value >= 100 ? value.toFixed(0) : value >= 10 ? value.toFixed(1) : value.toFixed(2));
const ratio = (value: number): string => (value >= 1 ? `${value.toFixed(2)}×` : `1/${(1 / value).toFixed(1)}`);
const kb = (bytes: number): string => `${(bytes / 1024).toFixed(1)} KB`;

export function evaluateGoals(bench: BenchResult): Goal[] {
  const goals: Goal[] = [];
  const bySize = new Map(bench.sizes.map((size) => [size.target, size]));
  for (const [target, limit] of [[2000, 20], [20000, 100]] as const) {
    const size = bySize.get(target);
    if (!size) continue;
    const value = size.relint.median / size.markdownlint.median;
    const cpu = size.relint.cpuMedian / size.markdownlint.cpuMedian;
    goals.push({
      goal: `re-lint after a one-line edit, ~${target.toLocaleString('en')} lines ≤ 1/${limit} of markdownlint's full lint`,
      measured: `${ms(size.relint.median)} ms vs ${ms(size.markdownlint.median)} ms = ${ratio(value)} (CPU time: ${ms(size.relint.cpuMedian)} vs ${ms(size.markdownlint.cpuMedian)} ms = ${ratio(cpu)})`,
      pass: value <= 1 / limit,
      passCpu: cpu <= 1 / limit,
    });
  }
  for (const size of bench.sizes) {
    const value = size.fullLint.median / size.markdownlint.median;
    const cpu = size.fullLint.cpuMedian / size.markdownlint.cpuMedian;
    goals.push({
      goal: `full lint, ~${size.target.toLocaleString('en')} lines, no slower than markdownlint`,
      measured: `${ms(size.fullLint.median)} ms vs ${ms(size.markdownlint.median)} ms = ${ratio(value)} (CPU time: ${ms(size.fullLint.cpuMedian)} vs ${ms(size.markdownlint.cpuMedian)} ms = ${ratio(cpu)})`,
      pass: value <= 1,
      passCpu: cpu <= 1,
    });
  }
  const small = bySize.get(2000);
  const large = bySize.get(20000);
  if (small && large) {
    const growth = large.fullLint.median / small.fullLint.median;
    const cpu = large.fullLint.cpuMedian / small.fullLint.cpuMedian;
    const sizeGrowth = large.bytes / small.bytes;
    goals.push({
      goal: 'full lint grows linearly: ~20,000 lines ≤ ~12× ~2,000 lines',
      measured: `${ms(large.fullLint.median)} ms / ${ms(small.fullLint.median)} ms = ${growth.toFixed(1)}× (CPU time: ${cpu.toFixed(1)}×; the text is ${sizeGrowth.toFixed(1)}× larger)`,
      pass: growth <= 12,
      passCpu: cpu <= 12,
    });
  }
  goals.push(...blockGoals(bench));
  const { requireCore, requireExtension, requireMarkdownlint } = bench.bundle;
  for (const [name, load] of [['dist/core.js', requireCore], ['dist/extension.js', requireExtension]] as const) {
    goals.push({
      goal: `${name} loads no slower than require('markdownlint')`,
      measured: `${ms(load.wall)} ms vs ${ms(requireMarkdownlint.wall)} ms (CPU time: ${ms(load.cpu)} vs ${ms(requireMarkdownlint.cpu)} ms)`,
      pass: load.wall <= requireMarkdownlint.wall,
      passCpu: load.cpu <= requireMarkdownlint.cpu,
    });
  }
  return goals;
}

function blockGoals(bench: BenchResult): Goal[] {
  const goals: Goal[] = [];
  const add = (goal: string, measured: string, value: number, cpu: number, limit: number): void => {
    goals.push({ goal, measured, pass: value <= limit, passCpu: cpu <= limit });
  };
  for (const block of bench.blocks) {
    const { edit, markdownlint: ml, fullLint: full } = block;
    if (!block.name.includes('every 6 lines')) {
      const limit = block.name.startsWith('5,000-row') ? 15 : 5;
      add(`${block.name}: a one-line edit re-lints in ≤ ${limit} ms`, `${ms(edit.median)} ms (CPU ${ms(edit.cpuMedian)} ms)`, edit.median, edit.cpuMedian, limit);
      add(`${block.name}: edit ≤ 1/100 of markdownlint's full lint`, `${ms(edit.median)} ms vs ${ms(ml.median)} ms = ${ratio(edit.median / ml.median)} (CPU time: ${ratio(edit.cpuMedian / ml.cpuMedian)})`, edit.median / ml.median, edit.cpuMedian / ml.cpuMedian, 1 / 100);
      add(`${block.name}: edit ≤ 1/20 of our full lint`, `${ms(edit.median)} ms vs ${ms(full.median)} ms = ${ratio(edit.median / full.median)} (CPU time: ${ratio(edit.cpuMedian / full.cpuMedian)})`, edit.median / full.median, edit.cpuMedian / full.cpuMedian, 1 / 20);
    } else {
      add(`${block.name}: edit ≤ 1/150 of markdownlint's full lint`, `${ms(edit.median)} ms vs ${ms(ml.median)} ms = ${ratio(edit.median / ml.median)} (CPU time: ${ratio(edit.cpuMedian / ml.cpuMedian)})`, edit.median / ml.median, edit.cpuMedian / ml.cpuMedian, 1 / 150);
    }
    const longest = Math.max(block.firstLintLongestBlockMs, block.editLongestBlockMs);
    add(`${block.name}: updateAsync never blocks the event loop > 30 ms (first lint, edit)`, `${ms(block.firstLintLongestBlockMs)} ms, ${ms(block.editLongestBlockMs)} ms`, longest, longest, 30);
  }
  const table = bench.blocks.find((block) => block.name.startsWith('1,000-row'));
  if (table) {
    const { fullLint: full, markdownlint: ml } = table;
    add('1,000-row table document: full lint ≤ 1/3 of markdownlint', `${ms(full.median)} ms vs ${ms(ml.median)} ms = ${ratio(full.median / ml.median)} (CPU time: ${ratio(full.cpuMedian / ml.cpuMedian)})`, full.median / ml.median, full.cpuMedian / ml.cpuMedian, 1 / 3);
  }
  const [small, large] = bench.growth;
  if (small && large) {
    const bytes = large.bytes / small.bytes;
    const growth = large.fullLint.median / small.fullLint.median;
    const cpu = large.fullLint.cpuMedian / small.fullLint.cpuMedian;
    add('full lint grows linearly from a 1,000-row to a 10,000-row table: ≤ 1.2× the growth of the text', `${ms(large.fullLint.median)} ms / ${ms(small.fullLint.median)} ms = ${growth.toFixed(1)}× (CPU time ${cpu.toFixed(1)}×); the text is ${bytes.toFixed(1)}× larger`, growth / bytes, cpu / bytes, 1.2);
  }
  const largest = bench.sizes.find((size) => size.target === 20000);
  if (largest) {
    const { relint, markdownlint: ml, unchanged } = largest;
    add('~20,000-line report: edit ≤ 1/150 of markdownlint\'s full lint', `${ms(relint.median)} ms vs ${ms(ml.median)} ms = ${ratio(relint.median / ml.median)} (CPU time: ${ratio(relint.cpuMedian / ml.cpuMedian)})`, relint.median / ml.median, relint.cpuMedian / ml.cpuMedian, 1 / 150);
    add('~20,000-line report: an update whose text has not changed costs ≤ 2 ms', `${ms(unchanged.median)} ms (CPU ${ms(unchanged.cpuMedian)} ms)`, unchanged.median, unchanged.cpuMedian, 2);
  }
  for (const size of bench.sizes) {
    add(`~${size.target.toLocaleString('en')}-line report: updateAsync's first lint never blocks the event loop > 30 ms`, `${ms(size.slicedLongestBlockMs)} ms`, size.slicedLongestBlockMs, size.slicedLongestBlockMs, 30);
  }
  const { heap } = bench;
  // The lowest of the five readings: what disturbs this measurement only adds (see fresh.ts).
  const ours = heap.ours.usedRange[0];
  const theirs = heap.markdownlint.usedRange[0];
  add(`heap kept at ${heap.lines.toLocaleString('en')} lines ≤ 5× markdownlint's (lowest of 5 processes)`, `${mib(ours)} vs ${mib(theirs)} = ${ratio(ours / theirs)}`, ours / theirs, ours / theirs, 5);
  return goals;
}

function mib(bytes: number): string {
  return `${(bytes / 2 ** 20).toFixed(1)} MiB`;
}

/** PASS or MISS when wall-clock and CPU time agree; otherwise both verdicts, wall-clock first. */
export function verdict(goal: Goal): string {
  if (goal.pass === goal.passCpu) return goal.pass ? 'PASS' : 'MISS';
  return `${goal.pass ? 'PASS' : 'MISS'} (wall) / ${goal.passCpu ? 'PASS' : 'MISS'} (CPU)`;
}

function row(cells: readonly string[]): string {
  return `| ${cells.join(' | ')} |`;
}

export function renderMarkdown(bench: BenchResult): string {
  const { machine, bundle, heap } = bench;
  const out: string[] = [];
  const loadAverage = (values: number[]): string => values.map((value) => value.toFixed(1)).join(' / ');
  out.push(`Machine: ${machine.cpus} CPUs (${machine.cpuModel}), Node ${machine.node}, ${machine.platform}, ${machine.date}; seed ${bench.seed}; load average (1/5/15 min) ${loadAverage(machine.loadBefore)} before, ${loadAverage(machine.loadAfter)} after.`, '');
  out.push('Median milliseconds (runs in parentheses). Ratios are ours ÷ markdownlint in this run.', '');
  out.push(row(['report', 'lines', 'size', 'chunks', 'full lint (ours)', 're-lint after 1-line edit', 'markdownlint MD043+MD056', 'full ÷ markdownlint', 're-lint ÷ markdownlint', 'our parse only', 'remark whole-text parse', 'line scan']));
  out.push(row(Array.from({ length: 12 }, (_, i) => (i < 3 ? '---' : '---:'))));
  for (const size of bench.sizes) {
    const t = (timing: Timing): string => `${ms(timing.median)} (${timing.runs})`;
    out.push(row([
      `~${size.target.toLocaleString('en')}`,
      size.lines.toLocaleString('en'),
      kb(size.bytes),
      String(size.chunks),
      t(size.fullLint),
      t(size.relint),
      t(size.markdownlint),
      ratio(size.fullLint.median / size.markdownlint.median),
      ratio(size.relint.median / size.markdownlint.median),
      t(size.parseOnly),
      t(size.remarkParse),
      t(size.lineScan),
    ]));
  }
  out.push('', row(['report', 'edited chunk (lines)', 'update, text unchanged', 'findings (ours)', 'table-column-count', 'markdownlint findings', 'MD056', 'longest single chunk parse', 'first lint, sliced (updateAsync)', 'longest block of the event loop']), row(['---', '---:', '---:', '---:', '---:', '---:', '---:', '---:', '---:', '---:']));
  for (const size of bench.sizes) {
    out.push(row([
      `~${size.target.toLocaleString('en')}`,
      String(size.editedChunkLines),
      `${ms(size.unchanged.median)} ms`,
      String(size.findings),
      String(size.tableFindings),
      String(size.markdownlintFindings),
      String(size.markdownlintTableFindings),
      `${ms(size.longestChunkParseMs)} ms (${size.longestChunkLines} lines)`,
      `${ms(size.slicedFirstLintMs)} ms`,
      `${ms(size.slicedLongestBlockMs)} ms`,
    ]));
  }
  out.push('', row(['bundle', 'size', 'require in a fresh node (median)']), row(['---', '---:', '---:']));
  const load = (time: LoadTime): string => `${ms(time.wall)} ms (CPU ${ms(time.cpu)} ms)`;
  out.push(row(['dist/extension.js', kb(bundle.extensionBytes), `${load(bundle.requireExtension)}, \`vscode\` stubbed`]));
  out.push(row(['dist/core.js', `${kb(bundle.coreBytes)} (${kb(bundle.coreGzipBytes)} gzip)`, load(bundle.requireCore)]));
  out.push(row(["require('markdownlint')", '', load(bundle.requireMarkdownlint)]));
  const largest = bench.sizes[bench.sizes.length - 1];
  if (largest) {
    out.push('', `Responsiveness: a synchronous \`ReportLinter.update\` of the ${largest.lines.toLocaleString('en')}-line report from scratch blocks for ${ms(largest.fullLint.median)} ms (CPU ${ms(largest.fullLint.cpuMedian)} ms). ` +
      `The extension opens a report with \`updateAsync\` instead: ${ms(largest.slicedFirstLintMs)} ms in all, in 10 ms slices, and the event loop was never blocked for longer than ${ms(largest.slicedLongestBlockMs)} ms ` +
      `(the longest single chunk parse is ${ms(largest.longestChunkParseMs)} ms).`);
  }
  out.push('', 'The speed issue\'s documents: a complete report with a big block added to one section, and a report with a heading every 6 lines. "Edit" is `update` after a one-character edit inside the block; "longest block" the longest stretch `updateAsync` kept the event loop busy (opening the document / after the edit).', '');
  out.push(row(['document', 'lines', 'size', 'chunks', 'full lint (ours)', 'markdownlint MD043+MD056', 'full ÷ markdownlint', 'edit re-lint', 'edit ÷ markdownlint', 'longest block (open / edit)']), row(['---', '---:', '---:', '---:', '---:', '---:', '---:', '---:', '---:', '---:']));
  for (const block of [...bench.blocks, ...bench.growth]) {
    const t = (timing: Timing): string => (timing.runs ? `${ms(timing.median)} (${timing.runs})` : 'not run');
    out.push(row([
      block.name,
      block.lines.toLocaleString('en'),
      kb(block.bytes),
      String(block.chunks),
      t(block.fullLint),
      t(block.markdownlint),
      block.markdownlint.runs ? ratio(block.fullLint.median / block.markdownlint.median) : '',
      `${ms(block.edit.median)} (${block.edit.runs})`,
      block.markdownlint.runs ? ratio(block.edit.median / block.markdownlint.median) : '',
      `${ms(block.firstLintLongestBlockMs)} / ${ms(block.editLongestBlockMs)} ms`,
    ]));
  }
  const reading = (figures: HeapReading): string => `${mib(figures.usedBytes)} (${mib(figures.usedRange[0])} to ${mib(figures.usedRange[1])}); objects only the result holds, by heap snapshots: ${mib(figures.snapshotBytes)}`;
  out.push(
    '',
    `Heap kept after linting the ${heap.lines.toLocaleString('en')}-line report once, result alive, after a full GC, in fresh processes (median of 5, lowest to highest in brackets):`,
    '',
    `- ours (ReportLinter + result): ${reading(heap.ours)}`,
    `- markdownlint's result: ${reading(heap.markdownlint)}`,
    '',
  );
  out.push(row(['goal', 'measured (ours vs markdownlint)', 'result']), row(['---', '---', '---']));
  for (const goal of bench.goals) out.push(row([goal.goal, goal.measured, verdict(goal)]));
  return `${out.join('\n')}\n`;
}
