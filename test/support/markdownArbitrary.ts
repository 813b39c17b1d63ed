/**
 * fast-check generators of Markdown reports that stress the chunker: headings of every level (section
 * titles of both kinds among them), fences holding `# lines`, HTML blocks, tables with random cell
 * counts, lists, quotes, link definitions, front matter, placeholders, and LF/CRLF/CR line breaks.
 */
import fc from 'fast-check';
import { unitSettings } from '../../src/core/parse/chunks';

const TITLES = [
  'Executive Summary', '1. Objective', '1.1 Research Question', '2) Dataset', 'Data Splits', '5. RESULTS', 'Results',
  'Key Findings', 'Analysis', '10. Next Steps', 'References', 'Appendix', 'Run 3', 'Abstract', 'Problem Definition',
  'Models and Approach', 'Appendix and References', '{{TITLE}}', 'Notes [x]', 'Ünïcode 😀 title', 'Experimental Setup', '7. Robustness',
];

const WORDS = [
  'alpha', 'beta', 'Finding 1', '{{TITLE}}', '{{ABSTRACT}}', 'Y%', 'X examples', '[link]', '[x]', '[^1]', '`# code`', '**bold**',
  '😀', 'é', 'tab\there', '#hashtag', 'x \\| y', 'Draft / Final / In Review', 'What specific question are we trying to answer?',
  '<span>', '&amp;', '*', '_', 'N/A', 'None.', '**Data Splits**:', 'Key Findings:', '- **Random seeds**:',
];

const inline = fc.array(fc.constantFrom(...WORDS), { minLength: 1, maxLength: 5 }).map((words) => words.join(' '));

const heading = fc
  .tuple(fc.integer({ min: 1, max: 6 }), fc.constantFrom(' ', '\t', '  '), fc.oneof(fc.constantFrom(...TITLES), inline), fc.constantFrom('', '', ' #', ' ###'))
  .map(([depth, gap, title, closing]) => [`${'#'.repeat(depth)}${gap}${title}${closing}`]);

const headingLookalike = fc.constantFrom(['#'], ['## '], ['  ## indented'], ['   # three spaces'], ['    # indented code'], ['#5 not a heading'], ['####### seven'], ['\\# escaped']);

const setext = fc.tuple(inline, fc.constantFrom('===', '---', '-')).map(([text, line]) => [text, line]);

const paragraph = fc.array(inline, { minLength: 1, maxLength: 3 });

const cells = (count: number, value: fc.Arbitrary<string>): fc.Arbitrary<string[]> => fc.array(value, { minLength: count, maxLength: count });

const table = fc
  .record({
    columns: fc.integer({ min: 1, max: 4 }),
    delimiterDelta: fc.constantFrom(0, 0, 0, -1, 1),
    rows: fc.array(fc.integer({ min: 0, max: 6 }), { maxLength: 4 }),
    outerPipes: fc.boolean(),
  })
  .chain(({ columns, delimiterDelta, rows, outerPipes }) => {
    const line = (values: string[]): string => (outerPipes ? `| ${values.join(' | ')} |` : values.join(' | '));
    const cell = fc.constantFrom('a', 'Train', '0.89', 'X examples', '**Name**', '{{X}}', '', 'x \\| y', '✅ Met', 'Environment', 'Seeds');
    return fc.tuple(cells(columns, cell), fc.tuple(...rows.map((count) => cells(count, cell)))).map(([header, body]) => [
      line(header),
      line(Array.from({ length: Math.max(1, columns + delimiterDelta) }, () => '---')),
      ...body.map((values) => line(values)),
    ]);
  });

const fence = fc
  .record({
    marker: fc.constantFrom('```', '````', '~~~'),
    indent: fc.constantFrom('', '', ' ', '  '),
    info: fc.constantFrom('', 'python', 'js title="x"'),
    body: fc.array(fc.constantFrom('# comment', '## not a heading', 'x = 1', '', '   ', '```', '~~~', '---', '<div>'), { maxLength: 4 }),
    close: fc.constantFrom('same', 'same', 'same', 'same', 'same', 'same', 'longer', 'longer', 'none'),
  })
  .map(({ marker, indent, info, body, close }) => [
    `${indent}${marker}${info}`,
    ...body,
    ...(close === 'none' ? [] : [`${indent}${close === 'longer' ? `${marker}${marker[0]}` : marker}`]),
  ]);

