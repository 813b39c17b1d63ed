// Runs the CLI in-process against a temporary folder and captures what it prints.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { RULE_IDS } from '../../src/core';
import { run } from '../../src/cli/run';

export interface CliOutcome {
  code: number;
  stdout: string;
  stderr: string;
}

export function runCli(argv: readonly string[], cwd: string, options: { color?: boolean; now?: Date } = {}): CliOutcome {
  let stdout = '';
  let stderr = '';
  const now = options.now;
  const code = run(argv, {
    stdout: (text) => (stdout += text),
    stderr: (text) => (stderr += text),
    cwd,
    color: options.color ?? false,
    ...(now ? { now: () => now } : {}),
  });
  return { code, stdout, stderr };
}

/** A fresh temporary folder with the given files (paths relative to it, `/` separators); removed by `cleanup`. */
export function tempTree(files: Readonly<Record<string, string | Buffer>> = {}): { root: string; cleanup: () => void } {
  const root = mkdtempSync(join(tmpdir(), 'mlreport-cli-'));
  writeTree(root, files);
  return { root, cleanup: () => rmSync(root, { recursive: true, force: true }) };
}

export function writeTree(root: string, files: Readonly<Record<string, string | Buffer>>): void {
  for (const [path, content] of Object.entries(files)) {
    const full = join(root, ...path.split('/'));
    mkdirSync(dirname(full), { recursive: true });
    writeFileSync(full, content);
  }
}

/** `--rule` arguments that turn off every rule but these, so a test's findings are exactly the ones it means. */
export function onlyRules(...keep: string[]): string[] {
  return RULE_IDS.filter((id) => !keep.includes(id)).flatMap((id) => ['--rule', `${id}=off`]);
}

/** A report whose delimiter row is broken (a `table-column-count` error at 10:1) and with one `{{RESULTS}}` slot (a warning at 13:5). */
export const BROKEN_REPORT = [
  '---',
  'title: Broken',
  'authors: Ada',
  'date: 2024-01-01',
  'type: ml-experiment-report',
  '---',
  '# Broken',
  '',
  '| a | b |',
  '|---|',
  '| 1 | 2 |',
  '',
  'See {{RESULTS}} here.',
  '',
].join('\n');

/** A report with one `{{RESULTS}}` slot: a single warning at 8:5 when only `unfilled-placeholder` runs. */
export const WARNING_REPORT = [
  '---',
  'title: Fine',
  'type: ml-task-spec',
  '---',
  '# Fine',
  '',
  'Text.',
  'See {{RESULTS}} here.',
  '',
].join('\n');

export const PLAIN_NOTE = '# Meeting notes\n\nNot a report.\n';
