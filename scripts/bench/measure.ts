/** Timing in one process: warm-up, then repeated runs with `process.hrtime.bigint()`, reported by their median. */

export interface Timing {
  /** Milliseconds of wall-clock time (`process.hrtime.bigint()`). */
  median: number;
  /** Median milliseconds of CPU time the process used meanwhile (`process.cpuUsage()`, user + system, GC threads included): less disturbed by other processes on a busy machine. */
  cpuMedian: number;
  min: number;
  max: number;
  runs: number;
}

export interface MeasureOptions {
  /** Rounds run first and not measured (JIT, caches of the libraries): at least this many … */
  warmupRounds: number;
  /** … and for at least this many milliseconds. */
  warmupMs: number;
  /** Rounds measured at least, whatever they cost. */
  minRounds: number;
  /** Keep measuring until this many milliseconds have been spent (or `maxRounds`). */
  minTotalMs: number;
  maxRounds: number;
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 ? (sorted[middle] as number) : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
}

export function elapsedMs(start: bigint): number {
  return Number(process.hrtime.bigint() - start) / 1e6;
}

/**
 * Times several contestants under the same conditions: each round runs every one of them once, in an
 * order that rotates from round to round, so a load that comes and goes on the machine (other processes,
 * GC) falls on all of them alike. `run(round)` gets the round's index, so a contestant can alternate
 * inputs. No forced GC between samples: a full `gc()` makes the next runs much slower (V8 flushes
 * code and shrinks the heap), so each contestant pays for its own garbage as it would in real use.
 */
export function measureInterleaved<K extends string>(contestants: Record<K, (round: number) => unknown>, options: MeasureOptions): Record<K, Timing> {
  const names = Object.keys(contestants) as K[];
  const samples = new Map<K, number[]>(names.map((name) => [name, []]));
  const cpuSamples = new Map<K, number[]>(names.map((name) => [name, []]));
  const warmupStart = process.hrtime.bigint();
  let warmupRounds = 0;
  while (warmupRounds < options.warmupRounds || elapsedMs(warmupStart) < options.warmupMs) {
    for (const name of names) contestants[name](warmupRounds);
    warmupRounds++;
  }
  let total = 0;
  for (let round = warmupRounds; ; round++) {
    const measured = round - warmupRounds;
    if (measured >= options.minRounds && (total >= options.minTotalMs || measured >= options.maxRounds)) break;
    for (let k = 0; k < names.length; k++) {
      const name = names[(k + round) % names.length] as K;
      const cpuStart = process.cpuUsage();
      const start = process.hrtime.bigint();
      contestants[name](round);
      const ms = elapsedMs(start);
      const cpu = process.cpuUsage(cpuStart);
      samples.get(name)?.push(ms);
      cpuSamples.get(name)?.push((cpu.user + cpu.system) / 1000);
      total += ms;
    }
  }
  const result = {} as Record<K, Timing>;
  for (const name of names) {
    const values = samples.get(name) ?? [];
    result[name] = { median: median(values), cpuMedian: median(cpuSamples.get(name) ?? []), min: Math.min(...values), max: Math.max(...values), runs: values.length };
  }
  return result;
}
