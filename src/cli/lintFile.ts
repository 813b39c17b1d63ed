import { lint } from '../core/lint';
import type { LintOptions, LintResult } from '../core/lint';
import type { RuleSetting } from '../core/types';
import { reportLintOptions } from '../core/features/reportSelection';
import { sniffDeclaredType } from '../core/parse/declaredType';
import { allKinds, findKind } from '../core/templates/registry';
import { rulesForFile } from '../core/config';
import { configClaims, configRelativePath } from './configFiles';
import type { LoadedConfig } from './configFiles';
import type { LintedFile } from './formats/types';
import { readTextFile } from './readTextFile';

/** The command line's settings that decide how a file is linted: plain data, for a worker thread too. */
export interface FileSettings {
  kind: string | undefined;
  ruleOverrides: Record<string, RuleSetting>;
  maxSize: number;
}

/** One file to lint: where it is, how it is shown, and the configuration that applies to it. */
export interface LintTask {
  file: string;
  shownAs: string;
  configPath: string | undefined;
  /** Set when the configuration is unusable: why the file is not linted. */
  configFailure: string | undefined;
}

/** What became of one file: linted, skipped as not a report, or not lintable (exit code 2). */
export type FileOutcome = { linted: LintedFile } | { notReport: string } | { failure: string };

/** Lints one file; `loaded` is the configuration the task names. */
export function lintTask(task: LintTask, loaded: LoadedConfig | undefined, settings: FileSettings): FileOutcome {
  if (task.configFailure !== undefined) return { failure: task.configFailure };
  return lintFile(task.file, task.shownAs, loaded, settings);
}

function lintFile(file: string, shownAs: string, loaded: LoadedConfig | undefined, settings: FileSettings): FileOutcome {
  const outcome = lintFileResult(file, loaded, settings);
  if (!('result' in outcome)) return outcome;
  const { result } = outcome;
  return { linted: { path: file, shownAs, kind: result.kind?.id ?? '', findings: result.findings } };
}

/** The lint result of one file (in this thread: the result is not plain data), or why there is none. */
export function lintFileResult(file: string, loaded: LoadedConfig | undefined, settings: FileSettings): { result: LintResult } | { notReport: string } | { failure: string } {
  const read = readTextFile(file, settings.maxSize);
  if ('problem' in read) return { failure: read.problem };
  const declaredType = sniffDeclaredType(read.text);
  const template = settings.kind === undefined ? loaded?.config.kinds?.find((kind) => kind.source === file) : undefined;
  if (template) return { notReport: `it is the template of the kind "${template.id}"` };
  const relativePath = loaded && configRelativePath(loaded, file);
  const kinds = loaded?.config.kinds;
  if (settings.kind !== undefined && !findKind(settings.kind, kinds)) {
    return { failure: `unknown kind "${settings.kind}"; use one of ${allKinds(kinds).map((known) => known.id).join(', ')}` };
  }
  const selected: LintOptions | undefined = settings.kind !== undefined
    ? { kind: settings.kind, rules: { ...(loaded && rulesForFile(loaded.config, relativePath)), ...settings.ruleOverrides }, ...(kinds ? { kinds } : {}) }
    : reportLintOptions({
        declaredType,
        matchesFiles: loaded !== undefined && configClaims(loaded, file),
        config: loaded?.config,
        settingsRules: settings.ruleOverrides,
        relativePath,
      });
  if (!selected) {
    return {
      notReport: declaredType === undefined
        ? 'no front matter "type:" naming a report kind'
        : `front matter type "${declaredType}" is not a report kind`,
    };
  }
  try {
    const result = lint(read.text, selected);
    if (!result.kind) return { notReport: result.notReport ?? 'no report kind' };
    return { result };
  } catch (error) {
    return { failure: `linting failed: ${error instanceof Error ? error.message : String(error)}` };
  }
}
