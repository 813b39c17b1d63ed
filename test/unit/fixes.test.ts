import assert from 'node:assert/strict';
import fc from 'fast-check';
import { applyEdits, fixAllTables, lint } from '../../src/core';
import { tableColumnCount } from '../../src/core/rules/tableColumnCount';

const onlyTables = { kind: 'ml-experiment-report', ruleSet: [tableColumnCount] };

function tableMessages(text: string): string[] {
  return lint(text, onlyTables).findings.map((finding) => finding.message);
}

describe('applyEdits', () => {
  it('applies non-overlapping edits given in any order, insertions included', () => {
    assert.equal(applyEdits('abcdef', [{ start: 4, end: 6, newText: 'X' }, { start: 0, end: 0, newText: '>' }, { start: 1, end: 2, newText: '' }]), '>acdX');
  });
});

describe('fixAllTables', () => {
  it('is undefined when no table needs fixing', () => {
    assert.equal(fixAllTables(lint('| a | b |\n|---|---|\n| 1 | 2 |\n', onlyTables)), undefined);
  });

  it('combines every table fix of the document into one fix that leaves no table finding', () => {
    const text = '# T\r\n\r\n| a | b | c |\r\n|:-:|---|\r\n| 1 |\r\n| 1 | 2 | 3 | 4 |\r\n\r\n> a | b\r\n> --|--\r\n> 1\r\n> 1 | 2 | 3\r\n\r\n|x|y|\r\n|-|-|\r\n|1|2|3||\r\n';
    const result = lint(text, onlyTables);
    assert.equal(result.findings.length, 6);
    const fix = fixAllTables(result);
    assert.ok(fix);
    assert.equal(fix.edits.length, 6);
    fix.edits.forEach((edit, i) => assert.ok(i === 0 || (fix.edits[i - 1]?.end ?? 0) <= edit.start, 'edits are sorted and do not overlap'));
    const fixed = applyEdits(text, fix.edits);
    assert.deepEqual(tableMessages(fixed), []);
    assert.equal(fixed, '# T\r\n\r\n| a | b | c |\r\n|:-:|---|---|\r\n| 1 |  |  |\r\n| 1 | 2 | 3 \\| 4 |\r\n\r\n> a | b\r\n> --|--\r\n> 1 |  |\r\n> 1 | 2 \\| 3\r\n\r\n|x|y|\r\n|-|-|\r\n|1|2\\|3|\r\n');
  });

  it('takes only table fixes, with document offsets, from a full lint', () => {
    const text = '---\ntype: ml-experiment-report\ntitle: T\nauthors: A\ndate: 2025-01-02\n---\n\n# T\n\n## Results\n\n| a | b |\n|---|---|\n| 1 |\n';
    const result = lint(text);
    const fix = fixAllTables(result);
    assert.deepEqual(fix?.edits, [{ start: text.indexOf('| 1 |') + 5, end: text.indexOf('| 1 |') + 5, newText: '  |' }]);
  });

  it('leaves no table finding for any mix of rows, delimiters and block quotes', () => {
    const row = (count: number, fill: string): string => `| ${Array.from({ length: count }, () => fill).join(' | ')} |`;
    const table = fc.record({
      header: fc.integer({ min: 1, max: 5 }),
      delimiter: fc.integer({ min: 1, max: 6 }),
      rows: fc.array(fc.tuple(fc.integer({ min: 1, max: 7 }), fc.constantFrom('v', '', 'a \\| b', '`c|d`')), { maxLength: 4 }),
      quoted: fc.boolean(),
      eol: fc.constantFrom('\n', '\r\n'),
    });
    fc.assert(fc.property(fc.array(table, { minLength: 1, maxLength: 3 }), (tables) => {
      const text = tables.map((t) => {
        const lines = [row(t.header, 'h'), row(t.delimiter, '---'), ...t.rows.map(([count, fill]) => row(count, fill))];
        return lines.map((line) => (t.quoted ? `> ${line}` : line)).join(t.eol) + t.eol;
      }).join('\n');
      const fix = fixAllTables(lint(text, onlyTables));
      const fixed = fix ? applyEdits(text, fix.edits) : text;
      assert.deepEqual(tableMessages(fixed), [], fixed);
    }), { numRuns: 150 });
  });
});