const html = fc.constantFrom(
  ['<div>', '# inside div', '</div>'],
  ['<div>', '', '# after blank'],
  ['<!--', '# commented heading', '-->'],
  ['<!-- one line -->'],
  ['<details>', '<summary>More</summary>', '# inside details'],
  ['<pre>', '# in pre', '</pre>'],
  ['<custom-element>', '# in custom'],
  ['<script>', '# js comment', '</script>'],
);

const list = fc
  .array(fc.tuple(fc.constantFrom('- ', '* ', '1. ', '- [ ] ', '- [x] ', '  - ', '   '), inline), { minLength: 1, maxLength: 4 })
  .map((items) => items.map(([marker, text]) => `${marker}${text}`));

const quote = fc.array(fc.oneof(inline.map((text) => `> ${text}`), fc.constantFrom('> # quoted heading', '> ```', '>', '> | a | b |')), { minLength: 1, maxLength: 3 });

const definition = fc.constantFrom(['[x]: https://example.com'], ['[link]: <https://example.com> "title"'], ['[^1]: A footnote.']);

const misc = fc.constantFrom(['---'], ['***'], [''], ['   '], ['\t']);

/** A table of many rows (split into chunks of rows), sometimes with a paragraph line right after it, which GFM takes as one more row. */
const bigTable = fc
  .record({
    columns: fc.integer({ min: 1, max: 3 }),
    rows: fc.array(fc.tuple(fc.integer({ min: 0, max: 4 }), fc.constantFrom('1', '0.5', '{{X}}', '**b**', 'x \\| y', '`a|b`', 'X examples', '', '[x]')), { minLength: 2, maxLength: 40 }),
    after: fc.constantFrom('', '', 'text right after', '| tail |', '> quote', '- item', '---', '    indented'),
    before: fc.constantFrom('', '', 'A paragraph line before'),
  })
  .map(({ columns, rows, after, before }) => [
    ...(before ? [before] : []),
    `| ${Array.from({ length: columns }, (_, i) => `H${i}`).join(' | ')} |`,
    `|${Array.from({ length: columns }, () => '---').join('|')}|`,
    ...rows.map(([count, value], index) => `| ${Array.from({ length: count }, (_, i) => (i === 0 ? `${value} ${index}` : value)).join(' | ')} |`),
    ...(after ? [after] : []),
  ]);

/** Long lists: tight or loose, bullets or numbers (not always from 1), items with indented, lazy or nested lines. */
const longList = fc
  .record({
    marker: fc.constantFrom('-', '*', '+', '1.', '1)', '2.', '7)'),
    loose: fc.constantFrom(false, false, true),
    items: fc.array(fc.tuple(inline, fc.constantFrom('', '', '', 'indented', 'lazy', 'nested', 'blank-then-indented', 'code')), { minLength: 2, maxLength: 30 }),
  })
  .map(({ marker, loose, items }) => items.flatMap(([text, extra], index) => {
    const ordered = /\d/.test(marker);
    const bullet = ordered ? `${Number.parseInt(marker, 10) + index}${marker.slice(-1)}` : marker;
    const pad = ' '.repeat(bullet.length + 1);
    const lines = [`${bullet} ${text}`];
    if (extra === 'indented') lines.push(`${pad}more ${text}`);
    if (extra === 'lazy') lines.push(`lazy ${text}`);
    if (extra === 'nested') lines.push(`${pad}- nested`);
    if (extra === 'blank-then-indented') lines.push('', `${pad}second paragraph`);
    if (extra === 'code') lines.push('', `${pad}    code in item`);
    if (loose) lines.push('');
    return lines;
  }));

