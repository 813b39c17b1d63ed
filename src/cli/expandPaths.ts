import { realpathSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
// Required, not imported: esbuild would otherwise bundle tinyglobby's ES module build, whose fdir
// dependency calls createRequire(import.meta.url), and import.meta is empty in our CommonJS bundle.
// eslint-disable-next-line @typescript-eslint/no-require-imports
import tinyglobby = require('tinyglobby');

const { globSync, isDynamicPattern } = tinyglobby;

export interface Expansion {
  /** Absolute paths, each file once, in argument order (a folder's or glob's files sorted). */
  files: string[];
  /** One message per argument that matched nothing. */
  problems: string[];
}

const SKIPPED_FOLDERS = ['**/node_modules/**', '**/.git/**'];

/** Turns lint arguments into files: a file as given, a folder's `*.md` files (recursively), a glob's matches. */
export function expandPaths(args: readonly string[], cwd: string): Expansion {
  const found: string[] = [];
  const problems: string[] = [];
  for (const arg of args) {
    const path = resolve(cwd, arg);
    const stat = statSync(path, { throwIfNoEntry: false });
    if (stat?.isDirectory()) {
      const matches = globSync('**/*.md', { cwd: path, absolute: true, dot: true, ignore: SKIPPED_FOLDERS });
      if (matches.length === 0) problems.push(`${arg}: the folder has no .md files`);
      found.push(...sortPaths(matches.map((file) => resolve(file))));
    } else if (stat) {
      found.push(path);
    } else if (isDynamicPattern(arg)) {
      const matches = globSync(arg, { cwd, absolute: true, ignore: SKIPPED_FOLDERS });
      if (matches.length === 0) problems.push(`${arg}: no files match this glob`);
      found.push(...sortPaths(matches.map((file) => resolve(file))));
    } else {
      problems.push(`${arg}: no such file or folder`);
    }
  }
  return { files: oncePerRealFile(found), problems };
}

/**
 * Keeps each file once when symbolic links (or several arguments) reach it by several paths, at the
 * position of its first path; the path shown is the file's own path when that was among them.
 */
function oncePerRealFile(paths: readonly string[]): string[] {
  const chosen = new Map<string, string>();
  for (const path of paths) {
    const real = realPath(path);
    const current = chosen.get(real);
    if (current === undefined) chosen.set(real, path);
    else if (path === real && current !== real) chosen.set(real, path);
  }
  return [...chosen.values()];
}

function realPath(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    return path;
  }
}

function sortPaths(paths: string[]): string[] {
  return paths.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}
