// Pathological inputs for the engine: huge, deeply nested, binary or regex-hostile documents.
// Each case builds its text deterministically; `npm run pathological` measures them and
// test/unit/pathological.test.ts asserts each one returns within a generous bound.
import { BUILTIN_KINDS } from '../../src/core';
import type { LintOptions } from '../../src/core';

export interface PathologicalCase {
  name: string;
  /** What the case stresses, for the printed table. */
  about: string;
  build(): string;
  options?: LintOptions;
  /** The time the unit test allows (default 60 s, for a slow CI machine; docs/robustness.md has the figures measured). */
  boundSeconds?: number;
  /** The case is meant to hit a parse limit: some lines are left out and reported as not checked. */
  leavesLinesOut?: boolean;
}

const REPORT = 'ml-experiment-report';
const FRONT = `---\ntitle: Stress\nauthors: Fuzz\ndate: 2024-01-01\ntype: ${REPORT}\n---\n\n# Stress\n\n`;

function templateOf(kindId: string): string {
  const kind = BUILTIN_KINDS.find((k) => k.id === kindId);
  if (!kind?.template) throw new Error(`no template for the built-in kind ${kindId}`);
  return kind.template;
}

/**
 * A template repeated to `size` characters. Every copy gets its own line under each heading, so no two
 * chunks have the same text and the chunk cache cannot make the case cheap.
 */
