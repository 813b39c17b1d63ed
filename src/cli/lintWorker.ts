/** A worker thread of `mlreport lint` (see parallelLint.ts): takes tasks from the shared counter until none is left. */
import { workerData } from 'node:worker_threads';
import { syncConfigDiscovery } from '../core/configDiscovery';
import { nodeConfigHost } from './configFiles';
import type { LoadedConfig } from './configFiles';
import type { FileOutcome, LintTask } from './lintFile';
import { lintTask } from './lintFile';
import type { WorkerInput, WorkerResult } from './parallelLint';
import { DONE, NEXT } from './parallelLint';

const { tasks, settings, counters: buffer, port } = workerData as WorkerInput;
const counters = new Int32Array(buffer);
// The main thread reported the configurations' problems already: here they are only read.
const discovery = syncConfigDiscovery(nodeConfigHost, () => undefined);
const configs = new Map<string, LoadedConfig>();

for (let index = Atomics.add(counters, NEXT, 1); index < tasks.length; index = Atomics.add(counters, NEXT, 1)) {
  const task = tasks[index] as LintTask;
  let outcome: FileOutcome;
  try {
    let loaded: LoadedConfig | undefined;
    if (task.configPath !== undefined) {
      loaded = configs.get(task.configPath) ?? discovery.load(task.configPath);
      configs.set(task.configPath, loaded);
    }
    outcome = lintTask(task, loaded, settings);
  } catch (error) {
    outcome = { failure: `linting failed: ${error instanceof Error ? error.message : String(error)}` };
  }
  const result: WorkerResult = { index, outcome };
  port.postMessage(result);
  Atomics.add(counters, DONE, 1);
  Atomics.notify(counters, DONE);
}
port.close();
