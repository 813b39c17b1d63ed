import { mkdirSync, statSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { instantiateTemplate, localDate } from '../core/templates/instantiate';
import { displayPath } from './displayPath';
import { kindsForFolder } from './kindsForFolder';
import { EXIT_OK, EXIT_USAGE, UsageError } from './io';
import type { CliIo } from './io';
import { parseCommandArgs } from './parseCommandArgs';
import { describeFsError } from './readTextFile';
import { NEW_HELP } from './usage';

export function newCommand(args: string[], io: CliIo): number {
  const { values, positionals } = parseCommandArgs(args, {
    title: { type: 'string', short: 't' },
    author: { type: 'string', short: 'a', multiple: true },
    output: { type: 'string', short: 'o' },
    force: { type: 'boolean' },
    help: { type: 'boolean', short: 'h' },
  });
  if (values.help) {
    io.stdout(NEW_HELP);
    return EXIT_OK;
  }
  // The kinds of the folder the report goes to: built-in ones and its configuration's.
  const target = values.output === undefined || values.output === '-' ? io.cwd : dirname(resolve(io.cwd, values.output));
  const available = kindsForFolder(target, io).kinds;
  const kinds = available.map((kind) => kind.id).join(', ');
  if (positionals.length !== 1) throw new UsageError(`give one report kind (${kinds})`);
  const kind = available.find((known) => known.id === positionals[0]);
  if (!kind) throw new UsageError(`unknown kind "${positionals[0]}"; use one of ${kinds}`);
  if (kind.template.trim() === '') {
    io.stderr(`mlreport: the kind ${kind.id} has no template in this build\n`);
    return EXIT_USAGE;
  }
  const slots = [...new Set([...kind.template.matchAll(/\{\{([A-Z][A-Z0-9_]*)\}\}/g)].map((match) => match[1] as string))];
  for (const [option, slot, given] of [['--title', 'TITLE', values.title], ['--author', 'AUTHORS', values.author]] as const) {
    if (given === undefined || slots.includes(slot)) continue;
    const others = slots.filter((name) => name !== 'DATE');
    io.stderr(`mlreport: the ${kind.id} template has no {{${slot}}} slot, so ${option} is not used${others.length > 0 ? ` (its slots: ${others.map((name) => `{{${name}}}`).join(', ')})` : ''}\n`);
  }
  const text = instantiateTemplate(kind.template, {
    date: localDate((io.now ?? (() => new Date()))()),
    title: values.title,
    authors: values.author,
  });
  if (values.output === undefined || values.output === '-') {
    io.stdout(text);
    return EXIT_OK;
  }
  const path = resolve(io.cwd, values.output);
  const shownAs = displayPath(io.cwd, path);
  const existing = statSync(path, { throwIfNoEntry: false });
  if (existing?.isDirectory()) {
    io.stderr(`mlreport: ${shownAs} is a folder; give a file name such as ${shownAs}/report.md\n`);
    return EXIT_USAGE;
  }
  if (existing && !values.force) {
    io.stderr(`mlreport: ${shownAs} already exists; not overwritten (use --force to replace it)\n`);
    return EXIT_USAGE;
  }
  try {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, text, { flag: values.force ? 'w' : 'wx' });
  } catch (error) {
    io.stderr(`mlreport: cannot write ${shownAs}: ${describeFsError(error)}\n`);
    return EXIT_USAGE;
  }
  io.stdout(`Wrote ${shownAs} (${kind.name})\n`);
  return EXIT_OK;
}
