import { existsSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { MessageChannel, receiveMessageOnPort, Worker } from 'node:worker_threads';
import type { MessagePort } from 'node:worker_threads';
import type { LoadedConfig } from './configFiles';
import type { FileOutcome, FileSettings, LintTask } from './lintFile';
import { lintTask } from './lintFile';

/** What a lint worker is given: the tasks, the settings, and the shared counters (next task, tasks done). */
export interface WorkerInput {
  tasks: LintTask[];
  settings: FileSettings;
  counters: SharedArrayBuffer;
  port: MessagePort;
}

/** A worker's answer for one task. */
export interface WorkerResult {
  index: number;
  outcome: FileOutcome;
}

/** Index of the next task to take, and of the count of tasks finished by workers, in the shared counters. */
export const NEXT = 0;
export const DONE = 1;

/**
 * Below this many bytes to lint, the files are linted on this thread: a worker thread takes ~0.1 s to
 * start and load the linter, as much as linting about 1 MB.
 */
const MIN_PARALLEL_BYTES = 2_000_000;

/**
 * Lints the tasks, in order of the answers, on this thread and on worker threads (one per further
 * core) when there is enough to lint. Every thread takes the next task from a shared counter; this
 * thread waits for the workers' last answers synchronously, so the command stays synchronous.
 */
export function lintFiles(tasks: readonly LintTask[], settings: FileSettings, configFor: (task: LintTask) => LoadedConfig | undefined, sizeOf: (file: string) => number = fileSize): FileOutcome[] {
  const threads = Math.min(os.availableParallelism() - 1, tasks.length - 1);
  const workerFile = workerPath();
  let bytes = 0;
  for (const task of tasks) if (bytes < MIN_PARALLEL_BYTES) bytes += sizeOf(task.file);
  if (threads < 1 || bytes < MIN_PARALLEL_BYTES || !workerFile) return tasks.map((task) => lintTask(task, configFor(task), settings));

  const counters = new Int32Array(new SharedArrayBuffer(8));
  const ports: MessagePort[] = [];
  for (let i = 0; i < threads; i++) {
    const { port1, port2 } = new MessageChannel();
    const input: WorkerInput = { tasks: [...tasks], settings, counters: counters.buffer as SharedArrayBuffer, port: port2 };
    // From the TypeScript sources (the tests), the worker loads them through tsx, as this thread does.
    const worker = workerFile.endsWith('.ts')
      ? new Worker(`require('tsx/cjs'); require(${JSON.stringify(workerFile)});`, { eval: true, workerData: input, transferList: [port2], stdout: true, stderr: true })
      : new Worker(workerFile, { workerData: input, transferList: [port2], stdout: true, stderr: true });
    worker.unref();
    ports.push(port1);
  }
  const outcomes: (FileOutcome | undefined)[] = new Array<FileOutcome | undefined>(tasks.length);
  let own = 0;
  for (let index = Atomics.add(counters, NEXT, 1); index < tasks.length; index = Atomics.add(counters, NEXT, 1)) {
    const task = tasks[index] as LintTask;
    outcomes[index] = lintTask(task, configFor(task), settings);
    own++;
  }
  let received = 0;
  const expected = Math.min(tasks.length, Atomics.load(counters, NEXT)) - own;
  while (received < expected) {
    const done = Atomics.load(counters, DONE);
    for (const port of ports) {
      for (let message = receiveMessageOnPort(port); message; message = receiveMessageOnPort(port)) {
        const { index, outcome } = message.message as WorkerResult;
        outcomes[index] = outcome;
        received++;
      }
    }
    if (received < expected) Atomics.wait(counters, DONE, done, 1000);
  }
  for (const port of ports) port.close();
  return outcomes.map((outcome, index) => outcome ?? { failure: `linting failed: no result for ${(tasks[index] as LintTask).shownAs}` });
}

function fileSize(file: string): number {
  try {
    return statSync(file).size;
  } catch {
    return 0;
  }
}

/** The worker's script beside this one: the bundle's `lintWorker.js`, or the source when run from TypeScript. */
function workerPath(): string | undefined {
  const file = path.join(__dirname, path.extname(__filename) === '.ts' ? 'lintWorker.ts' : 'lintWorker.js');
  return existsSync(file) ? file : undefined;
}
