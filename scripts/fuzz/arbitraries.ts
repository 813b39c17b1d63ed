// fast-check generators of hostile report documents: random mixes of the Markdown a report holds
// (headings with the kinds' section titles, tables with wrong cell counts, fences, HTML, lists,
// quotes, front matter, placeholders, odd Unicode) and random mutations of real reports.
import fc from 'fast-check';
import { BUILTIN_KINDS } from '../../src/core';
import type { LintOptions, ReportKind, SectionSpec } from '../../src/core';
import { MISSING_SECTION } from '../../src/core/rules/missingSection';
import { TABLE_COLUMN_COUNT } from '../../src/core/rules/tableColumnCount';
import { UNFILLED_PLACEHOLDER } from '../../src/core/rules/unfilledPlaceholder';

/** A generated case: the text to lint, the options, and which generator made it (for reports). */
export interface FuzzCase {
  source: string;
  text: string;
  options: LintOptions;
}

const KIND_IDS = BUILTIN_KINDS.map((kind) => kind.id);

function sectionTitles(kinds: readonly ReportKind[]): string[] {
  const titles: string[] = [];
  const visit = (specs: readonly SectionSpec[]): void => {
    for (const spec of specs) {
      titles.push(spec.title, ...spec.aliases);
      visit(spec.children);
    }
  };
  for (const kind of kinds) visit(kind.sections);
  return titles;
}

/** The kinds' filler text, read from their placeholder inventories so new filler is fuzzed too. */
function fillerTexts(kinds: readonly ReportKind[]): string[] {
  const out: string[] = [];
  for (const { placeholders: p } of kinds) {
    out.push(...p.blocks, ...p.values, ...p.labels.map((label) => `**${label}**: x`), ...p.cells, ...p.choices, ...p.inline);
    out.push(...p.rows.map((row) => `| ${row.join(' | ')} |`));
  }
  return out.length > 0 ? out : ['Finding 1', 'Target value', 'X examples', 'Y%', 'Draft / Final / In Review', '[link]'];
}

const TITLES = sectionTitles(BUILTIN_KINDS);
const FILLER = fillerTexts(BUILTIN_KINDS);

/** Characters that break naive code: astral, combining, RTL, NUL, BOM, lone surrogates, odd breaks. */
const SPECIAL_CHARS = [
  '😀', '🧪', '👩‍🔬', '\u0301', '\u0308', 'e\u0301', '\u05d0', '\u0627', '\u202e', '\u200f', '\u200b', '\u0000',
  '\ufeff', '\ud800', '\udc00', '\udfff', '\r', '\u2028', '\u2029', '\u000b', '\f', '\t', '\u00a0', '\u3000', 'ﬁ', 'İ', 'ß',
];

const specialChar = fc.constantFrom(...SPECIAL_CHARS);
const anyUnit = fc.integer({ min: 0, max: 0xffff }).map((code) => String.fromCharCode(code));

/** Short text mixing words, Markdown punctuation, placeholders and special characters. */
export const inlineText: fc.Arbitrary<string> = fc
  .array(
    fc.oneof(
      { weight: 6, arbitrary: fc.constantFrom('word', 'Results', 'Finding', 'the', 'x', '1', '0.89', 'Y%', 'data') },
      { weight: 3, arbitrary: fc.constantFrom(' ', '  ', '\t') },
      { weight: 2, arbitrary: fc.constantFrom('*', '**', '_', '`', '``', '\\', '\\|', '|', '[', ']', '(', ')', '<', '>', '#', '!', '~', ':', '&amp;', '<br>', '<!--', '-->') },
      { weight: 2, arbitrary: fc.constantFrom('{{X}}', '{{TITLE}}', '{{', '}}', '{{ }}', '{{a b}}', '{{{X}}}', '[link]', '[CLS]', '[1]', '[x](y)', '![i](p)', '<https://a.b>') },
      { weight: 2, arbitrary: fc.constantFrom(...FILLER) },
      { weight: 2, arbitrary: specialChar },
      { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 6 }) },
      { weight: 1, arbitrary: fc.string({ unit: anyUnit, maxLength: 4 }) },
    ),
    { maxLength: 12 },
  )
  .map((parts) => parts.join(''));