/** Indented code, then what micromark reads differently after it. */
const indentedCode = fc.tuple(fc.constantFrom('    code', '    # code', '\tcode'), fc.constantFrom([], [''], ['', '2. after code'], ['', '-'], ['1. one'])).map(([code, after]) => [code, ...after]);

/** A paragraph whose next line makes it a setext heading or a table header, or leaves it a paragraph. */
const turning = fc.tuple(inline, fc.constantFrom('===', '---', '|---|', '| --- | --- |', 'plain', '- item', '2. item', '1. item')).map(([text, next]) => [text.includes('|') ? text : `${text} | b`, next]);

/** A fence long enough for a chunk of its own. */
const longFence = fc
  .record({ marker: fc.constantFrom('```', '~~~', '````'), info: fc.constantFrom('', 'text', 'py  x  y  ', ' log'), body: fc.array(fc.constantFrom('INFO step=1 loss=0.5', '# not a heading', '', '  indented', '```x', '{{X}}', 'a\tb'), { minLength: 3, maxLength: 40 }) })
  .map(({ marker, info, body }) => [`${marker}${info}`, ...body, marker]);

const block = fc.oneof(
  { arbitrary: bigTable, weight: 2 },
  { arbitrary: longList, weight: 2 },
  { arbitrary: indentedCode, weight: 1 },
  { arbitrary: turning, weight: 1 },
  { arbitrary: longFence, weight: 1 },
  { arbitrary: heading, weight: 14 },
  { arbitrary: headingLookalike, weight: 1 },
  { arbitrary: setext, weight: 1 },
  { arbitrary: paragraph, weight: 4 },
  { arbitrary: table, weight: 3 },
  { arbitrary: fence, weight: 3 },
  { arbitrary: html, weight: 2 },
  { arbitrary: list, weight: 2 },
  { arbitrary: quote, weight: 1 },
  { arbitrary: definition, weight: 1 },
  { arbitrary: misc, weight: 1 },
);

const frontMatter = fc.oneof(
  { arbitrary: fc.constant([] as string[]), weight: 1 },
  { arbitrary: fc
    .tuple(
      fc.constantFrom('type: ml-experiment-report', 'type: ml-experiment-report', 'type: ml-experiment-report', 'type: ml-experiment-report', 'type: ml-task-spec', 'type: ml-task-spec', 'type: other', 'type: [broken'),
      fc.subarray(['title: "{{TITLE}}"', 'authors: [A, B]', 'date: 2024-05-01', 'date: 2024-13-45', '# yaml comment', 'tags: [ml]']),
      fc.constantFrom('---', '---', '---', '---', '---', '---', '--- ', '...', ''),
    )
    .map(([type, keys, close]) => ['---', type, ...keys, ...(close ? [close] : [])]),
    weight: 4 },
);

export type LineBreaks = 'lf' | 'crlf' | 'cr' | 'mixed';

/** A document as lines, so a test can join them with any line breaks. */
export const documentLines = fc
  .tuple(frontMatter, fc.array(fc.tuple(block, fc.boolean()), { minLength: 4, maxLength: 24, size: 'medium' }))
  .map(([front, blocks]) => [...front, ...blocks.flatMap(([lines, blankAfter]) => (blankAfter ? [...lines, ''] : lines))]);

export const lineBreaks = fc.constantFrom<LineBreaks>('lf', 'lf', 'crlf', 'cr', 'mixed');

/** Joins lines with the given breaks; `mixed` picks one per line from `choices` (cycled). */
export function joinLines(lines: readonly string[], breaks: LineBreaks, choices: readonly number[] = [0]): string {
  const eols = ['\n', '\r\n', '\r'];
  return lines
    .map((line, index) => {
      const eol = breaks === 'lf' ? '\n' : breaks === 'crlf' ? '\r\n' : breaks === 'cr' ? '\r' : (eols[(choices[index % choices.length] ?? 0) % 3] as string);
      return line + eol;
    })
    .join('');
}

