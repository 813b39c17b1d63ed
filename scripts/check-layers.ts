// Fails on any import cycle in src/ and on any import that points up the layers below.
// `npm run check:layers` (part of `npm test`); the README's Development section shows the same layers.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

export interface Layer {
  name: string;
  /** Folders (ending in `/`) and files, relative to the checked root. A file belongs to its longest match. */
  paths: readonly string[];
}

/**
 * The layers of src/, lowest first. A module may import its own layer and the layers listed before it.
 * Layers given together in one array stand side by side: neither may import the other.
 */
export const LAYERS: readonly (Layer | readonly Layer[])[] = [
  { name: 'text', paths: ['src/core/types.ts', 'src/core/text/'] },
  { name: 'parse', paths: ['src/core/parse/'] },
  { name: 'kinds', paths: ['src/core/templates/'] },
  { name: 'structure', paths: ['src/core/sections/', 'src/core/placeholders/', 'src/core/tables/'] },
  { name: 'rules', paths: ['src/core/rules/'] },
  { name: 'lint', paths: ['src/core/lint.ts', 'src/core/config.ts'] },
  { name: 'features', paths: ['src/core/features/'] },
  { name: 'api', paths: ['src/core/index.ts'] },
  [
    { name: 'cli', paths: ['src/cli/'] },
    { name: 'vscode', paths: ['src/vscode/'] },
  ],
];

export interface LayerCheck {
  /** One line per problem: a cycle, an upward or sideways import, a file outside every layer. */
  problems: string[];
  /** How many files and imports between them were checked. */
  files: number;
  imports: number;
}

interface PlacedLayer {
  name: string;
  height: number;
}

/** Checks the TypeScript files under `dir` (relative to `root`) against the layers. */
export function checkLayers(root: string, layers: readonly (Layer | readonly Layer[])[] = LAYERS, dir = 'src'): LayerCheck {
  const files = sourceFiles(root, dir);
  const graph = new Map<string, string[]>();
  for (const file of files) graph.set(file, localImports(root, file));
  const problems: string[] = [];
  const placed = new Map<string, PlacedLayer | undefined>(files.map((file) => [file, layerOf(file, layers)]));
  let imports = 0;
  for (const [file, targets] of graph) {
    const from = placed.get(file);
    if (!from) {
      problems.push(`${file} is in no layer: add it (or its folder) to LAYERS in scripts/check-layers.ts`);
      continue;
    }
    for (const target of targets) {
      imports++;
      const to = placed.get(target);
      if (!to || to.name === from.name) continue;
      if (to.height > from.height) problems.push(`${file} (layer ${from.name}) imports ${target} from the higher layer ${to.name}`);
      else if (to.height === from.height) problems.push(`${file} (layer ${from.name}) imports ${target} from ${to.name}, a layer beside it`);
    }
  }
  for (const { cycle, size } of findCycles(graph)) {
    const among = size > cycle.length ? ` (one of the cycles among ${size} files)` : '';
    problems.push(`import cycle: ${[...cycle, cycle[0]].join(' -> ')}${among}`);
  }
  return { problems, files: files.length, imports };
}

function layerOf(file: string, layers: readonly (Layer | readonly Layer[])[]): PlacedLayer | undefined {
  let best: { layer: PlacedLayer; length: number } | undefined;
  layers.forEach((entry, height) => {
    for (const layer of Array.isArray(entry) ? entry : [entry as Layer]) {
      for (const prefix of layer.paths) {
        const matches = prefix.endsWith('/') ? file.startsWith(prefix) : file === prefix;
        if (matches && (!best || prefix.length > best.length)) best = { layer: { name: layer.name, height }, length: prefix.length };
      }
    }
  });
  return best?.layer;
}

function sourceFiles(root: string, dir: string): string[] {
  const found: string[] = [];
  const walk = (relative: string): void => {
    for (const entry of readdirSync(path.join(root, relative), { withFileTypes: true })) {
      const child = path.posix.join(relative, entry.name);
      if (entry.isDirectory()) walk(child);
      else if (/\.tsx?$/.test(entry.name) && !entry.name.endsWith('.d.ts')) found.push(child);
    }
  };
  walk(dir);
  return found.sort();
}

/** The files under the root that a file imports by a relative path (`import type` and re-exports included). */
function localImports(root: string, file: string): string[] {
  const text = readFileSync(path.join(root, file), 'utf8');
  const targets = new Set<string>();
  for (const { fileName } of ts.preProcessFile(text, true, true).importedFiles) {
    if (!fileName.startsWith('.')) continue;
    const base = path.posix.normalize(path.posix.join(path.posix.dirname(file), fileName.replace(/\.js$/, '')));
    const resolved = [`${base}.ts`, `${base}.tsx`, `${base}/index.ts`, base].find((candidate) => isFile(path.join(root, candidate)));
    if (resolved && /\.tsx?$/.test(resolved)) targets.add(resolved);
  }
  return [...targets].sort();
}

function isFile(file: string): boolean {
  return existsSync(file) && statSync(file).isFile();
}

/** One cycle through each group of files that import one another (Tarjan's strongly connected components). */
export function findCycles(graph: ReadonlyMap<string, readonly string[]>): { cycle: string[]; size: number }[] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const cycles: { cycle: string[]; size: number }[] = [];
  let next = 0;
  const visit = (node: string): void => {
    index.set(node, next);
    low.set(node, next);
    next++;
    stack.push(node);
    onStack.add(node);
    for (const target of graph.get(node) ?? []) {
      if (!index.has(target)) {
        visit(target);
        low.set(node, Math.min(low.get(node) as number, low.get(target) as number));
      } else if (onStack.has(target)) {
        low.set(node, Math.min(low.get(node) as number, index.get(target) as number));
      }
    }
    if (low.get(node) !== index.get(node)) return;
    const component = new Set<string>();
    let member: string;
    do {
      member = stack.pop() as string;
      onStack.delete(member);
      component.add(member);
    } while (member !== node);
    if (component.size > 1 || (graph.get(node) ?? []).includes(node)) cycles.push({ cycle: cycleThrough(node, component, graph), size: component.size });
  };
  for (const node of graph.keys()) if (!index.has(node)) visit(node);
  return cycles;
}

/** A shortest path from `start` back to itself inside one strongly connected component. */
function cycleThrough(start: string, component: ReadonlySet<string>, graph: ReadonlyMap<string, readonly string[]>): string[] {
  const previous = new Map<string, string>();
  const queue = [start];
  for (let i = 0; i < queue.length; i++) {
    const node = queue[i] as string;
    for (const target of graph.get(node) ?? []) {
      if (!component.has(target)) continue;
      if (target === start) {
        const path = [node];
        while (path[0] !== start) path.unshift(previous.get(path[0] as string) as string);
        return path;
      }
      if (!previous.has(target)) {
        previous.set(target, node);
        queue.push(target);
      }
    }
  }
  return [start];
}

if (process.argv[1]?.endsWith('check-layers.ts')) {
  const result = checkLayers(process.cwd());
  if (result.problems.length > 0) {
    console.error(result.problems.join('\n'));
    console.error(`check-layers: ${result.problems.length} problem(s) in ${result.files} files`);
    process.exit(1);
  }
  console.log(`check-layers: ${result.files} files, ${result.imports} imports, no cycle, every import points down`);
}
