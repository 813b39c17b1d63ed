import assert from 'node:assert/strict';
import fc from 'fast-check';
import type { LintOptions, LintResult } from '../../src/core';
import { lint, ReportLinter } from '../../src/core';
import { unitSettings } from '../../src/core/parse/chunks';
import { applyEdit, edit, markdownDocument, propertyRuns, UNIT_SETTINGS } from '../support/markdownArbitrary';

/** Everything a caller of `update` reads, in a form `deepEqual` compares finding for finding (fixes and data included). */
function observable(result: LintResult): unknown {
  return {
    kind: result.kind?.id,
    declaredType: result.declaredType,
    notReport: result.notReport,
    findings: result.findings,
    headings: result.doc.headings,
    frontMatter: result.doc.frontMatter,
    sections: result.sections?.occurrences.map((occurrence) => [occurrence.spec.id, occurrence.heading.start, occurrence.end, occurrence.hasContent, occurrence.notApplicable, occurrence.form]),
    labeled: result.sections?.labeled.map((label) => [label.spec.id, label.start, label.end, label.line, label.blockStart, label.blockEnd, label.notApplicable]),
    presence: result.sections && [...result.sections.presence].map(([id, presence]) => [id, presence.by]),
    internalErrors: result.internalErrors.map(({ rule }) => rule),
  };
}

const options = fc.constantFrom<LintOptions>({}, {}, {}, { kind: 'ml-experiment-report' }, { kind: 'ml-task-spec' }, { rules: { 'unfilled-placeholder': 'off', 'missing-section': 'error' } });

describe('incremental linting (property)', () => {
  for (const { name, settings } of UNIT_SETTINGS) {
    describe(name, () => {
      const saved = { ...unitSettings };
      before(() => Object.assign(unitSettings, settings));
      after(() => Object.assign(unitSettings, saved));
    it('ReportLinter.update returns what lint returns from scratch, after every edit of a sequence', function () {
      this.timeout(300_000);
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

    it('returns the same findings when it goes back to an earlier version and when the text does not change', function () {
      this.timeout(300_000);
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

    it('ReportLinter.updateAsync returns what lint returns, also after cancelled updates and with a sync update in between', async function () {
      this.timeout(300_000);
      await fc.assert(
        fc.asyncProperty(
          markdownDocument,
          fc.array(fc.record({ change: edit, cancelAfter: fc.option(fc.nat(4)), interleaveSync: fc.boolean() }), { minLength: 1, maxLength: 6 }),
          options,
          async (initial, steps, lintOptions) => {
            const linter = new ReportLinter(lintOptions);
            let text = initial;
            assert.deepEqual(observable((await linter.updateAsync(text, { sliceMs: 0 })) as LintResult), observable(lint(text, lintOptions)));
            for (const { change, cancelAfter, interleaveSync } of steps) {
              text = applyEdit(text, change);
              let slices = 0;
              // sliceMs 0: every parse call is a slice, so a cancellation can fall between any two.
              const pending = linter.updateAsync(text, { sliceMs: 0, isCancelled: () => cancelAfter !== null && ++slices > cancelAfter });
              const other = applyEdit(text, change);
              if (interleaveSync) assert.deepEqual(observable(linter.update(other)), observable(lint(other, lintOptions)), 'sync update while an async one runs');
              const result = await pending;
              if (result) assert.deepEqual(observable(result), observable(lint(text, lintOptions)), `after ${JSON.stringify(change)}`);
              else assert.notEqual(cancelAfter, null, 'only a cancelled update resolves to undefined');
            }
            assert.deepEqual(observable(linter.update(text)), observable(lint(text, lintOptions)), 'the update after them all');
          },
        ),
        { numRuns: propertyRuns(20) },
      );
    });

    it('reports findings on the generated documents (the property is not vacuous)', () => {
      const findings = fc.sample(markdownDocument, { numRuns: 100, seed: 11 }).map((text) => lint(text).findings);
      const withFindings = findings.filter((list) => list.length > 0).length;
      const rules = new Set(findings.flat().map((finding) => finding.rule));
      assert.ok(withFindings >= 40, `${withFindings} of 100 documents had findings`);
      assert.ok(rules.size >= 5, `rules seen: ${[...rules].join(', ')}`);
    });
    });
  }
});
