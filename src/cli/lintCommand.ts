import { resolve } from 'node:path';
import { parseRuleSetting } from '../core/config';
import type { RuleSetting } from '../core/types';
import { BUILTIN_KINDS } from '../core/templates/registry';
import { ConfigFinder, loadConfigFile } from './configFiles';
import type { LoadedConfig } from './configFiles';
import { displayPath } from './displayPath';
import { expandPaths } from './expandPaths';
import { FORMATTERS, FORMAT_NAMES } from './formats';
import type { Formatter, LintedFile } from './formats/types';
import { EXIT_ERRORS, EXIT_OK, EXIT_USAGE, UsageError } from './io';
import type { CliIo } from './io';
import { parseCommandArgs } from './parseCommandArgs';
import type { FileOutcome, FileSettings, LintTask } from './lintFile';
import { lintFiles } from './parallelLint';
import { DEFAULT_MAX_SIZE, parseSize } from './readTextFile';
import { LINT_HELP } from './usage';

interface LintSettings extends FileSettings {
  formatter: Formatter;
  config: { explicit: string } | 'discover' | 'none';
  paths: string[];
}

export function lintCommand(args: string[], io: CliIo): number {
  const settings = parseLintArgs(args);
  if (!settings) {
    io.stdout(LINT_HELP);
    return EXIT_OK;
  }
  let exitCode = EXIT_OK;
  const fail = (message: string): void => {
    io.stderr(`${message}\n`);
    exitCode = EXIT_USAGE;
  };
  const show = (path: string): string => displayPath(io.cwd, path);
  const reportConfig = (message: string, fatal: boolean): void => (fatal ? fail(message) : io.stderr(`${message}\n`));

  let configFor: (file: string) => LoadedConfig | undefined = () => undefined;
  if (typeof settings.config === 'object') {
    const loaded = loadConfigFile(resolve(io.cwd, settings.config.explicit), settings.config.explicit, reportConfig);
    if (loaded.error) return EXIT_USAGE;
    configFor = () => loaded;
  } else if (settings.config === 'discover') {
    const finder = new ConfigFinder(show, reportConfig);
    configFor = (file) => finder.forFile(file);
  }

  const expansion = expandPaths(settings.paths, io.cwd);
  for (const problem of expansion.problems) fail(problem);

  const linted: LintedFile[] = [];
  const failures: { shownAs: string; message: string }[] = [];
  // Configurations are found (and their problems reported) in file order, then the files are linted,
  // on several threads when there are many, and reported in file order.
  const tasks: LintTask[] = expansion.files.map((file) => {
    const loaded = configFor(file);
    return { file, shownAs: show(file), configPath: loaded?.path, configFailure: loaded?.error ? `not linted: its configuration ${show(loaded.path)} is unusable` : undefined };
  });
  const outcomes = lintFiles(tasks, { kind: settings.kind, ruleOverrides: settings.ruleOverrides, maxSize: settings.maxSize }, (task) => (task.configPath !== undefined ? configFor(task.file) : undefined));
  tasks.forEach((task, index) => {
    const { shownAs } = task;
    const outcome = outcomes[index] as FileOutcome;
    if ('linted' in outcome) {
      linted.push(outcome.linted);
    } else if ('notReport' in outcome) {
      io.stderr(`${shownAs}: skipped, not a report (${outcome.notReport}); use --kind to lint it anyway\n`);
    } else {
      failures.push({ shownAs, message: outcome.failure });
      fail(`${shownAs}: ${outcome.failure}`);
    }
  });

  io.stdout(settings.formatter({ cwd: io.cwd, files: linted, failures }, { color: io.color ?? false }));
  if (exitCode !== EXIT_OK) return exitCode;
  return linted.some((file) => file.findings.some((finding) => finding.severity === 'error')) ? EXIT_ERRORS : EXIT_OK;
}

/** The settings of `mlreport lint`, or undefined for `--help`. Throws a UsageError for a mistake. */
function parseLintArgs(args: string[]): LintSettings | undefined {
  const { values, positionals } = parseCommandArgs(args, {
    format: { type: 'string', short: 'f' },
    kind: { type: 'string', short: 'k' },
    config: { type: 'string', short: 'c' },
    'no-config': { type: 'boolean' },
    rule: { type: 'string', short: 'r', multiple: true },
    'max-size': { type: 'string' },
    help: { type: 'boolean', short: 'h' },
  });
  if (values.help) return undefined;
  const format = values.format ?? 'stylish';
  const formatter = FORMATTERS[format];
  if (!formatter) throw new UsageError(`unknown format "${format}"; use one of ${FORMAT_NAMES.join(', ')}`);
  const kind = values.kind;
  // A configuration may bring more kinds: an id that is not built in is checked against each file's.
  if (kind !== undefined && values['no-config'] && !BUILTIN_KINDS.some((known) => known.id === kind)) {
    throw new UsageError(`unknown kind "${kind}"; use one of ${BUILTIN_KINDS.map((known) => known.id).join(', ')}`);
  }
  const maxSize = values['max-size'] === undefined ? DEFAULT_MAX_SIZE : parseSize(values['max-size']);
  if (maxSize === undefined) throw new UsageError(`--max-size "${values['max-size']}" is not a size such as 500KB or 20MB`);
  if (values.config !== undefined && values['no-config']) throw new UsageError('--config and --no-config exclude each other');
  const ruleOverrides = parseRuleOptions(values.rule ?? []);
  if (positionals.length === 0) throw new UsageError('no PATH to lint; give files, folders or globs');
  const config = values.config !== undefined ? { explicit: values.config } : values['no-config'] ? 'none' : 'discover';
  return { formatter, kind, ruleOverrides, maxSize, config, paths: positionals };
}

function parseRuleOptions(entries: readonly string[]): Record<string, RuleSetting> {
  const rules: Record<string, RuleSetting> = {};
  for (const entry of entries) {
    const match = /^([^=]+)=(.*)$/.exec(entry);
    if (!match) throw new UsageError(`--rule "${entry}" is not ID=SETTING, e.g. --rule section-order=off`);
    const id = (match[1] as string).trim();
    const setting = parseRuleSetting(id, (match[2] as string).trim());
    if (typeof setting !== 'string') throw new UsageError(`--rule: ${setting.problem}`);
    rules[id] = setting;
  }
  return rules;
}
