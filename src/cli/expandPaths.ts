import { statSync } from 'node:fs';
import { resolve } from 'node:path';
// Required, not imported: esbuild would otherwise bundle tinyglobby's ES module build, whose fdir
// dependency calls createRequire(import.meta.url), and import.meta is empty in our CommonJS bundle.
// eslint-disable-next-line @typescript-eslint/no-require-imports
import tinyglobby = require('tinyglobby');

const { globSync, isDynamicPattern } = tinyglobby;

export interface Expansion {
  /** Absolute paths, each once, in argument order (a folder's or glob's files sorted). */
  files: string[];
  /** One message per argument that matched nothing. */
  problems: string[];
}

const SKIPPED_FOLDERS = ['**/node_modules/**', '**/.git/**'];

/** Turns lint arguments into files: a file as given, a folder's `*.md` files (recursively), a glob's matches. */
export function expandPaths(args: readonly string[], cwd: string): Expansion {
  const files: string[] = [];
  const seen = new Set<string>();
  const problems: string[] = [];
  const add = (file: string): void => {
    if (!seen.has(file)) {
      seen.add(file);
      files.push(file);
    }
  };
  for (const arg of args) {
    const path = resolve(cwd, arg);
    const stat = statSync(path, { throwIfNoEntry: false });
    if (stat?.isDirectory()) {
      const found = globSync('**/*.md', { cwd: path, absolute: true, dot: true, ignore: SKIPPED_FOLDERS, followSymbolicLinks: false });
      if (found.length === 0) problems.push(`${arg}: the folder has no .md files`);
      for (const file of sortPaths(found)) add(resolve(file));
    } else if (stat) {
      add(path);
    } else if (isDynamicPattern(arg)) {
      const found = globSync(arg, { cwd, absolute: true, ignore: SKIPPED_FOLDERS });
      if (found.length === 0) problems.push(`${arg}: no files match this glob`);
      for (const file of sortPaths(found)) add(resolve(file));
    } else {
      problems.push(`${arg}: no such file or folder`);
    }
  }
  return { files, problems };
}

function sortPaths(paths: string[]): string[] {
  return paths.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}
