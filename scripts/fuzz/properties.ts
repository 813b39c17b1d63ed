// The fuzz properties, shared by `npm run fuzz` and the unit test's smaller run.
import fc from 'fast-check';
import { generatedReport, mutatedReport } from './arbitraries';
import type { FuzzCase } from './arbitraries';
import { lintAndCheck } from './invariants';
import { reportSources } from './sources';

export interface SlowestCase {
  ms: number;
  source: string;
  chars: number;
  lines: number;
  preview: string;
}

export interface PropertyRun {
  property: string;
  /** Cases that ran (fast-check stops at the first failure, then shrinks it). */
  runs: number;
  seed: number;
  ms: number;
  failure: { error: string; counterexample: FuzzCase; seed: number; path: string } | undefined;
}

export const PROPERTY_NAMES = ['generated', 'mutated'] as const;
export type PropertyName = (typeof PROPERTY_NAMES)[number];

/** A case slower than this fails, so a near-hang shrinks to a small counterexample like a crash does. */
export const DEFAULT_SLOW_MS = 10_000;

export function arbitraryFor(property: PropertyName): fc.Arbitrary<FuzzCase> {
  return property === 'generated' ? generatedReport : mutatedReport(reportSources());
}

export function describeCase(testCase: FuzzCase): string {
  const lines = testCase.text.split(/\r\n|\r|\n/).length;
  return `${testCase.source}, ${testCase.text.length} chars, ${lines} lines, options ${JSON.stringify(testCase.options)}`;
}

/** Runs one property; `onCase` sees every case's time (shrinking runs included). */
export function runProperty(
  property: PropertyName,
  params: { numRuns: number; seed: number; path?: string; slowMs?: number },
  onCase: (testCase: FuzzCase, ms: number) => void = () => undefined,
): PropertyRun {
  const slowMs = params.slowMs ?? DEFAULT_SLOW_MS;
  const started = performance.now();
  const predicate = fc.property(arbitraryFor(property), (testCase) => {
    const begin = performance.now();
    lintAndCheck(testCase.text, testCase.options);
    const ms = performance.now() - begin;
    onCase(testCase, ms);
    if (ms > slowMs) throw new Error(`took ${ms.toFixed(0)} ms (limit ${slowMs} ms)`);
  });
  const details = fc.check(predicate, {
    numRuns: params.numRuns,
    seed: params.seed,
    ...(params.path === undefined ? {} : { path: params.path }),
    endOnFailure: false,
  });
  const counterexample = details.counterexample?.[0];
  return {
    property,
    runs: details.failed ? details.numRuns : params.numRuns,
    seed: params.seed,
    ms: performance.now() - started,
    failure: details.failed && counterexample
      ? { error: errorText(details.errorInstance), counterexample, seed: details.seed, path: details.counterexamplePath ?? '' }
      : undefined,
  };
}

function errorText(error: unknown): string {
  if (error instanceof Error) return error.stack?.split('\n').slice(0, 6).join('\n') ?? error.message;
  return String(error);
}
