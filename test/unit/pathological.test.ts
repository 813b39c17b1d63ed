// Every pathological input of scripts/pathological/cases.ts lints, in bounded time and memory, without
// an exception or a crashed rule. The bounds are generous, for a slow CI machine: the speed goals
// live in the benchmark; `npm run pathological` prints the real figures.
import assert from 'node:assert/strict';
import { BUILTIN_KINDS, INTERNAL_ERROR_RULE, lint } from '../../src/core';
import type { ReportKind } from '../../src/core';
import { templateSection } from '../../src/core/sections/sectionText';
import { PATHOLOGICAL_CASES } from '../../scripts/pathological/cases';
import { measure } from '../../scripts/pathological/measure';
import { limitComplexity, MAX_INLINE_DELIMITERS, MAX_NESTING, MAX_TABLE_CELLS } from '../../src/core/parse/limits';
import { MISSING_SECTION } from '../../src/core/rules/missingSection';
import { UNFILLED_PLACEHOLDER } from '../../src/core/rules/unfilledPlaceholder';

const GIGABYTE = 1024 ** 3;

describe('pathological inputs', function () {
  for (const testCase of PATHOLOGICAL_CASES) {
    const seconds = testCase.boundSeconds ?? 60;
    it(`${testCase.name}: ${testCase.about} (within ${seconds} s)`, function () {
      this.timeout(seconds * 1000 + 60_000);
      const result = measure(testCase);
      assert.equal(result.threw, undefined, `lint threw ${result.threw ?? ''}`);
      assert.deepEqual(result.internalErrors, [], 'a rule crashed');
      assert.ok(result.ms < seconds * 1000, `took ${result.ms.toFixed(0)} ms`);
      assert.ok(result.heapDelta < GIGABYTE, `heap grew by ${(result.heapDelta / 1024 ** 2).toFixed(0)} MB`);
      assert.equal(result.notChecked > 0, testCase.leavesLinesOut === true, result.notChecked > 0 ? 'lines were left out of the parse' : 'no lines were left out of the parse');
    });
  }
});

describe('parse limits', () => {
  const report = (body: string): string => `---\ntype: ml-experiment-report\n---\n\n# T\n\n## Executive Summary\n\n${body}\n\n## 5. Results\n\n{{RESULTS}}\n`;

  it('leave real reports alone: nesting, emphasis and tables within the limits parse as they are', () => {
    const text = [
      `${'> '.repeat(MAX_NESTING - 1)}- deep but allowed`,
      '',
      `${'**bold** '.repeat(Math.floor(MAX_INLINE_DELIMITERS / 4))}`,
      '',
      `|${' a |'.repeat(200)}\n|${'---|'.repeat(200)}\n|${' **b** |'.repeat(200)}`,
      '',
      '* * * * *',
      '',
      '```',
      `${'> '.repeat(500)}in a fence`,
      '```',
    ].join('\n');
    assert.deepEqual(limitComplexity(text).skipped, []);
  });

  it('blank over-deep lines, keeping every offset and line break', () => {
    const deep = `${'> '.repeat(MAX_NESTING + 1)}x`;
    const text = `a\r\n${deep}\r\nb\n`;
    const limited = limitComplexity(text);
    assert.equal(limited.text, `a\r\n${' '.repeat(deep.length)}\r\nb\n`);
    assert.deepEqual(limited.skipped.map(({ start, end }) => [start, end]), [[3, 3 + deep.length]]);
  });

  it('blank a crowded paragraph, and a table row with too many cells', () => {
    const crowded = '*a_'.repeat(MAX_INLINE_DELIMITERS);
    assert.equal(limitComplexity(`x\n\n${crowded}\n`).skipped.length, 1);
    const row = `|${'|'.repeat(MAX_TABLE_CELLS + 1)}`;
    const limited = limitComplexity(`| a |\n|---|\n| ok |\n${row}\n`);
    assert.deepEqual(limited.skipped.map(({ start }) => start), ['| a |\n|---|\n| ok |\n'.length]);
  });

  it('report the lines left out once per section, where they are, and still check the rest', () => {
    const text = report(`${'- '.repeat(10_000)}Finding 1`);
    const result = lint(text);
    const notChecked = result.findings.filter((finding) => finding.rule === INTERNAL_ERROR_RULE);
    assert.equal(notChecked.length, 1);
    assert.equal(notChecked[0]?.severity, 'warning');
    assert.match(notChecked[0]?.message ?? '', /not checked: block quotes or lists nested 10000 deep/);
    assert.equal(notChecked[0]?.range.start.line, 9);
    assert.deepEqual(result.internalErrors, []);
    assert.ok(result.findings.some((finding) => finding.rule === UNFILLED_PLACEHOLDER && finding.message.includes('{{RESULTS}}')));
    assert.ok(result.findings.some((finding) => finding.rule === MISSING_SECTION));
  });
});

describe('kinds given as data (LintOptions.kinds): a hostile template stays linear', () => {
  const base = BUILTIN_KINDS.find((kind) => kind.id === 'ml-experiment-report') as ReportKind;
  const withTemplate = (template: string): ReportKind => ({ ...base, id: 'hostile', template });
  const timed = (run: () => unknown): number => {
    const started = performance.now();
    run();
    return performance.now() - started;
  };

  it('a template heading with 100,000 spaces before its last word', () => {
    const kind = withTemplate(`${base.template}\n### Notes${' '.repeat(100_000)}end\n`);
    const spec = kind.sections[0];
    assert.ok(spec);
    const ms = timed(() => templateSection(kind, spec));
    assert.ok(ms < 5000, `took ${ms.toFixed(0)} ms`);
  });
});
