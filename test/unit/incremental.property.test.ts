import assert from 'node:assert/strict';
import fc from 'fast-check';
import type { LintOptions, LintResult } from '../../src/core';
import { lint, ReportLinter } from '../../src/core';
import { applyEdit, edit, markdownDocument, propertyRuns } from '../support/markdownArbitrary';

/** Everything a caller of `update` reads, in a form `deepEqual` compares finding for finding (fixes and data included). */
function observable(result: LintResult): unknown {
  return {
    kind: result.kind?.id,
    declaredType: result.declaredType,
    notReport: result.notReport,
    findings: result.findings,
    headings: result.doc.headings,
    frontMatter: result.doc.frontMatter,
    sections: result.sections?.occurrences.map((occurrence) => [occurrence.spec.id, occurrence.heading.start, occurrence.end, occurrence.hasContent]),
    internalErrors: result.internalErrors.map(({ rule }) => rule),
  };
}

const options = fc.constantFrom<LintOptions>({}, {}, {}, { kind: 'ml-experiment-report' }, { kind: 'ml-task-spec' }, { rules: { 'unfilled-placeholder': 'off', 'missing-section': 'error' } });

describe('incremental linting (property)', () => {
  it('ReportLinter.update returns what lint returns from scratch, after every edit of a sequence', () => {
    fc.assert(
      fc.property(markdownDocument, fc.array(edit, { minLength: 1, maxLength: 8 }), options, (initial, edits, lintOptions) => {
        const linter = new ReportLinter(lintOptions);
        let text = initial;
        assert.deepEqual(observable(linter.update(text)), observable(lint(text, lintOptions)));
        for (const change of edits) {
          text = applyEdit(text, change);
          assert.deepEqual(observable(linter.update(text)), observable(lint(text, lintOptions)), `after ${JSON.stringify(change)}`);
        }
      }),
      { numRuns: propertyRuns(30) },
    );
  });

  it('returns the same findings when it goes back to an earlier version and when the text does not change', () => {
    fc.assert(
      fc.property(markdownDocument, edit, (initial, change) => {
        const linter = new ReportLinter();
        const edited = applyEdit(initial, change);
        for (const text of [initial, edited, edited, initial, edited]) {
          assert.deepEqual(observable(linter.update(text)), observable(lint(text)));
        }
      }),
      { numRuns: propertyRuns(20) },
    );
  });

  it('reports findings on the generated documents (the property is not vacuous)', () => {
    const findings = fc.sample(markdownDocument, { numRuns: 40, seed: 11 }).map((text) => lint(text).findings);
    const withFindings = findings.filter((list) => list.length > 0).length;
    const rules = new Set(findings.flat().map((finding) => finding.rule));
    assert.ok(withFindings >= 20, `${withFindings} of 40 documents had findings`);
    assert.ok(rules.size >= 5, `rules seen: ${[...rules].join(', ')}`);
  });
});
