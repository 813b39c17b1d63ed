// Lints one pathological case and measures it: wall time, heap growth and resident memory.
import { lint } from '../../src/core';
import type { LintResult } from '../../src/core';
import type { PathologicalCase } from './cases';

export interface Measurement {
  name: string;
  about: string;
  /** Size of the text in UTF-16 code units. */
  chars: number;
  lines: number;
  ms: number;
  /** heapUsed after the lint (result still held) minus before, in bytes. */
  heapDelta: number;
  /** Resident set size after the lint, in bytes. */
  rss: number;
  findings: number;
  /** Rule ids of `internal-error` findings, and the reason, if any. */
  internalErrors: string[];
  /** The exception `lint` threw, if it threw. */
  threw: string | undefined;
}

function collectGarbage(): void {
  (globalThis as { gc?: () => void }).gc?.();
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
  const memory = process.memoryUsage();
  return {
    name: testCase.name,
    about: testCase.about,
    chars: text.length,
    lines,
    ms,
    heapDelta: memory.heapUsed - heapBefore,
    rss: memory.rss,
    findings: result?.findings.length ?? 0,
    internalErrors: (result?.internalErrors ?? []).map(({ rule, error }) => `${rule}: ${error instanceof Error ? error.message : String(error)}`),
    threw,
  };
}
