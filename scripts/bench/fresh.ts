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

export interface HeapFigures {
  /** Heap still used after the first `ReportLinter.update` (linter and result alive), after a full GC, minus before. */
  retainedBytes: number;
  /** The same for markdownlint's lint of the same text (its result alive). */
  markdownlintRetainedBytes: number;
}

/**
 * Heap kept by a `ReportLinter` that has linted `file` once (what the extension holds per open document),
 * and by markdownlint's result; median of three fresh processes each. The scripts run from files in
 * `dir`: code given to `node -e` runs in a scope whose variables the measurement mistook for retained
 * memory (52.7 MiB for markdownlint, against ~1 MiB from a file).
 */
export function heapUsed(corePath: string, file: string, markdownlintConfig: unknown, cwd: string, dir: string): HeapFigures {
  const measure = (setup: string, work: string): string => `
    'use strict';
    ${setup}
    const text = require('fs').readFileSync(${JSON.stringify(file)}, 'utf8');
    function main() {
      gc(); gc();
      const before = process.memoryUsage().heapUsed;
      const kept = ${work};
      gc(); gc();
      const after = process.memoryUsage().heapUsed;
      if (!kept) throw new Error('unreachable');
      return after - before;
    }
    process.stdout.write(String(main()));`;
  const ours = measure(`const core = require(${JSON.stringify(corePath)});`, '(() => { const linter = new core.ReportLinter(); return [linter, linter.update(text)]; })()');
  const theirs = measure(`const { lint } = require(${JSON.stringify(path.join(cwd, 'node_modules/markdownlint/lib/exports-sync.mjs'))}); const config = ${JSON.stringify(markdownlintConfig)};`, 'lint({ strings: { report: text }, config })');
  const run = (name: string, script: string): number => {
    const scriptFile = path.join(dir, name);
    writeFileSync(scriptFile, script);
    return median([0, 1, 2].map(() => Number(runNode(['--expose-gc', scriptFile], cwd))));
  };
  return { retainedBytes: run('heap-ours.cjs', ours), markdownlintRetainedBytes: run('heap-markdownlint.cjs', theirs) };
}
