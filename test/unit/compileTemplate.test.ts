import assert from 'node:assert/strict';
import { applyEdits, lint, sectionInsertion } from '../../src/core';
import type { ReportKind } from '../../src/core';
import { compileTemplate } from '../../src/core/templates/compile/compileTemplate';

function compile(text: string): ReportKind {
  const { kind, problems } = compileTemplate(text);
  assert.deepEqual(problems, []);
  assert.ok(kind);
  return kind;
}

const EVAL_NOTE = `---
title: {{TITLE}}
date: {{DATE}}
type: eval-note
owner: {{OWNER}}  # mlreport: optional
---
<!-- mlreport: name Weekly Evaluation Note -->
<!-- mlreport: description One model, one week, one table. -->

# {{TITLE}}

**Weekly Evaluation Note**

**Owner**: {{OWNER}}
**Status**: Draft / Final

## Summary
<!-- mlreport: aliases TL;DR; Overview -->

What changed this week, in two sentences.

## 1. Results
<!-- mlreport: aliases Evaluation; Metrics -->

<!-- mlreport: keep -->
How we measured:

- **Primary metric**: Metric and value

Other metrics:

<!-- mlreport: filler-labels -->
- **Metric 1**: Value 1

### 1.1 Main Table

<!-- mlreport: example-rows -->
| Model | F1 |
|-------|----|
| Baseline | 0.70 |
| **Ours** | **0.80** |

### 1.2 Data
<!-- mlreport: keep-columns 1 -->
| Split | Size |
|-------|------|
| Train | N examples |
| **Test** | N examples |

## Risks
<!-- mlreport: optional -->

> Anything that could make these numbers wrong.

- Link: [link]

\`\`\`
example --flag
\`\`\`
`;