const numbering = fc.constantFrom('', '', '1. ', '2) ', '1.2 ', '10 ', 'A. ', 'b) ', 'IV. ', '5.1.3 ', '1.', '0. ');

const headingTitle = fc.oneof(
  { weight: 4, arbitrary: fc.tuple(numbering, fc.constantFrom(...TITLES), fc.constantFrom('', '', ':', ' ✅', '!', ' 😀')).map(([n, t, s]) => n + t + s) },
  { weight: 1, arbitrary: fc.tuple(numbering, fc.constantFrom(...TITLES)).map(([n, t]) => n + t.toUpperCase()) },
  { weight: 2, arbitrary: inlineText },
);

const heading = fc
  .tuple(fc.integer({ min: 1, max: 7 }), headingTitle, fc.constantFrom('', '', '', ' #', ' ##', '#'), fc.constantFrom('', '', '', ' ', '   ', '\t'))
  .map(([level, title, closing, indent]) => `${indent}${'#'.repeat(level)} ${title}${closing}`);

const setextHeading = fc
  .tuple(headingTitle, fc.constantFrom('===', '---', '-', '= ='))
  .map(([title, underline]) => `${title}\n${underline}`);

const cell = fc.oneof(
  { weight: 4, arbitrary: inlineText },
  { weight: 2, arbitrary: fc.constantFrom(...FILLER) },
  { weight: 1, arbitrary: fc.constantFrom('', ' ', '\\|', '`a|b`', '`|`', '**Name**', 'Train', '✅ Met', '\\', 'a\\\\|b') },
);

const delimiterCell = fc.constantFrom('---', ':--', '--:', ':-:', '-', '', ' --- ', '--- x', ':', '==');

const tableRow = (cells: readonly string[], edges: readonly [boolean, boolean]): string =>
  `${edges[0] ? '| ' : ''}${cells.join(' | ')}${edges[1] ? ' |' : ''}`;

const table = fc
  .record({
    header: fc.array(cell, { minLength: 1, maxLength: 7 }),
    delimiterDelta: fc.constantFrom(0, 0, 0, -1, 1, -3, 2),
    delimiter: fc.array(delimiterCell, { maxLength: 12 }),
    rows: fc.array(fc.array(cell, { maxLength: 9 }), { maxLength: 8 }),
    edges: fc.tuple(fc.boolean(), fc.boolean()),
    indent: fc.constantFrom('', '', '  ', '    '),
  })
  .map(({ header, delimiterDelta, delimiter, rows, edges, indent }) => {
    const width = Math.max(0, header.length + delimiterDelta);
    const delimiterCells = Array.from({ length: width }, (_, i) => delimiter[i % Math.max(1, delimiter.length)] ?? '---');
    const lines = [tableRow(header, edges), tableRow(delimiterCells, edges), ...rows.map((row) => tableRow(row, edges))];
    return lines.map((line) => indent + line).join('\n');
  });

const fence = fc
  .record({
    marker: fc.constantFrom('```', '~~~', '````', '~~~~~', '``'),
    info: fc.constantFrom('', 'python', 'yaml', '`x`', ' js {a}', 'mermaid'),
    body: fc.array(fc.oneof(inlineText, heading, fc.constantFrom('---', '<div>', '| a | b |', '```')), { maxLength: 6 }),
    close: fc.constantFrom('same', 'same', 'longer', 'other', 'none', 'indented'),
  })
  .map(({ marker, info, body, close }) => {
    const closing = { same: marker, longer: `${marker}${marker[0] ?? ''}`, other: marker.startsWith('`') ? '~~~' : '```', none: '', indented: `    ${marker}` }[close] ?? '';
    return [marker + info, ...body, closing].join('\n');
  });

const html = fc
  .tuple(
    fc.constantFrom('<div>', '<details>', '<pre>', '<!--', '<table>', '<script>', '<?php', '<![CDATA[', '<!DOCTYPE html>', '<x-y a="b">'),
    fc.array(fc.oneof(inlineText, heading), { maxLength: 4 }),
    fc.constantFrom('</div>', '</details>', '</pre>', '-->', '</table>', '</script>', '?>', ']]>', '', '', '<!-- -->'),
  )
  .map(([open, body, close]) => [open, ...body, close].join('\n'));