function largeReport(kindId: string, size: number): string {
  const template = templateOf(kindId);
  let out = '';
  for (let copy = 0; out.length < size; copy++) {
    out += template.replace(/^(#{1,6} [^\n]*)$/gm, `$1\n\nCopy ${copy} of the template.`);
  }
  return out;
}

/** A report body: the front matter, then `body`; linted as the experiment report kind. */
function report(body: string): string {
  return FRONT + body;
}

function repeatUntil(unit: string, size: number): string {
  return unit.repeat(Math.ceil(size / unit.length));
}

/** Deterministic bytes (xorshift32), so a failure can be reproduced. */
function bytes(count: number, seed: number): Buffer {
  const out = Buffer.alloc(count);
  let state = seed >>> 0 || 1;
  for (let i = 0; i < count; i++) {
    state ^= state << 13;
    state >>>= 0;
    state ^= state >>> 17;
    state ^= state << 5;
    state >>>= 0;
    out[i] = state & 0xff;
  }
  return out;
}

function table(columns: number, rows: number, cell: (row: number, column: number) => string, width = (_row: number): number => columns): string {
  const line = (cells: string[]): string => `| ${cells.join(' | ')} |\n`;
  const header = Array.from({ length: columns }, (_, c) => `H${c}`);
  const delimiter = Array.from({ length: columns }, () => '---');
  let out = line(header) + line(delimiter);
  for (let r = 0; r < rows; r++) out += line(Array.from({ length: width(r) }, (_, c) => cell(r, c)));
  return out;
}

function frontMatter(yamlBody: string): string {
  return `---\ntype: ${REPORT}\n${yamlBody}\n---\n\n# Stress\n\n## Executive Summary\n\nText.\n`;
}

const BILLION_LAUGHS = [
  'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]',
  'b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]',
  'c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]',
  'd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]',
  'e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]',
  'f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]',
  'g: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f]',
  'h: &h [*g,*g,*g,*g,*g,*g,*g,*g,*g]',
  'i: &i [*h,*h,*h,*h,*h,*h,*h,*h,*h]',
  'title: *i',
].join('\n');

export const PATHOLOGICAL_CASES: readonly PathologicalCase[] = [
  {
    name: 'report-5mb',
    about: 'the experiment template repeated to 5 MB',
    build: () => largeReport(REPORT, 5 * 1024 * 1024),
    boundSeconds: 240,
  },
  {
    name: 'task-spec-5mb',
    about: 'the task-spec template repeated to 5 MB',
    build: () => largeReport('ml-task-spec', 5 * 1024 * 1024),
    boundSeconds: 240,
  },
  {
    name: 'table-2000-columns',
    about: '2,000 columns × 50 rows, some rows short',
    build: () => report(`## Results\n\n${table(2000, 50, (_r, c) => `{{V${c}}}`, (r) => (r % 7 === 0 ? 1500 : 2000))}`),
    boundSeconds: 120,
  },
  {
    name: 'table-50000-rows',
    about: '3 columns × 50,000 rows, every 10th row short',
    build: () => report(`## Results\n\n${table(3, 50_000, (r, c) => (c === 2 && r % 10 === 0 ? 'x | y' : `Y%`))}`),
    boundSeconds: 120,
  },
  {
    name: 'table-50000-broken-rows',
    about: '50,000 pipe rows under a broken delimiter row (no GFM table)',
    build: () => report(`## Results\n\n| a | b | c |\n|---|---|\n${'| 1 | 2 | 3 | 4 |\n'.repeat(50_000)}`),
  },
  {
    name: 'quotes-10000-one-line',
    about: '10,000 nested block quotes on one line',
    build: () => report(`## Executive Summary\n\n${'> '.repeat(10_000)}{{ABSTRACT}}\n`),
    leavesLinesOut: true,
  },
  {
    name: 'quotes-1000-deep-lines',
    about: '1,000 lines, each one `>` deeper than the last',
    build: () => report(`## Executive Summary\n\n${Array.from({ length: 1000 }, (_, i) => `${'>'.repeat(i + 1)} Finding ${i}`).join('\n')}\n`),
    leavesLinesOut: true,
  },
  {
    name: 'lists-10000-one-line',
    about: '10,000 nested list levels on one line (`- - - …`)',
    build: () => report(`## Executive Summary\n\n${'- '.repeat(10_000)}Finding 1\n`),
    leavesLinesOut: true,
  },
  {
    name: 'lists-1000-deep-indented',
    about: '1,000 list items, each indented two columns deeper than the last',
    build: () => report(`## Executive Summary\n\n${Array.from({ length: 1000 }, (_, i) => `${'  '.repeat(i)}- Finding ${i}`).join('\n')}\n`),
    leavesLinesOut: true,
  },
  {
    name: 'nested-items-20000',
    about: '20,000 list items, every other one nested under the one before (one section)',
    build: () => report(`## Executive Summary\n\n${'- Finding 1\n  - Recommendation 1\n'.repeat(10_000)}`),
  },
  {
    name: 'lists-and-paragraphs-10000',
    about: '10,000 short lists and quotes between paragraphs, in one section',
    build: () => report(`## Executive Summary\n\n${'- a\n- b\n\nText.\n\n> quote\n\n'.repeat(5000)}`),
  },
  {
    name: 'ordered-lists-10000-one-line',
    about: '10,000 nested ordered lists on one line (`1. 1. 1. …`)',
    build: () => report(`## References\n\n${'1. '.repeat(10_000)}Reference 1\n`),
    leavesLinesOut: true,
  },
  {
    name: 'single-line-1mb',
    about: 'one 1 MB line of words and placeholders',
    build: () => report(repeatUntil('lorem {{X}} ipsum [link] Finding 1 | ', 1024 * 1024)),
    leavesLinesOut: true,
  },
  {
    name: 'single-line-1mb-no-spaces',
    about: 'one 1 MB line without a space',
    build: () => report('a'.repeat(1024 * 1024)),
  },
  {
    name: 'binary-latin1-1mb',
    about: '1 MB of random bytes decoded as latin1',
    build: () => bytes(1024 * 1024, 7).toString('latin1'),
    options: { kind: REPORT },
    leavesLinesOut: true,
  },
  {
    name: 'binary-utf8-1mb',
    about: '1 MB of random bytes decoded as UTF-8 (replacement characters)',
    build: () => bytes(1024 * 1024, 11).toString('utf8'),
    options: { kind: REPORT },
    leavesLinesOut: true,
  },
  {
    name: 'binary-nuls',
    about: '1 MB of NUL-heavy bytes with line breaks and heading marks',
    build: () => bytes(1024 * 1024, 13).toString('latin1').replace(/[\u0080-\u00ff]/g, '\u0000').replace(/[\u0030-\u003f]/g, '\n## '),
    options: { kind: REPORT },
  },
  {
    name: 'yaml-billion-laughs',
    about: 'front matter with a YAML alias bomb (9^9 strings if expanded)',
    build: () => frontMatter(BILLION_LAUGHS),
  },
  {
    name: 'yaml-flow-10000-deep',
    about: 'front matter `x: [[[[…]]]]` 10,000 deep',
    build: () => frontMatter(`x: ${'['.repeat(10_000)}1${']'.repeat(10_000)}`),
  },
  {
    name: 'yaml-flow-10000-unclosed',
    about: 'front matter `x: [[[[…` 10,000 deep, never closed',
    build: () => frontMatter(`x: ${'['.repeat(10_000)}`),
  },
  {
    name: 'yaml-flow-map-10000-deep',
    about: 'front matter `x: {a: {a: …}}` 10,000 deep',
    build: () => frontMatter(`x: ${'{a: '.repeat(10_000)}1${'}'.repeat(10_000)}`),
  },
  {
    name: 'yaml-block-seq-10000-deep',
    about: 'front matter `x:\\n  - - - - …` 10,000 deep (compact block sequences)',
    build: () => frontMatter(`x:\n  ${'- '.repeat(10_000)}1`),
  },
  {
    name: 'yaml-block-map-2000-deep',
    about: 'front matter of block mappings 2,000 deep (one more indent per line, 4 MB)',
    build: () => frontMatter(`x:\n${Array.from({ length: 2000 }, (_, i) => `${' '.repeat(i + 1)}k${i}:`).join('\n')} 1`),
  },
  {
    name: 'yaml-10000-keys',
    about: 'front matter with 10,000 keys and placeholder values',
    build: () => frontMatter(Array.from({ length: 10_000 }, (_, i) => `k${i}: "{{V${i}}}"`).join('\n')),
  },
  {
    name: 'open-braces-100k',
    about: '`{{` × 100,000',
    build: () => report(`## Executive Summary\n\n${'{{'.repeat(100_000)}\n`),
  },
  {
    name: 'open-brace-name-100k',
    about: '`{{A` × 100,000',
    build: () => report(`## Executive Summary\n\n${'{{A'.repeat(100_000)}\n`),
  },
  {
    name: 'close-braces-100k',
    about: '`}}` × 100,000 after one `{{`',
    build: () => report(`## Executive Summary\n\n{{${'}}'.repeat(100_000)}\n`),
  },
  {
    name: 'braces-mixed-100k',
    about: '`{{{ {A}} }` patterns × 100,000',
    build: () => report(`## Executive Summary\n\n${'{{{ {A}} }'.repeat(100_000)}\n`),
  },
  {
    name: 'placeholders-100k',
    about: '`{{NAME}}` × 100,000 in one paragraph',
    build: () => report(`## Executive Summary\n\n${'{{NAME}} '.repeat(100_000)}\n`),
  },
  {
    name: 'pipes-100k',
    about: '`|` × 100,000 on one line under a table header',
    build: () => report(`## Results\n\n| a | b |\n|---|---|\n${'|'.repeat(100_000)}\n`),
    leavesLinesOut: true,
  },
  {
    name: 'pipes-100k-header',
    about: 'a header row of `|` × 100,000 with a one-cell delimiter row',
    build: () => report(`## Results\n\n${'|'.repeat(100_000)}\n|---|\n| x |\n`),
  },
  {
    name: 'escaped-pipes-100k',
    about: '`\\|` × 100,000 in a table row',
    build: () => report(`## Results\n\n| a | b |\n|---|---|\n| ${'\\|'.repeat(100_000)} |\n`),
    leavesLinesOut: true,
  },
  {
    name: 'backslashes-100k-pipe',
    about: '`\\` × 100,000 then `|` in a table row',
    build: () => report(`## Results\n\n| a | b |\n|---|---|\n| ${'\\'.repeat(100_000)}| x |\n`),
    leavesLinesOut: true,
  },
  {
    name: 'delimiter-dashes-100k',
    about: 'a delimiter row `|:-…-:` of 100,000 dashes and colons',
    build: () => report(`## Results\n\n| a | b |\n|${':-'.repeat(50_000)}|\n| 1 | 2 |\n`),
  },
  {
    name: 'code-spans-100k',
    about: '`` ` `` × 100,000 in a table row',
    build: () => report(`## Results\n\n| a | b |\n|---|---|\n| ${'`|'.repeat(100_000)} |\n`),
    leavesLinesOut: true,
  },
  {
    name: 'links-100k',
    about: '`[link]` × 100,000',
    build: () => report(`## Appendix\n\n${'[link]'.repeat(100_000)}\n`),
    leavesLinesOut: true,
  },
  {
    name: 'brackets-100k',
    about: '`[` × 100,000 then `]`',
    build: () => report(`## Appendix\n\n${'['.repeat(100_000)}link${']'.repeat(100_000)}\n`),
    leavesLinesOut: true,
  },
  {
    name: 'link-openers-100k',
    about: '`[a](` × 100,000 (unclosed link destinations)',
    build: () => report(`## Appendix\n\n${'[a]('.repeat(100_000)}\n`),
    leavesLinesOut: true,
  },
  {
    name: 'emphasis-100k',
    about: '`*a_` × 100,000 (unmatched emphasis delimiters)',
    build: () => report(`## Executive Summary\n\n${'*a_'.repeat(100_000)}\n`),
    leavesLinesOut: true,
  },
  {
    name: 'bold-labels-100k',
    about: '`**Metric 1**:` × 100,000 in one list item',
    build: () => report(`## Objective\n\n- ${'**Metric 1**: '.repeat(100_000)}Target value\n`),
    leavesLinesOut: true,
  },
  {
    name: 'choices-100k',
    about: '`Draft / ` × 100,000',
    build: () => report(`**Status**: ${'Draft / '.repeat(100_000)}Final\n`),
  },
  {
    name: 'whitespace-1mb',
    about: '1 MB of spaces and tabs between two words, then a trailing `#`',
    build: () => report(`## ${' \t'.repeat(500_000)}x #\n`),
  },
  {
    name: 'heading-hashes-100k',
    about: 'a heading line of `#` × 100,000 and one of `## 1.` numbering × 50,000',
    build: () => report(`${'#'.repeat(100_000)}\n\n## ${'1.'.repeat(50_000)} Results\n`),
  },
  {
    name: 'headings-100k',
    about: '100,000 section headings (`## Results` repeated): duplicates and order',
    build: () => report('## Results\n\n'.repeat(100_000)),
  },
  {
    name: 'subsections-50k',
    about: '50,000 alternating sections and subsections',
    build: () => report('## 2. Dataset\n\n### 2.2 Data Splits\n\nx\n'.repeat(25_000)),
  },
  {
    name: 'fences-unclosed-100k',
    about: '100,000 lines after an unclosed fence, with headings inside',
    build: () => report(`## Results\n\n\`\`\`\n${'## Results\n'.repeat(100_000)}`),
  },
  {
    name: 'fence-openers-50k',
    about: '50,000 fence openers of growing length (never closing)',
    build: () => report(Array.from({ length: 50_000 }, (_, i) => `${'`'.repeat(3 + (i % 50))}\n## H${i}\n`).join('')),
  },
  {
    name: 'html-unclosed-100k',
    about: 'an unclosed `<div>` and HTML comment before 100,000 heading lines',
    build: () => report(`<div>\n<!--\n${'## Results\ntext\n'.repeat(50_000)}`),
  },
  {
    name: 'html-comments-100k',
    about: '`<!--` × 100,000 on one line',
    build: () => report(`## Executive Summary\n\n${'<!--'.repeat(100_000)}\n`),
    leavesLinesOut: true,
  },
  {
    name: 'cr-only-1mb',
    about: '1 MB with CR-only line breaks and tables',
    build: () => report(repeatUntil('## Results\r\r| a | b |\r|---|---|\r| 1 |\r', 1024 * 1024)),
  },
  {
    name: 'astral-1mb',
    about: '1 MB of emoji, combining marks and RTL text in a table',
    build: () => report(`## Results\n\n| a | b |\n|---|---|\n${'| 😀\u0301\u05d0 | 🧪 |\n'.repeat(40_000)}`),
    boundSeconds: 120,
  },
  {
    name: 'definitions-10000-chunks-10000',
    about: '10,000 link definitions, then 10,000 sections each referring to some',
    build: () => report(Array.from({ length: 10_000 }, (_, i) => `[d${i}]: https://example.com/${i}\n`).join('') + Array.from({ length: 10_000 }, (_, i) => `\n## Section ${i}\n\nSee [d${i}] and [d${(i * 7) % 10_000}][].\n`).join('')),
  },
  {
    name: 'sections-ending-in-code-5000',
    about: '5,000 sections, each ending with a fenced code block',
    build: () => report(Array.from({ length: 5000 }, (_, i) => `## Section ${i}\n\n\`\`\`\ncode ${i}\n\`\`\`\n\n`).join('')),
  },
  {
    name: 'sections-ending-in-comment-5000',
    about: '5,000 sections, each ending with an HTML comment',
    build: () => report(Array.from({ length: 5000 }, (_, i) => `## Section ${i}\n\nText ${i}.\n\n<!-- note ${i} -->\n`).join('')),
  },
];
