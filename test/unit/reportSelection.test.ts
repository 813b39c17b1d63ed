import assert from 'node:assert/strict';
import { lint } from '../../src/core';
import { defaultConfig } from '../../src/core/config';
import { reportLintOptions } from '../../src/core/features/reportSelection';
import { sniffDeclaredType } from '../../src/core/parse/declaredType';

describe('reportSelection', () => {
  describe('sniffDeclaredType', () => {
    const cases: [string, string | undefined][] = [
      ['---\ntype: ml-experiment-report\n---\n# x\n', 'ml-experiment-report'],
      ['\uFEFF---\r\ntitle: a\r\ntype: ml-task-spec\r\n---\r\n', 'ml-task-spec'],
      ['---\ntype: "ml-task-spec"\n---\n', 'ml-task-spec'],
      ["---\ntype: 'ml-task-spec' # quoted\n---\n", 'ml-task-spec'],
      ['---\ntype: ml-task-spec # the kind\n---\n', 'ml-task-spec'],
      ['---\nmeta:\n  type: ml-task-spec\n---\n', undefined],
      ['---\ntitle: a\n---\ntype: ml-task-spec\n', undefined],
      ['---\ntype: ml-task-spec\n', undefined],
      ['# Title\n---\ntype: ml-task-spec\n---\n', undefined],
      ['', undefined],
    ];
    for (const [text, expected] of cases) {
      it(`reads ${JSON.stringify(text.slice(0, 40))} as ${String(expected)}`, () => {
        assert.equal(sniffDeclaredType(text), expected);
      });
    }

    it('agrees with the full parse on what the document declares', () => {
      for (const [text] of cases) {
        const declared = lint(text).declaredType;
        if (declared !== undefined) assert.equal(sniffDeclaredType(text), declared, text);
      }
    });
  });

  describe('reportLintOptions', () => {
    const none = { config: undefined, settingsRules: {}, matchesFiles: false };

    it('lints a document that declares a known kind as that kind', () => {
      assert.deepEqual(reportLintOptions({ ...none, declaredType: 'ml-task-spec' }), { rules: {} });
    });

    it('leaves other Markdown alone', () => {
      assert.equal(reportLintOptions({ ...none, declaredType: undefined }), undefined);
      assert.equal(reportLintOptions({ ...none, declaredType: 'blog-post' }), undefined);
    });

    it('lints files matched by globs as the config kind, or the experiment report without a config', () => {
      assert.deepEqual(reportLintOptions({ ...none, declaredType: 'blog-post', matchesFiles: true }), { kind: 'ml-experiment-report', rules: {} });
      const config = { ...defaultConfig(), kind: 'ml-task-spec' };
      assert.deepEqual(reportLintOptions({ ...none, config, declaredType: undefined, matchesFiles: true }), { kind: 'ml-task-spec', rules: {} });
    });

    it('lets editor settings override the config file rule by rule', () => {
      const config = { ...defaultConfig(), rules: { 'empty-section': 'off', 'section-order': 'error' } as const };
      const options = reportLintOptions({ ...none, config, declaredType: 'ml-experiment-report', settingsRules: { 'section-order': 'info' } });
      assert.deepEqual(options?.rules, { 'empty-section': 'off', 'section-order': 'info' });
    });
  });
});
