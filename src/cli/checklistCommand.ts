import { resolve } from 'node:path';
import { buildChecklist, checklistMarkdown } from '../core/features/checklist';
import { ConfigFinder, loadConfigFile } from './configFiles';
import type { LoadedConfig } from './configFiles';
import { displayPath } from './displayPath';
import { EXIT_OK, EXIT_USAGE, UsageError } from './io';
import type { CliIo } from './io';
import { lintFileResult } from './lintFile';
import { parseCommandArgs } from './parseCommandArgs';
import { DEFAULT_MAX_SIZE } from './readTextFile';
import { CHECKLIST_HELP } from './usage';

/** `mlreport checklist FILE...`: each report's reproducibility checklist as Markdown, for a review or a pull request. */
export function checklistCommand(args: string[], io: CliIo): number {
  const { values, positionals } = parseCommandArgs(args, {
    kind: { type: 'string', short: 'k' },
    config: { type: 'string', short: 'c' },
    'no-config': { type: 'boolean' },
    help: { type: 'boolean', short: 'h' },
  });
  if (values.help) {
    io.stdout(CHECKLIST_HELP);
    return EXIT_OK;
  }
  if (positionals.length === 0) throw new UsageError('give the report FILE to print the checklist of');
  if (values.config !== undefined && values['no-config']) throw new UsageError('--config and --no-config exclude each other');
  const show = (path: string): string => displayPath(io.cwd, path);
  let exitCode = EXIT_OK;
  const report = (message: string, fatal: boolean): void => {
    io.stderr(`${message}\n`);
    if (fatal) exitCode = EXIT_USAGE;
  };
  let configFor: (file: string) => LoadedConfig | undefined = () => undefined;
  if (values.config !== undefined) {
    const loaded = loadConfigFile(resolve(io.cwd, values.config), values.config, report);
    configFor = () => loaded;
  } else if (!values['no-config']) {
    const finder = new ConfigFinder(show, report);
    configFor = (file) => finder.forFile(file);
  }
  const outputs: string[] = [];
  for (const path of positionals) {
    const file = resolve(io.cwd, path);
    const shownAs = show(file);
    const outcome = lintFileResult(file, configFor(file), { kind: values.kind, ruleOverrides: {}, maxSize: DEFAULT_MAX_SIZE });
    if ('failure' in outcome) {
      io.stderr(`${shownAs}: ${outcome.failure}\n`);
      exitCode = EXIT_USAGE;
      continue;
    }
    if ('notReport' in outcome) {
      io.stderr(`${shownAs}: skipped, not a report (${outcome.notReport}); use --kind to check it anyway\n`);
      continue;
    }
    const checklist = buildChecklist(outcome.result);
    if (!checklist) {
      io.stderr(`${shownAs}: its kind ${outcome.result.kind?.id ?? ''} has no reproducibility checks; turn them on with "optInRules" in the kind or a severity in .mlreport.json "rules"\n`);
      continue;
    }
    outputs.push(checklistMarkdown(checklist, shownAs, outcome.result.kind?.name ?? ''));
  }
  io.stdout(outputs.join('\n'));
  return exitCode;
}
