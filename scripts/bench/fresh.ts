/** Measurements that need a fresh Node process: module load time and the heap a lint keeps. */
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { median } from './measure';

function runNode(args: string[], cwd: string): string {
  const result = spawnSync(process.execPath, ['--no-warnings', ...args], { cwd, encoding: 'utf8' });
  if (result.status !== 0) {
    const error = result.stderr.split('\n').find((line) => /Error/.test(line)) ?? result.stderr.trim().slice(-300);
    throw new Error(`node ${args.slice(0, -1).join(' ')} -e … failed: ${error}`);
  }
  return result.stdout.trim();
}

/** The names `vscode` exports, from its type declarations: a stub must have them as own properties. */
function vscodeApiNames(cwd: string): string[] {
  const types = readFileSync(path.join(cwd, 'node_modules/@types/vscode/index.d.ts'), 'utf8');
  const names = new Set<string>();
  for (const match of types.matchAll(/^\s{1,4}export (?:declare )?(?:class|enum|namespace|function|const|let) (\w+)/gm)) names.add(match[1] as string);
  return [...names];
}

/**
 * Median time of `require(specifier)` in a new `node` process (the process start is not counted:
 * the clock starts just before the `require`). `stubVscode` answers `require('vscode')` with a module
 * of the API's names, each a do-nothing proxy, so the extension bundle can be loaded in plain Node.
 */
export function requireTime(specifier: string, cwd: string, samples: number, stubVscode = false): { wall: number; cpu: number } {
  const stub = stubVscode
    ? `const any=new Proxy(function(){},{get:(t,k)=>k==='prototype'?{}:k===Symbol.toPrimitive?()=>'':any,apply:()=>any,construct:()=>any});
       const vscode=Object.fromEntries(${JSON.stringify(vscodeApiNames(cwd))}.map((name)=>[name,any]));
       const M=require('module');const load=M._load;M._load=function(r,...a){return r==='vscode'?vscode:load.call(this,r,...a)};`
    : '';
  const script = `${stub}const c=process.cpuUsage();const t=process.hrtime.bigint();require(${JSON.stringify(specifier)});
    const w=Number(process.hrtime.bigint()-t)/1e6;const u=process.cpuUsage(c);process.stdout.write(w+' '+(u.user+u.system)/1000)`;
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < samples; i++) {
    const [w, c] = runNode(['-e', script], cwd).split(' ').map(Number);
    wall.push(w ?? NaN);
    cpu.push(c ?? NaN);
  }
  return { wall: median(wall), cpu: median(cpu) };
}

/** One contestant's heap figures, from fresh processes. */
export interface HeapReading {
  /**
   * Median over the processes of `heapUsed` plus `arrayBuffers` (typed arrays' contents, kept outside
   * the heap) after the lint, minus before (both after a full GC), with the result alive.
   */
  usedBytes: number;
  /** The lowest and highest of those readings. */
  usedRange: [number, number];
  /**
   * The objects only the kept result holds alive: the self sizes of the objects in a heap snapshot taken
   * with the result alive that are gone from one taken after dropping it (V8 keeps object ids across
   * snapshots). Module caches and compiled code, which `usedBytes` counts, are not in it.
   */
  snapshotBytes: number;
}

export interface HeapFigures {
  /** A `ReportLinter` that has linted the file once, and its result (what the extension keeps per open document). */
  ours: HeapReading;
  /** markdownlint's result for the same text. */
  markdownlint: HeapReading;
}

/** Sums the self sizes of the nodes of snapshot `with` whose ids are not in snapshot `without`. */
const SNAPSHOT_DIFF = `
function snapshotDiff(withFile, withoutFile) {
  const read = (file) => JSON.parse(require('fs').readFileSync(file, 'utf8'));
  const without = read(withoutFile);
  const fields = without.snapshot.meta.node_fields;
  const width = fields.length;
  const idAt = fields.indexOf('id');
  const sizeAt = fields.indexOf('self_size');
  const ids = new Set();
  for (let i = 0; i < without.nodes.length; i += width) ids.add(without.nodes[i + idAt]);
  const kept = read(withFile);
  let bytes = 0;
  for (let i = 0; i < kept.nodes.length; i += width) if (!ids.has(kept.nodes[i + idAt])) bytes += kept.nodes[i + sizeAt];
  return bytes;
}`;

/**
 * Heap kept by a `ReportLinter` that has linted `file` once, and by markdownlint's result, each in
 * fresh processes running a script file (code given to `node -e` runs in a scope whose variables the
 * measurement mistook for retained memory). `heapUsed` after minus before varies between processes:
 * markdownlint's reads ~1 MiB in some and ~53 MiB in others, which its heap snapshots do not show (the
 * objects its result holds come to under 0.1 MiB); ours varies by a few percent. So the goal takes the
 * lowest of five processes for each (what disturbs the reading only adds to it), the report shows the
 * median and the range, and the snapshot figure, which does not vary.
 */
export function heapUsed(corePath: string, file: string, markdownlintConfig: unknown, cwd: string, dir: string): HeapFigures {
  const measure = (setup: string, work: string): string => `
    'use strict';
    ${SNAPSHOT_DIFF}
    ${setup}
    const v8 = require('v8');
    const text = require('fs').readFileSync(${JSON.stringify(file)}, 'utf8');
    const used = () => { gc(); gc(); const memory = process.memoryUsage(); return memory.heapUsed + memory.arrayBuffers; };
    const snapshots = process.argv[2] === 'snapshot';
    const before = used();
    let kept = ${work};
    const after = used();
    if (!snapshots) {
      process.stdout.write(String(after - before));
    } else {
      const withFile = v8.writeHeapSnapshot(${JSON.stringify(path.join(dir, 'with.heapsnapshot'))});
      kept = undefined;
      gc(); gc();
      const withoutFile = v8.writeHeapSnapshot(${JSON.stringify(path.join(dir, 'without.heapsnapshot'))});
      process.stdout.write(String(snapshotDiff(withFile, withoutFile)));
    }`;
  const ours = measure(`const core = require(${JSON.stringify(corePath)});`, '(() => { const linter = new core.ReportLinter(); return [linter, linter.update(text)]; })()');
  const theirs = measure(`const { lint } = require(${JSON.stringify(path.join(cwd, 'node_modules/markdownlint/lib/exports-sync.mjs'))}); const config = ${JSON.stringify(markdownlintConfig)};`, 'lint({ strings: { report: text }, config })');
  const read = (name: string, script: string): HeapReading => {
    const scriptFile = path.join(dir, name);
    writeFileSync(scriptFile, script);
    const readings = [0, 1, 2, 3, 4].map(() => Number(runNode(['--expose-gc', scriptFile], cwd)));
    const snapshotBytes = Number(runNode(['--expose-gc', '--max-old-space-size=4096', scriptFile, 'snapshot'], cwd));
    return { usedBytes: median(readings), usedRange: [Math.min(...readings), Math.max(...readings)], snapshotBytes };
  };
  return { ours: read('heap-ours.cjs', ours), markdownlint: read('heap-markdownlint.cjs', theirs) };
}
