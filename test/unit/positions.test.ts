import assert from 'node:assert/strict';
import { applyEdits, fixAllTables, lint, ReportLinter, toJsonDiagnostic } from '../../src/core';
import type { Finding, LintResult } from '../../src/core';
import { TABLE_COLUMN_COUNT } from '../../src/core/rules/tableColumnCount';
import { UNFILLED_PLACEHOLDER } from '../../src/core/rules/unfilledPlaceholder';

// A report with findings of several rules on lines holding tabs, emoji (two UTF-16 code units each),
// CJK and combining characters, linted with every line ending and with a BOM.
const REPORT_LF = [
  '---',
  'type: ml-experiment-report',
  'title: "Résumé 🚀 中文"',
  'authors: Zoë Ångström',
  'date: 2025-13-45',
  '---',
  '',
  '# Résumé 🚀 中文',
  '',
  '## Executive Summary',
  '',
  '😀\t{{ABSTRACT}} ✅ e\u0301tude',
  '',
  '## 1. Objective',
  '',
  '| Métrique 📊 | 値 | Notes |',
  '|---|---|---|',
  '| F1\t| 0.9 |',
  '| 中文 | 😀 | e\u0301 | extra |',
  '',
  '> | a | b 🚀 |',
  '> |---|',
  '> | x |',
  '',
].join('\n');

const VARIANTS: Record<string, string> = {
  lf: REPORT_LF,
  crlf: REPORT_LF.replace(/\n/g, '\r\n'),
  cr: REPORT_LF.replace(/\n/g, '\r'),
  'bom+lf': `\uFEFF${REPORT_LF}`,
  'bom+crlf': `\uFEFF${REPORT_LF.replace(/\n/g, '\r\n')}`,
};

/** The text lint saw: VS Code and lint both drop a leading BOM. */
function linted(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

function claimed(text: string, finding: Finding): string {
  return linted(text).slice(finding.range.start.offset, finding.range.end.offset);
}

/** Offset of a 1-based line and UTF-16 column, computed independently of LineIndex. */
function offsetOf(text: string, line: number, column: number): number {
  const parts = text.split(/(\r\n|\r|\n)/);
  let offset = 0;
  for (let i = 0; i < (line - 1) * 2; i++) offset += (parts[i] ?? '').length;
  return offset + column - 1;
}

describe('positions', () => {
  const results = new Map<string, LintResult>(Object.entries(VARIANTS).map(([name, text]) => [name, lint(text)]));
  const lf = results.get('lf') as LintResult;

  it('the report has findings of several rules', () => {
    const rules = new Set(lf.findings.map((f) => f.rule));
    for (const rule of ['frontmatter', 'table-column-count', 'unfilled-placeholder']) assert.ok(rules.has(rule), rule);
  });

  for (const [name, text] of Object.entries(VARIANTS)) {
    it(`${name}: same lines and columns as LF, each the place its offset is`, () => {
      const result = results.get(name) as LintResult;
      assert.deepEqual(result.findings.map(toJsonDiagnostic), lf.findings.map(toJsonDiagnostic));
      for (const finding of result.findings) {
        for (const point of [finding.range.start, finding.range.end]) {
          assert.equal(point.offset, offsetOf(linted(text), point.line, point.column), `${finding.rule} ${point.line}:${point.column}`);
        }
        assert.equal(claimed(text, finding).replace(/\r\n?/g, '\n'), claimed(REPORT_LF, lf.findings[result.findings.indexOf(finding)] as Finding));
      }
    });
  }

  it('each finding covers exactly the text it is about, with columns in UTF-16 code units', () => {
    const byRule = (rule: string): string[] => lf.findings.filter((f) => f.rule === rule).map((f) => claimed(REPORT_LF, f));
    assert.deepEqual(byRule('table-column-count'), ['| F1\t| 0.9 |', '| 中文 | 😀 | e\u0301 | extra |', '|---|', '| x |']);
    assert.deepEqual(byRule('frontmatter'), ['2025-13-45']);
    for (const finding of lf.findings.filter((f) => f.rule === UNFILLED_PLACEHOLDER)) {
      assert.ok(finding.message.includes(`"${claimed(REPORT_LF, finding)}"`), finding.message);
    }
    const row = '| 中文 | 😀 | e\u0301 | extra |';
    const rowFinding = lf.findings.find((f) => claimed(REPORT_LF, f) === row);
    assert.ok(rowFinding);
    assert.notEqual([...row].length, row.length, 'the row has characters outside the BMP');
    assert.deepEqual([rowFinding.range.start.column, rowFinding.range.end.column], [1, row.length + 1]);
    const quoted = lf.findings.find((f) => claimed(REPORT_LF, f) === '|---|');
    assert.deepEqual([quoted?.range.start.line, quoted?.range.start.column], [22, 3], 'after the "> " of the block quote');
    const tabbed = lf.findings.find((f) => claimed(REPORT_LF, f) === '| F1\t| 0.9 |');
    assert.equal(tabbed?.range.end.column, 13, 'a tab is one column');
  });

  it('fixing all tables gives the same text with CRLF as with LF, line endings kept', () => {
    const fixedLf = applyEdits(REPORT_LF, fixAllTables(lf)?.edits ?? []);
    const crlf = VARIANTS['crlf'] as string;
    const fixedCrlf = applyEdits(crlf, fixAllTables(results.get('crlf') as LintResult)?.edits ?? []);
    assert.notEqual(fixedLf, REPORT_LF);
    assert.equal(fixedCrlf, fixedLf.replace(/\n/g, '\r\n'));
    assert.deepEqual(lint(fixedCrlf).findings.filter((f) => f.rule === TABLE_COLUMN_COUNT), []);
  });

  it('an incremental linter switching line endings and adding a BOM reports what a fresh lint does', () => {
    const linter = new ReportLinter();
    for (const name of ['lf', 'crlf', 'bom+crlf', 'cr', 'lf']) {
      const text = VARIANTS[name] as string;
      assert.deepEqual(linter.update(text).findings, lint(text).findings, name);
    }
  });
});