const listItem = fc
  .tuple(
    fc.constantFrom('', '  ', '    ', '   ', '\t', '      '),
    fc.constantFrom('- ', '* ', '+ ', '1. ', '2) ', '- [ ] ', '- [x] ', '10. ', '-', '- - '),
    fc.oneof(inlineText, fc.constantFrom(...FILLER)),
  )
  .map(([indent, marker, text]) => indent + marker + text);

const list = fc.array(listItem, { minLength: 1, maxLength: 8 }).map((items) => items.join('\n'));

const paragraph = fc.array(inlineText, { minLength: 1, maxLength: 4 }).map((lines) => lines.join('\n'));

const leaf = fc.oneof(
  { weight: 4, arbitrary: heading },
  { weight: 1, arbitrary: setextHeading },
  { weight: 3, arbitrary: table },
  { weight: 2, arbitrary: fence },
  { weight: 1, arbitrary: html },
  { weight: 2, arbitrary: list },
  { weight: 3, arbitrary: paragraph },
  { weight: 2, arbitrary: fc.constantFrom(...FILLER) },
  { weight: 1, arbitrary: fc.constantFrom('', '---', '***', '[link]: https://x', '[x]: <y>', '    indented code', '\\', '&nbsp;', '---\ntype: x\n---') },
);

const quote = fc
  .tuple(fc.integer({ min: 1, max: 6 }), fc.constantFrom('> ', '>', ' > ', '>> '), leaf)
  .map(([depth, marker, block]) => block.split('\n').map((line) => marker.repeat(depth) + line).join('\n'));

const block = fc.oneof({ weight: 8, arbitrary: leaf }, { weight: 1, arbitrary: quote });

const yamlScalar = fc.oneof(
  fc.constantFrom('x', '"{{TITLE}}"', '{{TITLE}}', '2024-01-01', '2024-13-45', 'not a date', '""', "'a''b'", 'null', '~', '1e3', 'true', '[a, b]', '{a: 1}', '|\n  block\n  text', '>-\n  folded', '&a x', '*a', '*missing', '!!binary aGk=', '!custom x', '"unclosed', "'unclosed", '[', '{', ': :', '- a'),
  fc.constantFrom(...KIND_IDS, 'ml-experiment-report', 'ml-task-spec', 'other-kind', ''),
  inlineText,
);

const yamlKey = fc.constantFrom('title', 'authors', 'date', 'type', 'version', 'project', 'tags', 'status', 'x', '? complex', '"quoted key"', '<<', 'type ', '-', 'a: b');

const yamlLine = fc
  .tuple(fc.constantFrom('', '', '  ', '\t', '    '), yamlKey, fc.constantFrom(': ', ':', ' : ', ':\t'), yamlScalar)
  .map(([indent, key, sep, value]) => `${indent}${key}${sep}${value}`);

const yamlBody = fc.oneof(
  { weight: 5, arbitrary: fc.array(yamlLine, { maxLength: 8 }).map((lines) => lines.join('\n')) },
  { weight: 2, arbitrary: fc.constantFrom(...KIND_IDS).map((id) => `title: T\nauthors: A\ndate: 2024-01-01\nversion: 1\nproject: P\ntype: ${id}`) },
  { weight: 1, arbitrary: fc.constantFrom('- a\n- b', 'just a string', '42', '[1, 2]', '', 'null', 'a: &x [1]\nb: *x\nc: *x', 'a: &x\n  k: v\nb:\n  <<: *x', '\ttype: x', 'type: [ml-experiment-report]', 'type: {a: 1}', 'type: !!str 1', '---', '...', 'a: 1\na: 2', '%YAML 1.2\n---\na: 1') },
  { weight: 1, arbitrary: inlineText },
);

const frontMatter = fc
  .tuple(yamlBody, fc.constantFrom('---', '---', '---', '...', '', '--- ', '----'))
  .map(([body, close]) => `---\n${body}\n${close}`);

const eol = fc.constantFrom('\n', '\n', '\r\n', '\r', 'mixed');

