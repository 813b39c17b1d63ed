import { relative } from 'node:path';
import type { ReportKind, SectionSpec } from '../core/templates/types';
import { EXIT_OK, EXIT_USAGE } from './io';
import type { CliIo } from './io';
import { kindsForFolder } from './kindsForFolder';
import { parseCommandArgs } from './parseCommandArgs';
import { KINDS_HELP } from './usage';

/** `mlreport kinds`: the kinds that apply to the current folder, with their source, sections and counts. */
export function kindsCommand(args: string[], io: CliIo): number {
  const { values } = parseCommandArgs(args, { json: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } });
  if (values.help) {
    io.stdout(KINDS_HELP);
    return EXIT_OK;
  }
  const { kinds, problems } = kindsForFolder(io.cwd, io);
  const described = kinds.map((kind) => describeKind(kind, io.cwd));
  io.stdout(values.json ? `${JSON.stringify(described, null, 2)}\n` : described.map(formatKind).join('\n'));
  return problems ? EXIT_USAGE : EXIT_OK;
}

interface KindSummary {
  id: string;
  name: string;
  /** The template file, relative to the current folder, or `built-in`. */
  source: string;
  sections: { title: string; required: boolean; aliases: readonly string[]; subsections: { title: string; required: boolean }[] }[];
  counts: { sections: number; optionalSections: number; subsections: number; frontMatterKeys: number; slots: number; filler: number };
}

function describeKind(kind: ReportKind, cwd: string): KindSummary {
  const all = kind.sections.flatMap((spec) => [spec, ...spec.children]);
  const p = kind.placeholders;
  const slots = new Set(kind.template.match(/\{\{[A-Za-z_][A-Za-z0-9_.-]*\}\}/g) ?? []);
  return {
    id: kind.id,
    name: kind.name,
    source: kind.source === undefined ? 'built-in' : relative(cwd, kind.source).split('\\').join('/'),
    sections: kind.sections.map((spec: SectionSpec) => ({
      title: spec.title,
      required: spec.required,
      aliases: spec.aliases,
      subsections: spec.children.map((child) => ({ title: child.title, required: child.required })),
    })),
    counts: {
      sections: kind.sections.length,
      optionalSections: all.filter((spec) => !spec.required).length,
      subsections: all.length - kind.sections.length,
      frontMatterKeys: kind.requiredFrontMatter.length,
      slots: slots.size,
      filler: p.blocks.length + p.values.length + p.labels.length + p.cells.length + p.rows.length + p.tables.length + p.choices.length + p.inline.length + p.code.length,
    },
  };
}

function formatKind(kind: KindSummary): string {
  const c = kind.counts;
  const sections = kind.sections.map((spec) => {
    const children = spec.subsections.length > 0 ? ` (${spec.subsections.map((child) => child.title + (child.required ? '' : '?')).join(', ')})` : '';
    return `    ${spec.title}${spec.required ? '' : '?'}${children}`;
  });
  return [
    `${kind.id} — ${kind.name}`,
    `  source: ${kind.source}`,
    `  ${count(c.sections, 'section')}, ${count(c.subsections, 'subsection')}, ${c.optionalSections} optional; ${count(c.frontMatterKeys, 'required front matter key')}; ${count(c.slots, 'slot')}, ${count(c.filler, 'filler entry', 'filler entries')}`,
    '  sections (? optional):',
    ...sections,
    '',
  ].join('\n');
}

function count(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}
