/** Measurements that need a fresh Node process: module load time and the heap a lint keeps. */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
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

/** Heap kept by a `ReportLinter` that has linted `file` once (what the extension holds per open document); median of three fresh processes. */
export function heapUsed(corePath: string, file: string, markdownlintConfig: unknown, cwd: string): HeapFigures {
  const ours = `
    const core = require(${JSON.stringify(corePath)});
    const text = require('fs').readFileSync(${JSON.stringify(file)}, 'utf8');
    gc(); gc();
    const before = process.memoryUsage().heapUsed;
    const linter = new core.ReportLinter();
    const result = linter.update(text);
    gc(); gc();
    const after = process.memoryUsage().heapUsed;
    if (result.findings.length < 0) throw new Error('unreachable');
    process.stdout.write(String(after - before));`;
  const theirs = `
    const { lint } = require('markdownlint/sync');
    const text = require('fs').readFileSync(${JSON.stringify(file)}, 'utf8');
    const config = ${JSON.stringify(markdownlintConfig)};
    gc(); gc();
    const before = process.memoryUsage().heapUsed;
    const result = lint({ strings: { report: text }, config });
    gc(); gc();
    const after = process.memoryUsage().heapUsed;
    if (!result) throw new Error('unreachable');
    process.stdout.write(String(after - before));`;
  const medianOf3 = (script: string): number => median([0, 1, 2].map(() => Number(runNode(['--expose-gc', '-e', script], cwd))));
  return { retainedBytes: medianOf3(ours), markdownlintRetainedBytes: medianOf3(theirs) };
}