const options: fc.Arbitrary<LintOptions> = fc.oneof(
  { weight: 3, arbitrary: fc.constant({}) },
  { weight: 3, arbitrary: fc.constantFrom(...KIND_IDS).map((kind): LintOptions => ({ kind })) },
  { weight: 1, arbitrary: fc.constantFrom<LintOptions>({ kind: 'no-such-kind' }, { rules: { [UNFILLED_PLACEHOLDER]: 'off' } }, { rules: { [MISSING_SECTION]: 'error', [TABLE_COLUMN_COUNT]: 'info' } }) },
);

function withLineEndings(text: string, style: string, seed: number): string {
  if (style !== 'mixed') return text.replace(/\n/g, style);
  let i = seed;
  return text.replace(/\n/g, () => ['\n', '\r\n', '\r'][(i++ * 7) % 3] ?? '\n');
}

/** Whole generated documents: optional BOM and front matter, random blocks, random line endings. */
export const generatedReport: fc.Arbitrary<FuzzCase> = fc
  .record({
    bom: fc.constantFrom(false, false, false, false, true),
    frontMatter: fc.option(frontMatter, { freq: 3 }),
    blocks: fc.array(block, { maxLength: 24 }),
    separators: fc.array(fc.constantFrom('\n\n', '\n', '\n\n\n', '\n \n'), { minLength: 1, maxLength: 4 }),
    eol,
    options,
    trailing: fc.constantFrom('\n', '', '\n\n', ' '),
  })
  .map(({ bom, frontMatter: front, blocks, separators, eol: style, options: lintOptions, trailing }) => {
    const parts = front === null ? blocks : [front, ...blocks];
    const body = parts.map((part, i) => part + (separators[i % separators.length] ?? '\n')).join('') + trailing;
    return { source: 'generated', text: (bom ? '\ufeff' : '') + withLineEndings(body, style, blocks.length), options: lintOptions };
  });

type Mutation =
  | { op: 'delete' | 'duplicate' | 'swap'; at: number }
  | { op: 'flip' | 'insert'; at: number; char: string }
  | { op: 'splice'; at: number; text: string };

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ op: fc.constantFrom('delete' as const, 'duplicate' as const, 'swap' as const), at: fc.nat() }),
  fc.record({ op: fc.constantFrom('flip' as const, 'insert' as const), at: fc.nat(), char: fc.oneof(specialChar, fc.constantFrom('|', '#', '`', '{', '}', '[', ']', '\n', '-', '>', '*', '\\', ' ', ':', '<'), anyUnit) }),
  fc.record({ op: fc.constant('splice' as const), at: fc.nat(), text: fc.oneof(block, frontMatter) }),
);

function mutate(text: string, mutations: readonly Mutation[]): string {
  let lines = text.split('\n');
  for (const m of mutations) {
    const lineIndex = lines.length === 0 ? 0 : m.at % lines.length;
    if (m.op === 'delete') lines.splice(lineIndex, 1);
    else if (m.op === 'duplicate') lines.splice(lineIndex, 0, lines[lineIndex] ?? '');
    else if (m.op === 'swap') {
      const other = (lineIndex + 1) % Math.max(1, lines.length);
      [lines[lineIndex], lines[other]] = [lines[other] ?? '', lines[lineIndex] ?? ''];
    } else if (m.op === 'splice') lines.splice(lineIndex, 0, ...m.text.split('\n'));
    else if (m.op === 'flip' || m.op === 'insert') {
      const joined = lines.join('\n');
      const at = joined.length === 0 ? 0 : m.at % joined.length;
      const replaced = m.op === 'flip' ? joined.slice(0, at) + m.char + joined.slice(at + 1) : joined.slice(0, at) + m.char + joined.slice(at);
      lines = replaced.split('\n');
    }
  }
  return lines.join('\n');
}

/** Random mutations (line deletions, duplications, swaps, splices, character flips and insertions) of real reports. */
export function mutatedReport(sources: readonly { name: string; text: string }[]): fc.Arbitrary<FuzzCase> {
  if (sources.length === 0) throw new Error('no reports to mutate');
  return fc
    .record({
      source: fc.constantFrom(...sources),
      mutations: fc.array(mutation, { minLength: 1, maxLength: 12 }),
      eol,
      options,
    })
    .map(({ source, mutations, eol: style, options: lintOptions }) => ({
      source: `mutated ${source.name}`,
      text: withLineEndings(mutate(source.text, mutations), style, mutations.length),
      options: lintOptions,
    }));
}