describe('compileTemplate', () => {
  const kind = compile(EVAL_NOTE);

  it('takes the id from type:, the required front matter from the keys, and name and description from annotations', () => {
    assert.equal(kind.id, 'eval-note');
    assert.equal(kind.name, 'Weekly Evaluation Note');
    assert.equal(kind.description, 'One model, one week, one table.');
    assert.deepEqual(kind.requiredFrontMatter, ['title', 'date', 'type']);
  });

  it('names a kind without a name annotation after its id', () => {
    assert.equal(compile('---\ntype: model-card\n---\n\n## Intended Use\n').name, 'Model Card');
  });

  it('builds sections from ## headings and subsections from ###, numbering dropped, the # title left out', () => {
    assert.deepEqual(
      kind.sections.map((s) => [s.id, s.title, s.level, s.required, s.aliases, s.children.map((c) => [c.id, c.title, c.level])]),
      [
        ['summary', 'Summary', 2, true, ['TL;DR', 'Overview'], []],
        ['results', 'Results', 2, true, ['Evaluation', 'Metrics'], [['results/main-table', 'Main Table', 3], ['results/data', 'Data', 3]]],
        ['risks', 'Risks', 2, false, [], []],
      ],
    );
  });

  it('uses # headings as sections when the template has several', () => {
    const sections = compile('---\ntype: t\n---\n# One\n## One A\n# Two\n').sections;
    assert.deepEqual(sections.map((s) => [s.title, s.level, s.children.map((c) => c.title)]), [['One', 1, ['One A']], ['Two', 2 - 1, []]]);
  });

  it('infers filler: paragraphs, list items, quotes, label values, table body cells and code', () => {
    const p = kind.placeholders;
    assert.deepEqual(p.blocks, ['What changed this week, in two sentences.', 'Other metrics:', 'Anything that could make these numbers wrong.']);
    assert.deepEqual(p.values, ['Metric and value', 'Value 1']);
    assert.deepEqual(p.cells, ['N examples']);
    assert.deepEqual(p.code, ['example --flag']);
  });

  it('never takes structure for filler: bold-only paragraphs, labels, header rows, bold cells, slots', () => {
    const all = Object.values(kind.placeholders).flat(2).map(String);
    for (const structure of ['Weekly Evaluation Note', 'Owner', 'Status', 'Primary metric', 'Model', 'F1', 'Split', 'Test', '{{OWNER}}']) {
      assert.ok(!all.includes(structure), structure);
    }
  });

  it('reads "a / b" as a choice list and [markers] as inline placeholders', () => {
    assert.deepEqual(kind.placeholders.choices, ['Draft / Final']);
    assert.deepEqual(kind.placeholders.inline, ['[link]']);
  });

  it('keep: the block is kept text; filler-labels: bold labels are filler too', () => {
    assert.ok(!kind.placeholders.blocks.includes('How we measured:'));
    assert.deepEqual(kind.placeholders.labels, ['Metric 1']);
  });

  it('example-rows: each body row is filler as a whole row, its cells are not filler on their own', () => {
    assert.deepEqual(kind.placeholders.rows, [['Baseline', '0.70'], ['Ours', '0.80']]);
    assert.ok(!kind.placeholders.cells.includes('Baseline'));
  });

  it('keep-columns: those columns are kept text', () => {
    assert.ok(!kind.placeholders.cells.includes('Train'));
  });

  it('example-table, example-rows N-M and filler-columns', () => {
    const table = compile(`---\ntype: t\n---\n## A\n<!-- mlreport: example-table -->\n<!-- mlreport: example-rows 2-3 -->\n<!-- mlreport: filler-columns 1 -->\n| Config | Score |\n|--|--|\n| Full | 1 |\n| - Part A | 2 |\n| - Part B | 3 |\n`);
    assert.deepEqual(table.placeholders.tables, [[['Full', '1'], ['- Part A', '2'], ['- Part B', '3']]]);
    assert.deepEqual(table.placeholders.rows, [['- Part A', '2'], ['- Part B', '3']]);
    assert.deepEqual(table.placeholders.cells, ['- Part A', '- Part B']);
  });

  it('front matter annotations: optional keys are not required', () => {
    assert.ok(!kind.requiredFrontMatter.includes('owner'));
  });

  it('strips every annotation, and the blank line it would leave doubled, from the template', () => {
    assert.ok(!kind.template.includes('mlreport'));
    assert.ok(!kind.template.includes('\n\n\n'));
    assert.match(kind.template, /^owner: \{\{OWNER\}\}$/m);
    assert.match(kind.template, /## Summary\n\nWhat changed/);
    assert.match(kind.template, /\n\nHow we measured:\n/);
  });

  it('lints a report of the kind: missing sections, optional ones not required, filler and slots reported', () => {
    const report = '---\ntitle: W1\ndate: 2026-01-01\ntype: eval-note\n---\n\n# W1\n\n## Summary\n\nWhat changed this week, in two sentences.\n';
    const findings = lint(report, { kinds: [kind] }).findings;
    const missing = findings.filter((f) => f.rule === 'missing-section').map((f) => f.message);
    assert.ok(missing.some((m) => m.includes('Results')), missing.join('\n'));
    assert.ok(!missing.some((m) => m.includes('Risks')));
    assert.ok(findings.some((f) => f.rule === 'unfilled-placeholder' && f.message.includes('What changed this week')));
    assert.equal(lint(kind.template, { kinds: [kind] }).findings.filter((f) => f.rule === 'missing-section').length, 0);
  });

  it('Insert Section and the missing-section fix insert the custom kind\'s template text, annotations stripped', () => {
    const report = '---\ntitle: W1\ndate: 2026-01-01\ntype: eval-note\n---\n\n# W1\n\n## Summary\n\nWe shipped.\n';
    const result = lint(report, { kinds: [kind] });
    const edit = sectionInsertion(result, 'results');
    assert.ok(edit);
    assert.match(edit.newText, /^## 1\. Results\n\nHow we measured:\n/m);
    assert.ok(!edit.newText.includes('mlreport'), edit.newText);
    const fix = result.findings.find((f) => f.rule === 'missing-section' && f.message.includes('"Results"'))?.fix;
    assert.ok(fix);
    const fixed = applyEdits(report, fix.edits);
    assert.ok(!fixed.includes('mlreport:'));
    assert.deepEqual(lint(fixed, { kinds: [kind] }).findings.filter((f) => f.rule === 'missing-section' && f.message.includes('"Results"')), []);
  });

  describe('problems name the line', () => {
    const problems = (text: string): [number, string][] => compileTemplate(text).problems.map((p) => [p.line, p.message]);

    it('a template without type:', () => {
      const result = compileTemplate('---\ntitle: x\n---\n## A\n');
      assert.equal(result.kind, undefined);
      assert.match(result.problems[0]?.message ?? '', /no front matter "type:"/);
      assert.equal(compileTemplate('## A\n').kind, undefined);
    });

    it('an unknown annotation', () => {
      assert.deepEqual(problems('---\ntype: t\n---\n## A\n<!-- mlreport: optinal -->\n').map(([line, m]) => [line, m.split(' (')[0]]), [[5, 'unknown annotation "optinal"']]);
    });

    it('a heading annotation away from a heading, a block annotation above a heading', () => {
      assert.equal(problems('---\ntype: t\n---\n## A\n\ntext\n\n<!-- mlreport: optional -->\n')[0]?.[0], 8);
      assert.equal(problems('---\ntype: t\n---\n<!-- mlreport: keep -->\n## A\n')[0]?.[0], 4);
    });

    it('an annotation sharing its line with text, bad numbers, empty aliases', () => {
      assert.equal(problems('---\ntype: t\n---\n## A\ntext <!-- mlreport: keep -->\n')[0]?.[0], 5);
      assert.match(problems('---\ntype: t\n---\n## A\n<!-- mlreport: example-rows two -->\n| a |\n|--|\n| b |\n')[0]?.[1] ?? '', /row numbers/);
      assert.match(problems('---\ntype: t\n---\n## A\n<!-- mlreport: aliases -->\n')[0]?.[1] ?? '', /aliases/);
      assert.match(problems('---\ntype: t\n---\n## A\n<!-- mlreport: keep-columns -->\n| a |\n|--|\n| b |\n')[0]?.[1] ?? '', /column numbers/);
    });

    it('a front matter annotation that is unknown or on type:', () => {
      assert.deepEqual(problems('---\ntype: t  # mlreport: optional\nx: 1  # mlreport: keep\n---\n').map(([line]) => line), [2, 3]);
    });
  });

  it('rules: the opt-in rules a kind turns on; role: which sections play which part', () => {
    const text = `---\ntype: t\n---\n<!-- mlreport: rules code-version results-variance -->\n<!-- mlreport: role code appendix/code references -->\n## Setup\n<!-- mlreport: role setup -->\n## Results\n<!-- mlreport: role results -->\n<!-- mlreport: role claims -->\n## References\n## Appendix\n### Code\n`;
    const compiled = compile(text);
    assert.deepEqual(compiled.optInRules, ['code-version', 'results-variance']);
    assert.deepEqual(compiled.roles, { code: ['appendix/code', 'references'], setup: ['setup'], results: ['results'], claims: ['results'] });
    assert.ok(!compiled.template.includes('mlreport'));
    assert.equal(compile('---\ntype: t\n---\n## A\n').roles, undefined);
    const mistakes = compileTemplate('---\ntype: t\n---\n<!-- mlreport: role speed a -->\n<!-- mlreport: role code nope -->\n<!-- mlreport: role setup -->\n## A\n').problems.map((p) => [p.line, p.message.split(' (')[0]?.split(',')[0]]);
    assert.deepEqual(mistakes, [[4, '"role" needs one of setup'], [5, '"role code": "nope" is not a section id of this template'], [6, '"role setup" without section ids must be on the line under a heading']]);
  });

  it('guidance, example and slot annotations: what a hover says belongs in a section or slot', () => {
    const annotated = [
      '---', 'type: eval-note', 'owner: {{OWNER}}', '---',
      '<!-- mlreport: slot OWNER Who answers for the numbers. -->',
      '<!-- mlreport: slot-example OWNER Ana Pereira -->',
      '<!-- mlreport: slot-example NOBODY an example without a text is dropped -->',
      '', '## Results', '<!-- mlreport: aliases Metrics -->', '<!-- mlreport: guidance One table, every model on every metric. -->',
      '<!-- mlreport: example | Ours | 0.91 | -->', '', 'Text.', '', '### Data', '<!-- mlreport: guidance Which split, how many examples. -->', '', 'Text.', '',
    ].join('\n');
    const compiled = compile(annotated);
    assert.deepEqual(compiled.guidance, {
      slots: { OWNER: { what: 'Who answers for the numbers.', example: 'Ana Pereira' } },
      sections: { results: { what: 'One table, every model on every metric.', example: '| Ours | 0.91 |' }, 'results/data': { what: 'Which split, how many examples.' } },
    });
    assert.equal(compiled.template.includes('mlreport:'), false, 'stripped from the template');
    assert.equal(compile('---\ntype: t\n---\n\n## A\n').guidance, undefined);
    assert.deepEqual(compileTemplate('---\ntype: t\n---\n<!-- mlreport: slot -->\n\n## A\n<!-- mlreport: guidance -->\n').problems.map((p) => p.message).sort(), [
      '"guidance" needs a text: <!-- mlreport: guidance … -->',
      '"slot" needs a slot name and a text: <!-- mlreport: slot AUTHORS … -->',
    ]);
  });

  it('gives unique ids to sections with the same title', () => {
    assert.deepEqual(compile('---\ntype: t\n---\n## Notes\n## Notes\n').sections.map((s) => s.id), ['notes', 'notes-2']);
  });

  it('never throws on hostile input', () => {
    for (const text of ['', '---', '---\ntype: [a, b]\n---', '<!-- mlreport: -->', '---\ntype: t\n---\n' + '#'.repeat(7) + ' x', '\uFEFF---\ntype: t\n---\n## A\n', '---\r\ntype: t\r\n---\r\n## A\r\n<!-- mlreport: optional -->\r\n']) {
      assert.doesNotThrow(() => compileTemplate(text), JSON.stringify(text));
    }
    const crlf = compileTemplate('---\r\ntype: t\r\n---\r\n## A\r\n<!-- mlreport: optional -->\r\ntext\r\n');
    assert.equal(crlf.kind?.sections[0]?.required, false);
    assert.equal(crlf.kind?.template, '---\r\ntype: t\r\n---\r\n## A\r\ntext\r\n');
  });
});