/** Whole documents: generated lines, line breaks, sometimes a BOM or no final line break. */
export const markdownDocument = fc
  .tuple(documentLines, lineBreaks, fc.array(fc.nat(2), { minLength: 1, maxLength: 5 }), fc.boolean(), fc.integer({ min: 0, max: 9 }))
  .map(([lines, breaks, choices, finalBreak, bom]) => {
    const text = joinLines(lines, breaks, choices);
    return `${bom === 0 ? '\uFEFF' : ''}${finalBreak ? text : text.replace(/(\r\n|\n|\r)$/, '')}`;
  });

/** Fragments an edit inserts: ones that open or close fences, HTML and front matter, or create and destroy headings. */
export const editFragment = fc.oneof(
  fc.constantFrom('```', '```\n', '~~~\n', '\n```\n', '<div>\n', '</div>\n', '<!--', '-->', '\n---\n', '---\n', '# ', '\n## Results\n', '\n# Title\n', '##', '#', '\n', '\r\n', '\r', '|', ' | ', '\n| a | b |\n|---|\n', '{{X}}', 'Finding 1', '[link]', '\n\n', '    ', '> ', '- ', 'type: ml-task-spec\n', '😀', 'x',
    '\n---', '\n===', '\n|---|', '\n|---|---|\n', '\n- ', '2. ', '\n2. x\n', '\n    ', '| x |\n', '\n| y | z |', 'lazy\n'),
  inline,
  heading.map(([line]) => `\n${line}\n`),
);

export type Edit =
  | { op: 'insert'; at: number; text: string }
  | { op: 'delete'; at: number; length: number }
  | { op: 'replace'; at: number; length: number; text: string };

export const edit: fc.Arbitrary<Edit> = fc.oneof(
  fc.record({ op: fc.constant('insert' as const), at: fc.nat(), text: editFragment }),
  fc.record({ op: fc.constant('delete' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 40 }) }),
  fc.record({ op: fc.constant('replace' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 20 }), text: editFragment }),
);

/** Applies an edit at `at` modulo the text's length, so any generated edit applies to any text. */
export function applyEdit(text: string, change: Edit): string {
  const at = change.at % (text.length + 1);
  if (change.op === 'insert') return text.slice(0, at) + change.text + text.slice(at);
  const end = Math.min(text.length, at + change.length);
  return text.slice(0, at) + (change.op === 'replace' ? change.text : '') + text.slice(end);
}

/**
 * How the chunker splits (see `unitSettings` in chunks.ts): the shipped settings (small generated
 * documents then put most of their sections together in a chunk), settings that share chunks between
 * sections of a few lines and split within them, and settings that split at every possible place
 * (every heading), parse any fence of a chunk of its own without micromark and split tables of two
 * rows, so that small generated documents reach every kind of split.
 */
export const UNIT_SETTINGS = [
  { name: 'split everywhere', settings: { every: 1, minTableRows: 2, rowsEvery: 1, sectionChars: 0, headingsEvery: 1, minFenceLines: 3, minLiteralFenceChars: 0 } },
  { name: 'table rows only', settings: { every: 0, minTableRows: 2, rowsEvery: 2, sectionChars: 0, headingsEvery: 1, minFenceLines: Infinity, minLiteralFenceChars: Infinity } },
  { name: 'short sections shared', settings: { every: 4, minTableRows: 4, rowsEvery: 2, sectionChars: 120, headingsEvery: 3, minFenceLines: 6, minLiteralFenceChars: 100 } },
  { name: 'shipped settings', settings: { ...unitSettings } },
];

/** Runs `body` with the chunker's settings replaced, and restores them after. */
export async function withUnitSettings<T>(settings: typeof unitSettings, body: () => T | Promise<T>): Promise<T> {
  const saved = { ...unitSettings };
  Object.assign(unitSettings, settings);
  try {
    return await body();
  } finally {
    Object.assign(unitSettings, saved);
  }
}

/** Property runs: `base` in the normal test run; `PROPERTY_RUNS_SCALE=20 npx mocha …` searches deeper. */
export function propertyRuns(base: number): number {
  const scale = Number(process.env['PROPERTY_RUNS_SCALE'] ?? 1);
  return Math.max(1, Math.round(base * (Number.isFinite(scale) && scale > 0 ? scale : 1)));
}
