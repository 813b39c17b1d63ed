// Lints one pathological case and measures it: wall time, heap growth and resident memory.
import { INTERNAL_ERROR_RULE, lint } from '../../src/core';
import type { LintResult } from '../../src/core';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import type { PathologicalCase } from './cases';

export interface Measurement {
  name: string;
  about: string;
  /** Size of the text in UTF-16 code units. */
  chars: number;
  lines: number;
  ms: number;
  /** heapUsed after the lint and a garbage collection, the result still held, minus before: what the result keeps. */
  heapDelta: number;
  /** Resident set size after the lint, in bytes. */
  rss: number;
  /** The process's peak resident set size so far, in bytes (the lint's peak when it runs in a process of its own). */
  peakRss: number;
  findings: number;
  /** Findings about lines left out of the parse (see src/core/parse/limits.ts). */
  notChecked: number;
  /** Rule ids of `internal-error` findings, and the reason, if any. */
  internalErrors: string[];
  /** The exception `lint` threw, if it threw. */
  threw: string | undefined;
}

/** `global.gc` when node runs with `--expose-gc`, else one obtained by setting the flag at run time. */
const collectGarbage: () => void = (globalThis as { gc?: () => void }).gc ?? exposeGc();

function exposeGc(): () => void {
  setFlagsFromString('--expose-gc');
  return runInNewContext('gc') as () => void;
}

export function measure(testCase: PathologicalCase): Measurement {
  const text = testCase.build();
  let lines = 1;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 10 || (code === 13 && text.charCodeAt(i + 1) !== 10)) lines++;
  }
  collectGarbage();
  const heapBefore = process.memoryUsage().heapUsed;
  const started = performance.now();
  let result: LintResult | undefined;
  let threw: string | undefined;
  try {
    result = lint(text, testCase.options);
  } catch (error) {
    threw = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  }
  const ms = performance.now() - started;
  collectGarbage();
  const memory = process.memoryUsage();
  return {
    name: testCase.name,
    about: testCase.about,
    chars: text.length,
    lines,
    ms,
    heapDelta: memory.heapUsed - heapBefore,
    rss: memory.rss,
    peakRss: process.resourceUsage().maxRSS * 1024,
    findings: result?.findings.length ?? 0,
    notChecked: (result?.findings.filter((finding) => finding.rule === INTERNAL_ERROR_RULE).length ?? 0) - (result?.internalErrors.length ?? 0),
    internalErrors: (result?.internalErrors ?? []).map(({ rule, error }) => `${rule}: ${error instanceof Error ? error.message : String(error)}`),
    threw,
  };
}
