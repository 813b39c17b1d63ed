import { readFileSync, realpathSync, statSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { matchesConfigFiles } from '../core/config';
import type { ConfigDiscovery, ConfigHost, FoundConfig } from '../core/configDiscovery';
import { syncConfigDiscovery } from '../core/configDiscovery';
import { describeFsError } from './readTextFile';

/** A configuration file, by absolute path; unusable (files under it are not linted) when `error` is set. */
export type LoadedConfig = FoundConfig<string>;

/** Receives each config file's problems once, with the file named: warnings, or why it is unusable. */
export type ConfigReporter = (message: string, fatal: boolean) => void;

/** The configuration discovery's host on the command line: node:fs, synchronously. */
export const nodeConfigHost: ConfigHost<string> = {
  parent: dirname,
  join,
  key: (path) => path,
  stat(path) {
    try {
      return statSync(path, { throwIfNoEntry: false })?.isFile() ? 'file' : 'absent';
    } catch (error) {
      return (error as { code?: unknown }).code === 'ENOTDIR' ? 'absent' : { problem: describeFsError(error) };
    }
  },
  readFile(path) {
    try {
      return { text: readFileSync(path, 'utf8') };
    } catch (error) {
      return { problem: describeFsError(error) };
    }
  },
  realPath(path) {
    try {
      return { path: realpathSync(path) };
    } catch (error) {
      return { problem: describeFsError(error) };
    }
  },
};

/** Reads the file `--config` names, reporting its problems. */
export function loadConfigFile(path: string, shownAs: string, report: ConfigReporter): LoadedConfig {
  return syncConfigDiscovery(nodeConfigHost, (found) => reportProblems(found, shownAs, report)).load(path);
}

/**
 * Finds the `.mlreport.json` that applies to a file: the nearest one walking up from the file's folder
 * to the root (core/configDiscovery.ts). Each folder is looked at once and each config file read once per run.
 */
export class ConfigFinder {
  private readonly discovery: ConfigDiscovery<string>;

  constructor(show: (path: string) => string, report: ConfigReporter) {
    this.discovery = syncConfigDiscovery(nodeConfigHost, (found) => reportProblems(found, show(found.path), report));
  }

  forFile(file: string): LoadedConfig | undefined {
    return this.discovery.find(dirname(file));
  }
}

function reportProblems(found: LoadedConfig, shownAs: string, report: ConfigReporter): void {
  const { error } = found;
  if (error) report(error.at ? `${shownAs}:${error.at.line}:${error.at.column}: ${error.message}` : `${shownAs}: ${error.message}`, true);
  for (const warning of found.warnings) report(`${shownAs}: warning: ${warning}`, false);
  for (const problem of found.problems) report(`${shownAs}:${problem.line}:${problem.column}: "${problem.key}": ${problem.message}`, true);
}

/** A file's path relative to the config's folder, with `/`. */
export function configRelativePath(loaded: LoadedConfig, file: string): string {
  const rel = relative(loaded.folder, file);
  return sep === '/' ? rel : rel.split(sep).join('/');
}

/** Whether the config's `files` globs make a file a report. */
export function configClaims(loaded: LoadedConfig, file: string): boolean {
  return matchesConfigFiles(loaded.config, configRelativePath(loaded, file));
}
