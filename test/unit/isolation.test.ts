// One rule failing must not cost the others: its exception becomes a single `internal-error` finding
// naming it, and every other rule's findings are exactly those of a run without it.
import assert from 'node:assert/strict';
import { BUILTIN_KINDS, INTERNAL_ERROR_RULE, lint, ReportLinter, RULES, toJsonDiagnostic } from '../../src/core';
import type { ChunkRule, DocumentRule, Finding, LintOptions, Rule } from '../../src/core';

const experimentTemplate = BUILTIN_KINDS.find((kind) => kind.id === 'ml-experiment-report')?.template ?? '';

/**
 * A report with findings of every rule: placeholders, a section missing, one out of order, one twice, an empty one, broken tables, a bad date,
 * an unused suppression; splits that do not add up, a success metric never reported and without a row, a claim without a test.
 */
const REPORT = experimentTemplate
  .replace('## Executive Summary', '<!-- mlreport-disable-next-line table-column-count -->\n## Executive Summary')
  .replace('date: {{DATE}}', 'date: 2024-02-30')
  .replace('| Train | X examples | Y% |\n| Validation | X examples | Y% |\n| Test | X examples | Y% |', '| Train | 800 | 70% |\n| Validation | 100 | 10% |\n| Test | 100 | 10% |')
  .replace('- **Metric 1**: Target value', '- **BLEU**: at least 30')
  .replace('Key takeaways from the experiment.', 'Ours outperforms both baselines.')
  .replace('| Objective 1 | ✅ Met | Achieved target |', '| Translation quality | TBD | Not measured yet |')
  .replace(/## 7\. Robustness[\s\S]*?(?=## 8\.)/, '')
  .replace(/(## 1\. Objective)([\s\S]*?)(## 10\. Next Steps[\s\S]*?)(?=## References)/, '$3$1$2')
  .replace('### 9.3 Lessons Learned', '### 9.3 Lessons Learned\n\n## 2. Dataset\n\nAgain.\n\n| a | b |\n|---|\n| 1 | 2 | 3 |\n\n## 6. Analysis\n\n### 6.1 Ablation Study\n\n| a | b |\n|---|---|\n| 1 |\n');

function throwingDocumentRule(id: string, error: unknown = new Error('boom in a document rule')): DocumentRule {
  return {
    id,
    description: 'always throws',
    defaultSeverity: 'warning',
    scope: 'document',
    check() {
      throw error;
    },
  };
}

/** Throws on chunks whose text contains `marker`, and reports the first character of every other chunk. */
function throwingChunkRule(id: string, marker: string): ChunkRule {
  return {
    id,
    description: 'throws on some chunks',
    defaultSeverity: 'info',
    scope: 'chunk',
    check({ chunk }) {
      if (chunk.text.includes(marker)) throw new TypeError(`boom in a chunk rule at "${marker}"`);
      return [{ message: 'chunk seen', start: 0, end: 1 }];
    },
  };
}

/** The findings of the built-in rules only, as the JSON output has them. */
function builtinFindings(findings: readonly Finding[]): unknown[] {
  const builtin = new Set(RULES.map((rule) => rule.id));
  return findings.filter((finding) => builtin.has(finding.rule)).map(toJsonDiagnostic);
}

function lintWith(extra: Rule, position: number, options: LintOptions = {}): ReturnType<typeof lint> {
  const ruleSet = [...RULES.slice(0, position), extra, ...RULES.slice(position)];
  return lint(REPORT, { ...options, ruleSet });
}

describe('rule isolation', () => {
  const baseline = lint(REPORT);
  const baselineDiagnostics = baseline.findings.map(toJsonDiagnostic);

  it('the test report has findings of every built-in rule', () => {
    assert.ok(experimentTemplate !== '');
    const rules = new Set(baseline.findings.map((finding) => finding.rule));
    for (const rule of RULES) assert.ok(rules.has(rule.id), `no ${rule.id} finding in the test report`);
    assert.equal(baseline.internalErrors.length, 0);
  });

  for (const position of [0, 3, RULES.length]) {
    it(`a throwing document rule (at position ${position}) gives one internal-error naming it; the others' findings are unchanged`, () => {
      const result = lintWith(throwingDocumentRule('always-throws'), position);
      const internal = result.findings.filter((finding) => finding.rule === INTERNAL_ERROR_RULE);
      assert.equal(internal.length, 1);
      assert.match(internal[0]?.message ?? '', /"always-throws"/);
      assert.match(internal[0]?.message ?? '', /boom in a document rule/);
      assert.equal(internal[0]?.severity, 'error');
      assert.deepEqual(result.internalErrors.map((e) => e.rule), ['always-throws']);
      assert.deepEqual(builtinFindings(result.findings), baselineDiagnostics);
    });
  }

  it('a chunk rule throwing on several chunks gives one internal-error naming it; the others are unchanged', () => {
    const result = lintWith(throwingChunkRule('chunk-thrower', '##'), 2);
    const internal = result.findings.filter((finding) => finding.rule === INTERNAL_ERROR_RULE);
    assert.equal(internal.length, 1);
    assert.match(internal[0]?.message ?? '', /"chunk-thrower"/);
    assert.match(internal[0]?.message ?? '', /boom in a chunk rule/);
    assert.deepEqual(builtinFindings(result.findings), baselineDiagnostics);
  });

  it('a chunk rule throwing on one chunk keeps its findings on the other chunks', () => {
    const result = lintWith(throwingChunkRule('chunk-thrower', '## 4. Training'), 1);
    const own = result.findings.filter((finding) => finding.rule === 'chunk-thrower');
    assert.equal(own.length, result.doc.chunks.length - 1);
    assert.equal(result.findings.filter((finding) => finding.rule === INTERNAL_ERROR_RULE).length, 1);
    assert.deepEqual(builtinFindings(result.findings), baselineDiagnostics);
  });

  it('a rule throwing something that is not an Error still gives one internal-error, and nothing else changes', () => {
    const result = lintWith(throwingDocumentRule('throws-a-string', 'a plain string'), 1);
    const internal = result.findings.filter((finding) => finding.rule === INTERNAL_ERROR_RULE);
    assert.equal(internal.length, 1);
    assert.match(internal[0]?.message ?? '', /"throws-a-string".*a plain string/);
    assert.deepEqual(builtinFindings(result.findings), baselineDiagnostics);
  });

  it('a rule returning a finding without a valid range is reported as failed; the others are unchanged', () => {
    const broken: ChunkRule = {
      id: 'bad-range',
      description: 'returns NaN offsets',
      defaultSeverity: 'warning',
      scope: 'chunk',
      check: () => [{ message: 'somewhere', start: Number.NaN, end: 3 }, { message: 'backwards', start: 5, end: 2 }],
    };
    const result = lintWith(broken, 4);
    const internal = result.findings.filter((finding) => finding.rule === INTERNAL_ERROR_RULE);
    assert.equal(internal.length, 1);
    assert.match(internal[0]?.message ?? '', /"bad-range".*invalid range/);
    assert.deepEqual(result.findings.filter((finding) => finding.rule === 'bad-range'), []);
    assert.deepEqual(builtinFindings(result.findings), baselineDiagnostics);
  });

  it('two failing rules give one internal-error each', () => {
    const ruleSet = [throwingDocumentRule('first-thrower'), ...RULES, throwingChunkRule('second-thrower', '')];
    const result = lint(REPORT, { ruleSet });
    const internal = result.findings.filter((finding) => finding.rule === INTERNAL_ERROR_RULE);
    assert.deepEqual(internal.map((finding) => /"([^"]+)"/.exec(finding.message)?.[1]).sort(), ['first-thrower', 'second-thrower']);
    assert.deepEqual(builtinFindings(result.findings), baselineDiagnostics);
  });

  it('a failing rule turned off reports nothing', () => {
    const result = lintWith(throwingDocumentRule('always-throws'), 0, { rules: { 'always-throws': 'off' } });
    assert.deepEqual(result.findings.map(toJsonDiagnostic), baselineDiagnostics);
  });

  it('the incremental linter isolates a failing chunk rule the same way after an edit', () => {
    const ruleSet = [...RULES, throwingChunkRule('chunk-thrower', '## 4. Training')];
    const linter = new ReportLinter({ ruleSet });
    linter.update(REPORT);
    const edited = REPORT.replace('What specific question are we trying to answer?', 'Does distillation keep accuracy?');
    const incremental = linter.update(edited);
    const fresh = lint(edited, { ruleSet });
    assert.deepEqual(incremental.findings.map(toJsonDiagnostic), fresh.findings.map(toJsonDiagnostic));
    assert.equal(incremental.findings.filter((finding) => finding.rule === INTERNAL_ERROR_RULE).length, 1);
  });
});
