import { resolve } from 'node:path';
import { parseRuleSetting } from '../core/config';
import { lint } from '../core/lint';
import { reportLintOptions, sniffDeclaredType } from '../core/reportSelection';
import type { LintOptions, LintResult, RuleSetting } from '../core/lint';
import { BUILTIN_KINDS } from '../core/templates/registry';
import { ConfigFinder, configClaims, loadConfigFile } from './configFiles';
import type { LoadedConfig } from './configFiles';
import { displayPath } from './displayPath';
import { expandPaths } from './expandPaths';
import { FORMATTERS, FORMAT_NAMES } from './formats';
import type { LintedFile } from './formats/types';
import { EXIT_ERRORS, EXIT_OK, EXIT_USAGE, UsageError } from './io';
import type { CliIo } from './io';
import { parseCommandArgs } from './parseCommandArgs';
import { DEFAULT_MAX_SIZE, parseSize, readTextFile } from './readTextFile';
import { LINT_HELP } from './usage';

export function lintCommand(args: string[], io: CliIo): number {
  const { values, positionals } = parseCommandArgs(args, {
    format: { type: 'string', short: 'f' },
    kind: { type: 'string', short: 'k' },
    config: { type: 'string', short: 'c' },
    'no-config': { type: 'boolean' },
    rule: { type: 'string', short: 'r', multiple: true },
    'max-size': { type: 'string' },
    help: { type: 'boolean', short: 'h' },
  });
  if (values.help) {
    io.stdout(LINT_HELP);
    return EXIT_OK;
  }
  const format = values.format ?? 'stylish';
  const formatter = FORMATTERS[format];
  if (!formatter) throw new UsageError(`unknown format "${format}"; use one of ${FORMAT_NAMES.join(', ')}`);
  const kind = values.kind;
  if (kind !== undefined && !BUILTIN_KINDS.some((known) => known.id === kind)) {
    throw new UsageError(`unknown kind "${kind}"; use one of ${BUILTIN_KINDS.map((known) => known.id).join(', ')}`);
  }
  const ruleOverrides = parseRuleOptions(values.rule ?? []);
  const maxSize = values['max-size'] === undefined ? DEFAULT_MAX_SIZE : parseSize(values['max-size']);
  if (maxSize === undefined) throw new UsageError(`--max-size "${values['max-size']}" is not a size such as 500KB or 20MB`);
  if (values.config !== undefined && values['no-config']) throw new UsageError('--config and --no-config exclude each other');
  if (positionals.length === 0) throw new UsageError('no PATH to lint; give files, folders or globs');

  let exitCode = EXIT_OK;
  const fail = (message: string): void => {
    io.stderr(`${message}\n`);
    exitCode = EXIT_USAGE;
  };
  const show = (path: string): string => displayPath(io.cwd, path);
  const reportConfig = (message: string, fatal: boolean): void => (fatal ? fail(message) : io.stderr(`${message}\n`));

  let configFor: (file: string) => LoadedConfig | undefined = () => undefined;
  if (values.config !== undefined) {
    const path = resolve(io.cwd, values.config);
    const loaded = loadConfigFile(path, values.config, reportConfig);
    if (!loaded.usable) return EXIT_USAGE;
    configFor = () => loaded;
  } else if (!values['no-config']) {
    const finder = new ConfigFinder(show, reportConfig);
    configFor = (file) => finder.forFile(file);
  }

  const expansion = expandPaths(positionals, io.cwd);
  for (const problem of expansion.problems) fail(problem);

  const linted: LintedFile[] = [];
  const failures: { shownAs: string; message: string }[] = [];
  for (const file of expansion.files) {
    const shownAs = show(file);
    const skip = (message: string): void => {
      failures.push({ shownAs, message });
      fail(`${shownAs}: ${message}`);
    };
    const loaded = configFor(file);
    if (loaded && !loaded.usable) {
      skip(`not linted: its configuration ${show(loaded.path)} is unusable`);
      continue;
    }
    const read = readTextFile(file, maxSize);
    if ('problem' in read) {
      skip(read.problem);
      continue;
    }
    const declaredType = sniffDeclaredType(read.text);
    const selected: LintOptions | undefined = kind !== undefined
      ? { kind, rules: { ...loaded?.config.rules, ...ruleOverrides } }
      : reportLintOptions({
          declaredType,
          matchesFiles: loaded !== undefined && configClaims(loaded, file),
          config: loaded?.config,
          settingsRules: ruleOverrides,
        });
    if (!selected) {
      const reason = declaredType === undefined
        ? 'no front matter "type:" naming a report kind'
        : `front matter type "${declaredType}" is not a report kind`;
      io.stderr(`${shownAs}: skipped, not a report (${reason}); use --kind to lint it anyway\n`);
      continue;
    }
    let result: LintResult;
    try {
      // The kind is passed even when the front matter declares it, so a report whose YAML is broken
      // is still linted (its `type:` line is read without the YAML parser).
      result = lint(read.text, selected.kind === undefined && declaredType !== undefined ? { ...selected, kind: declaredType } : selected);
    } catch (error) {
      skip(`linting failed: ${error instanceof Error ? error.message : String(error)}`);
      continue;
    }
    if (!result.kind) {
      io.stderr(`${shownAs}: skipped, not a report (${result.notReport ?? 'no report kind'}); use --kind to lint it anyway\n`);
      continue;
    }
    linted.push({ path: file, shownAs, kind: result.kind.id, findings: result.findings });
  }

  io.stdout(formatter({ cwd: io.cwd, files: linted, failures }, { color: io.color ?? false }));
  if (exitCode !== EXIT_OK) return exitCode;
  return linted.some((file) => file.findings.some((finding) => finding.severity === 'error')) ? EXIT_ERRORS : EXIT_OK;
}

function parseRuleOptions(entries: readonly string[]): Record<string, RuleSetting> {
  const rules: Record<string, RuleSetting> = {};
  for (const entry of entries) {
    const match = /^([^=]+)=(.*)$/.exec(entry);
    if (!match) throw new UsageError(`--rule "${entry}" is not ID=SETTING, e.g. --rule section-order=off`);
    const setting = parseRuleSetting((match[1] as string).trim(), (match[2] as string).trim());
    if (typeof setting !== 'string') throw new UsageError(`--rule: ${setting.problem}`);
    rules[(match[1] as string).trim()] = setting;
  }
  return rules;
}
