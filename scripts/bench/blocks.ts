/**
 * The big-block documents of the speed issue (a complete report with a 1,000-row table, a 2,000-item
 * list, 3,000 one-line paragraphs, a 5,000-line fence or a 5,000-row table added to one section), a
 * report with a heading every 6 lines, and table growth: full lint against markdownlint, the re-lint
 * after a one-character edit inside the block, and the longest event-loop block of `updateAsync`.
 */
import assert from 'node:assert/strict';
import { lint as markdownlint } from 'markdownlint/sync';
import type * as Core from '../../src/core/index';
import type { BigBlockDocument } from './bigBlocks';
import { elapsedMs, measureInterleaved } from './measure';
import type { Timing } from './measure';

export interface BlockResult {
  name: string;
  lines: number;
  bytes: number;
  chunks: number;
  fullLint: Timing;
  markdownlint: Timing;
  /** `update` after a one-character edit inside the block, alternating between two edited versions. */
  edit: Timing;
  /** The longest stretch `updateAsync` kept the event loop busy: opening the document, and after the edit. */
  firstLintLongestBlockMs: number;
  editLongestBlockMs: number;
}

/** Options for rounds that cost `firstMs`: long ones are run few times, without warm-up. */
function rounds(firstMs: number, quick: boolean): Parameters<typeof measureInterleaved>[1] {
  if (firstMs > 10000) return { warmupRounds: 0, warmupMs: 0, minRounds: 1, minTotalMs: 0, maxRounds: 1 };
  if (firstMs > 2000 || quick) return { warmupRounds: 1, warmupMs: 0, minRounds: 3, minTotalMs: 0, maxRounds: 3 };
  return { warmupRounds: 2, warmupMs: 1000, minRounds: 7, minTotalMs: 3000, maxRounds: 50 };
}

/** The longest gap of a `setImmediate` ping chain while `work` runs: the longest time nothing else could run. */
export async function longestBlock(work: () => Promise<unknown>): Promise<number> {
  let longest = 0;
  let last = process.hrtime.bigint();
  let done = false;
  const ping = (): void => {
    longest = Math.max(longest, elapsedMs(last));
    last = process.hrtime.bigint();
    if (!done) setImmediate(ping);
  };
  setImmediate(ping);
  await work();
  done = true;
  await new Promise((resolve) => setImmediate(resolve));
  return longest;
}

export async function benchBlock(core: typeof Core, doc: BigBlockDocument, config: Record<string, unknown>, quick: boolean, withMarkdownlint = true): Promise<BlockResult> {
  const { text, editAt } = doc;
  const a = `${text.slice(0, editAt)}x${text.slice(editAt)}`;
  const b = `${text.slice(0, editAt)}y${text.slice(editAt)}`;
  const started = process.hrtime.bigint();
  const result = core.lint(text);
  const mlStart = process.hrtime.bigint();
  if (withMarkdownlint) markdownlint({ strings: { report: text }, config });
  const first = Math.max(elapsedMs(mlStart), elapsedMs(started) - elapsedMs(mlStart));
  const contestants: Record<string, () => unknown> = { full: () => core.lint(text) };
  if (withMarkdownlint) contestants['markdownlint'] = () => markdownlint({ strings: { report: text }, config });
  const whole = measureInterleaved(contestants, rounds(first, quick));
  const linter = new core.ReportLinter();
  linter.update(text);
  assert.deepEqual(linter.update(a).findings, core.lint(a).findings, 'an edit re-lint must equal a lint from scratch');
  assert.deepEqual(linter.update(b).findings, core.lint(b).findings, 'an edit re-lint must equal a lint from scratch');
  const { edit } = measureInterleaved({ edit: (round: number) => linter.update(round % 2 ? b : a) }, { warmupRounds: 20, warmupMs: quick ? 0 : 500, minRounds: quick ? 20 : 60, minTotalMs: quick ? 200 : 1500, maxRounds: 1000 });
  const firstBlocks: number[] = [];
  const editBlocks: number[] = [];
  for (let run = 0; run < (quick ? 1 : 3); run++) {
    const opening = new core.ReportLinter();
    firstBlocks.push(await longestBlock(() => opening.updateAsync(text)));
    editBlocks.push(await longestBlock(() => opening.updateAsync(run % 2 ? b : a)));
  }
  const none: Timing = { median: NaN, cpuMedian: NaN, min: NaN, max: NaN, runs: 0 };
  return {
    name: doc.name,
    lines: result.doc.lines.lineCount,
    bytes: Buffer.byteLength(text),
    chunks: result.doc.chunks.length,
    fullLint: whole['full'] as Timing,
    markdownlint: whole['markdownlint'] ?? none,
    edit,
    firstLintLongestBlockMs: Math.max(...firstBlocks),
    editLongestBlockMs: Math.max(...editBlocks),
  };
}
