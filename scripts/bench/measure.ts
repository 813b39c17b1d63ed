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
  /** Rounds run first and not measured (JIT, caches of the libraries). */
  warmupRounds: number;
  /** Rounds measured at least, whatever they cost. */
  minRounds: number;
  /** Keep measuring until this many milliseconds have been spent (or `maxRounds`). */
  minTotalMs: number;
  maxRounds: number;
}

const collect = (globalThis as { gc?: () => void }).gc;

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
 * inputs. When node runs with `--expose-gc`, garbage is collected before each sample, so one run's
 * garbage is not charged to the next.
 */
export function measureInterleaved<K extends string>(contestants: Record<K, (round: number) => unknown>, options: MeasureOptions): Record<K, Timing> {
  const names = Object.keys(contestants) as K[];
  const samples = new Map<K, number[]>(names.map((name) => [name, []]));
  const cpuSamples = new Map<K, number[]>(names.map((name) => [name, []]));
  let total = 0;
  for (let round = 0; ; round++) {
    const measured = round - options.warmupRounds;
    if (measured >= options.minRounds && (total >= options.minTotalMs || measured >= options.maxRounds)) break;
    for (let k = 0; k < names.length; k++) {
      const name = names[(k + round) % names.length] as K;
      collect?.();
      const cpuStart = process.cpuUsage();
      const start = process.hrtime.bigint();
      contestants[name](round);
      const ms = elapsedMs(start);
      const cpu = process.cpuUsage(cpuStart);
      if (measured >= 0) {
        samples.get(name)?.push(ms);
        cpuSamples.get(name)?.push((cpu.user + cpu.system) / 1000);
        total += ms;
      }
    }
  }
  const result = {} as Record<K, Timing>;
  for (const name of names) {
    const values = samples.get(name) ?? [];
    result[name] = { median: median(values), cpuMedian: median(cpuSamples.get(name) ?? []), min: Math.min(...values), max: Math.max(...values), runs: values.length };
  }
  return result;
}
