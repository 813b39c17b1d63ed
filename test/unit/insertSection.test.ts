import assert from 'node:assert/strict';
import { applyEdits, BUILTIN_KINDS, lint, sectionInsertion } from '../../src/core';
import type { ReportKind, SectionOccurrence } from '../../src/core';
import { defineSections } from '../support/frozenKinds/defineSections';
import { MISSING_SECTION } from '../../src/core/rules/missingSection';

const FRONT = '---\ntitle: Churn model\nauthors: [Ana]\ndate: 2025-01-10\ntype: ml-experiment-report\n---\n\n# Churn model\n\n';

function insert(text: string, sectionId: string, result = lint(text)): string {
  const edit = sectionInsertion(result, sectionId);
  assert.ok(edit, `no insertion for ${sectionId}`);
  assert.equal(edit.start, edit.end, 'an insertion replaces nothing');
  return applyEdits(text, [edit]);
}

/**
 * The template without one section: from its heading line to the end of its extent. A subsection
 * leaves its section's closing `---` in place; at the end of the document no blank line is left over.
 */
function withoutSection(template: string, occurrence: SectionOccurrence): string {
  const start = template.lastIndexOf('\n', occurrence.heading.start) + 1;
  let end = occurrence.end;
  if (occurrence.parent) {
    const separator = /\n---\n\n$/.exec(template.slice(start, end));
    if (separator) end -= separator[0].length - 1;
  }
  const rest = template.slice(end);
  return rest === '' ? `${template.slice(0, start).trimEnd()}\n` : template.slice(0, start) + rest;
}

