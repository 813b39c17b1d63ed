import { join } from 'node:path';
import { allKinds } from '../core/templates/registry';
import type { ReportKind } from '../core/templates/types';
import { ConfigFinder } from './configFiles';
import { displayPath } from './displayPath';
import type { CliIo } from './io';

/**
 * The kinds that apply to files in a folder: the built-in ones and those of the nearest
 * `.mlreport.json`. Its problems are printed to standard error; `problems` says whether there were any.
 */
export function kindsForFolder(folder: string, io: CliIo): { kinds: ReportKind[]; problems: boolean } {
  let problems = false;
  const finder = new ConfigFinder((path) => displayPath(io.cwd, path), (message, fatal) => {
    if (fatal) problems = true;
    io.stderr(`${message}\n`);
  });
  const loaded = finder.forFile(join(folder, 'report.md'));
  return { kinds: allKinds(loaded?.error ? [] : (loaded?.config.kinds ?? [])), problems };
}
