import { readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { CONFIG_FILE_NAME, matchesConfigFiles, parseConfigText } from '../core/config';
import type { ReportConfig } from '../core/config';
import { describeFsError } from './readTextFile';

export interface LoadedConfig {
  /** Absolute path of the `.mlreport.json`. */
  path: string;
  config: ReportConfig;
  /** False when the file could not be read or is not JSON: files under it are not linted. */
  usable: boolean;
}

/** Receives each config file's problems once, with the file named: warnings, or why it is unusable. */
export type ConfigReporter = (message: string, fatal: boolean) => void;

export function loadConfigFile(path: string, shownAs: string, report: ConfigReporter): LoadedConfig {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    report(`${shownAs}: cannot read the configuration: ${describeFsError(error)}`, true);
    return { path, config: parseConfigText('{}').config, usable: false };
  }
  const parsed = parseConfigText(text);
  if (parsed.syntaxError) {
    report(`${shownAs}:${parsed.syntaxError.line}:${parsed.syntaxError.column}: ${parsed.syntaxError.message}`, true);
    return { path, config: parsed.config, usable: false };
  }
  for (const problem of parsed.problems) report(`${shownAs}: warning: ${problem}`, false);
  return { path, config: parsed.config, usable: true };
}

/**
 * Finds the `.mlreport.json` that applies to a file: the first one walking up from the file's folder
 * to the root. Each folder is looked at once and each config file read once per run.
 */
export class ConfigFinder {
  private readonly byFolder = new Map<string, LoadedConfig | undefined>();

  constructor(
    private readonly show: (path: string) => string,
    private readonly report: ConfigReporter,
  ) {}

  forFile(file: string): LoadedConfig | undefined {
    return this.forFolder(dirname(file));
  }

  private forFolder(folder: string): LoadedConfig | undefined {
    if (this.byFolder.has(folder)) return this.byFolder.get(folder);
    const candidate = join(folder, CONFIG_FILE_NAME);
    const parent = dirname(folder);
    const found = statSync(candidate, { throwIfNoEntry: false })?.isFile()
      ? loadConfigFile(candidate, this.show(candidate), this.report)
      : parent === folder
        ? undefined
        : this.forFolder(parent);
    this.byFolder.set(folder, found);
    return found;
  }
}

/** Whether the config's `files` globs make a file a report. */
export function configClaims(loaded: LoadedConfig, file: string): boolean {
  const rel = relative(dirname(loaded.path), file);
  return matchesConfigFiles(loaded.config, sep === '/' ? rel : rel.split(sep).join('/'));
}
