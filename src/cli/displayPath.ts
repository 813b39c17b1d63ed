import { isAbsolute, relative, sep } from 'node:path';

/** A file's path as the CLI prints it: relative to `cwd` with `/` separators (absolute when on another drive). */
export function displayPath(cwd: string, file: string): string {
  const rel = relative(cwd, file);
  const shown = rel === '' || isAbsolute(rel) ? file : rel;
  return sep === '/' ? shown : shown.split(sep).join('/');
}