describe('section insertion', () => {
  for (const kind of BUILTIN_KINDS) {
    describe(`puts every section of ${kind.id} back where the template has it`, () => {
      const template = kind.template;
      const headings = lint(template).sections?.occurrences ?? [];
      it('finds the template\'s sections', () => assert.ok(headings.length > 8));
      for (const occurrence of headings) {
        const line = template.split('\n')[occurrence.heading.line - 1] as string;
        it(line, () => {
          const reduced = withoutSection(template, occurrence);
          assert.notEqual(reduced, template);
          const result = lint(reduced);
          const missing = result.findings.filter((f) => f.rule === MISSING_SECTION).map((f) => f.data?.['sectionId']);
          if (occurrence.spec.required) assert.ok(missing.includes(occurrence.spec.id), `${occurrence.spec.id} not reported missing`);
          assert.equal(insert(reduced, occurrence.spec.id, result), template);
        });
      }
    });
  }

  it('drops the template\'s numbering when the document does not number its sections', () => {
    const text = `${FRONT}## Objective\n\nBeat the baseline.\n\n## Model\n\nA GBM.\n`;
    const out = insert(text, 'dataset');
    assert.match(out, /\n## Dataset\n\n### Data Description\n\n\| Property \| Value \|/);
    assert.match(out, /\n### Data Splits\n/);
    assert.ok(out.indexOf('## Dataset') < out.indexOf('## Model'));
    assert.ok(out.endsWith('3. Pattern 3\n\n## Model\n\nA GBM.\n'));
  });

  it('keeps the numbering when the document numbers its sections', () => {
    const text = `${FRONT}## 1. Objective\n\nBeat the baseline.\n\n## 3. Model\n\nA GBM.\n`;
    assert.match(insert(text, 'dataset'), /\n## 2\. Dataset\n\n### 2\.1 Data Description\n/);
  });

  it('follows the document\'s heading levels', () => {
    const text = '---\ntype: ml-experiment-report\n---\n# Objective\n\nBeat it.\n\n# Model\n\nA GBM.\n';
    const out = insert(text, 'dataset');
    assert.match(out, /\n# Dataset\n\n## Data Description\n/);
    assert.ok(!out.includes('### '));
  });

  it('writes the document\'s CRLF line endings', () => {
    const text = `${FRONT}## Objective\n\nBeat the baseline.\n\n## Model\n\nA GBM.\n`.replace(/\n/g, '\r\n');
    const out = insert(text, 'dataset');
    assert.ok(!/[^\r]\n/.test(out), 'a bare LF was inserted');
    assert.ok(out.includes('\r\n## Dataset\r\n\r\n### Data Description\r\n'));
    const sub = insert(`${FRONT}## Executive Summary\n\nShort.\n\n### Key Findings\n- It works.\n\n## Objective\n\nx\n`.replace(/\n/g, '\r\n'), 'executive-summary/recommendations');
    assert.ok(sub.includes('- It works.\r\n\r\n### Recommendations\r\n- Recommendation 1\r\n- Recommendation 2\r\n\r\n## Objective'), sub);
  });

  it('appends at the end with a blank line before, also without a final line break', () => {
    const text = `${FRONT}## Conclusions\n\nIt worked.`;
    const out = insert(text, 'references');
    assert.equal(out, `${FRONT}## Conclusions\n\nIt worked.\n\n## References\n\n1. Reference 1\n2. Reference 2\n3. Reference 3\n`);
  });

  it('puts a subsection at the end of its section, before the separator that closes it', () => {
    const text = `${FRONT}## Dataset\n\n### Data Description\n\nTabular.\n\n---\n\n## Model\n\nA GBM.\n`;
    const out = insert(text, 'dataset/data-splits');
    assert.ok(out.includes('Tabular.\n\n### Data Splits\n\n| Split | Size | Percentage |'), out);
    assert.ok(out.includes('| Test | X examples | Y% |\n\n---\n\n## Model'), out);
  });

  it('puts a subsection before the next sibling the template puts after it', () => {
    const text = `${FRONT}## Dataset\n\n### Data Description\n\nTabular.\n\n### Data Quality\n\nClean.\n`;
    const out = insert(text, 'dataset/data-splits');
    assert.ok(out.indexOf('### Data Splits') > out.indexOf('Tabular.'));
    assert.ok(out.indexOf('### Data Splits') < out.indexOf('### Data Quality'));
  });

  it('brings the parent heading along for a subsection whose section is missing', () => {
    const text = `${FRONT}## Objective\n\nBeat it.\n\n## Model\n\nA GBM.\n`;
    const out = insert(text, 'dataset/data-splits');
    assert.ok(out.includes('Beat it.\n\n## Dataset\n\n### Data Splits\n\n| Split |'), out);
    assert.ok(!out.includes('Data Description'));
  });

  it('adds a separator when the document separates its sections with ---', () => {
    const text = `${FRONT}## Objective\n\nBeat it.\n\n---\n\n## Model\n\nA GBM.\n`;
    const before = insert(text, 'dataset');
    assert.ok(before.includes('---\n\n## Dataset\n'), before);
    assert.ok(before.includes('3. Pattern 3\n\n---\n\n## Model'), before);
    const atEnd = insert(text, 'references');
    assert.ok(atEnd.endsWith('A GBM.\n\n---\n\n## References\n\n1. Reference 1\n2. Reference 2\n3. Reference 3\n'), atEnd);
  });

  it('builds the whole report from an empty one, one missing-section fix at a time, in any order', () => {
    for (const [kind, pick] of BUILTIN_KINDS.flatMap((k) => [[k, 0], [k, -1]] as [ReportKind, number][])) {
      let text = `---\ntype: ${kind.id}\n---\n\n# Title\n`;
      for (let step = 0; step < 100; step++) {
        const missing = lint(text).findings.filter((f) => f.rule === MISSING_SECTION && f.fix);
        if (missing.length === 0) break;
        const chosen = missing.at(pick % missing.length) ?? missing[0];
        text = applyEdits(text, chosen?.fix?.edits ?? []);
      }
      const findings = lint(text).findings.filter((f) => ['missing-section', 'section-order', 'duplicate-section', 'empty-section'].includes(f.rule));
      assert.deepEqual(findings, [], `${kind.id} picking ${pick}`);
    }
  });

  it('inserts a section that is present again where it belongs (after it)', () => {
    const text = `${FRONT}## Objective\n\nBeat it.\n\n## Model\n\nA GBM.\n`;
    const out = insert(text, 'objective');
    assert.ok(out.indexOf('### 1.1 Research Question') < 0);
    assert.ok(out.indexOf('### Research Question') > out.indexOf('Beat it.'));
    assert.ok(out.indexOf('### Research Question') < out.indexOf('## Model'));
  });

  it('works for a kind given as data, from a CRLF template that lacks a section', () => {
    const kind: ReportKind = {
      id: 'postmortem',
      name: 'Postmortem',
      description: 'An incident write-up.',
      template: '---\r\ntype: postmortem\r\n---\r\n\r\n# {{TITLE}}\r\n\r\n## Impact\r\n\r\nWho was affected.\r\n\r\n---\r\n\r\n## Timeline\r\n\r\n- 00:00 Event\r\n',
      requiredFrontMatter: ['type'],
      sections: defineSections([{ title: 'Impact' }, { title: 'Root Cause', children: [{ title: 'Trigger' }] }, { title: 'Timeline' }]),
      placeholders: { blocks: [], values: [], labels: [], cells: [], rows: [], tables: [], choices: [], inline: [], code: [] },
    };
    const text = '---\ntype: postmortem\n---\n\n# Outage\n\n## Timeline\n\n- 09:12 Alert\n';
    const result = lint(text, { kinds: [kind] });
    assert.deepEqual(result.findings.filter((f) => f.rule === MISSING_SECTION).map((f) => f.message), [
      'Missing section "Impact": it belongs before "Timeline".',
      'Missing section "Root Cause": it belongs before "Timeline".',
    ]);
    assert.equal(insert(text, 'impact', result), '---\ntype: postmortem\n---\n\n# Outage\n\n## Impact\n\nWho was affected.\n\n## Timeline\n\n- 09:12 Alert\n');
    assert.equal(insert(text, 'root-cause', result), '---\ntype: postmortem\n---\n\n# Outage\n\n## Root Cause\n\n### Trigger\n\n## Timeline\n\n- 09:12 Alert\n');
  });

  it('gives nothing for a document that is not a report or an unknown section', () => {
    assert.equal(sectionInsertion(lint('# Notes\n'), 'dataset'), undefined);
    assert.equal(sectionInsertion(lint(`${FRONT}## Objective\n\nx\n`), 'no-such-section'), undefined);
  });
});
