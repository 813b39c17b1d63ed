import assert from 'node:assert/strict';
import fc from 'fast-check';
import type { Root, TableRow } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { applyEdits, lint } from '../../src/core';
import type { Finding } from '../../src/core';
import { parseMarkdown } from '../../src/core/parse/markdown';
import { tableColumnCount } from '../../src/core/rules/tableColumnCount';
import { splitRow } from '../../src/core/text/rowCells';
import { delimiterRowText, mergeOverflowEdit, padRowEdit } from '../../src/core/tables/rowFixes';

const onlyTables = { kind: 'ml-experiment-report', ruleSet: [tableColumnCount] };

function tableFindings(text: string): Finding[] {
  return lint(text, onlyTables).findings;
}

function claimed(text: string, finding: Finding): string {
  return text.slice(finding.range.start.offset, finding.range.end.offset);
}

/** The body rows remark parses from a one-column table whose only body line is `row`, if it stays a table. */
function parsedBodyRow(row: string): TableRow | undefined {
  const tree: Root = parseMarkdown(`| h |\n| - |\n${row}\n`);
  const table = tree.children[0];
  if (tree.children.length !== 1 || table?.type !== 'table' || table.children.length !== 2) return undefined;
  return table.children[1];
}

const cellText = fc.constantFrom('a', 'b', ' ', '  ', '\\|', '\\\\', '`', 'x y', '');
const rowText = fc.tuple(fc.boolean(), fc.array(cellText, { minLength: 1, maxLength: 6 }), fc.boolean())
  .map(([lead, cells, trail]) => `${lead ? '| ' : ''}${cells.join(' | ')}${trail ? ' |' : ''}`.trim());

describe('table cells', () => {
  it('splits at unescaped pipes only; leading and trailing pipes are optional', () => {
    const count = (row: string): number => splitRow(row).cells.length;
    assert.equal(count('| a | b | c |'), 3);
    assert.equal(count('a | b | c'), 3);
    assert.equal(count('| a | b | c'), 3);
    assert.equal(count('a | b | c |'), 3);
    assert.equal(count('| a \\| b | c |'), 2);
    assert.equal(count('| a \\\\| b |'), 2, 'an escaped backslash does not escape the pipe after it');
    assert.equal(count('| `a|b` | c |'), 3, 'GFM splits at pipes inside code spans too');
    assert.equal(count('x'), 1);
  });

  it('counts cells exactly as remark-gfm does for any row', () => {
    fc.assert(fc.property(rowText, (row) => {
      const parsed = parsedBodyRow(row);
      fc.pre(parsed !== undefined);
      assert.equal(splitRow(row).cells.length, parsed?.children.length);
    }), { numRuns: 500 });
  });
});

describe('table row fixes', () => {
  const pad = (row: string, missing: number): string => applyEdits(row, [padRowEdit(row, 0, splitRow(row), missing)]);
  const merge = (row: string, keep: number): string => {
    const edit = mergeOverflowEdit(row, 0, splitRow(row), keep);
    assert.ok(edit);
    return applyEdits(row, [edit]);
  };

  it('pads a short row in its own style', () => {
    assert.equal(pad('| a | b |', 1), '| a | b |  |');
    assert.equal(pad('a | b', 1), 'a | b |  |');
    assert.equal(pad('|a|b|', 2), '|a|b|||');
    assert.equal(pad('x', 1), 'x |  |');
  });

  it('merges the overflow into the last allowed cell, escaping the pipes, and drops empty extra cells', () => {
    assert.equal(merge('| a | b | c | d |', 2), '| a | b \\| c \\| d |');
    assert.equal(merge('a | b | c', 2), 'a | b \\| c');
    assert.equal(merge('| a | b | | |', 2), '| a | b |');
    assert.equal(merge('| a | b | c | |', 2), '| a | b \\| c |');
    assert.equal(merge('|a|b|c|', 1), '|a\\|b\\|c|');
    assert.equal(merge('| a | b\\\\| c |', 2), '| a | b\\\\\\| c |');
  });

  it('rewrites a delimiter row to the header count, keeping alignments and style', () => {
    const rewrite = (row: string, count: number): string => delimiterRowText(row, splitRow(row), count);
    assert.equal(rewrite('|:--|--:|', 3), '|:--|--:|---|');
    assert.equal(rewrite('| :-: | --- | --- |', 2), '| :-: | --- |');
    assert.equal(rewrite(':-- | --:', 3), ':-- | --: | ---');
    assert.equal(rewrite('--- | ---', 1), '| --- |', 'a lone dash line would be a thematic break');
  });

  it('padded and merged rows have the target cell count for remark and keep every character of text', () => {
    fc.assert(fc.property(rowText.filter((row) => !row.includes('`')), fc.integer({ min: 1, max: 6 }), (row, target) => {
      const split = splitRow(row);
      const parsed = parsedBodyRow(row);
      fc.pre(parsed !== undefined && split.cells.length !== target);
      const edit = split.cells.length < target
        ? padRowEdit(row, 0, split, target - split.cells.length)
        : mergeOverflowEdit(row, 0, split, target);
      assert.ok(edit);
      const fixed = applyEdits(row, [edit]);
      const after = parsedBodyRow(fixed);
      assert.ok(after, `"${fixed}" is no longer a row`);
      assert.equal(after.children.length, target, `"${row}" → "${fixed}"`);
      const letters = (cells: TableRow['children']): string => cells.map((cell) => toString(cell)).join('').replace(/[|\s]/g, '');
      assert.equal(letters(after.children), letters(parsed?.children ?? []));
    }), { numRuns: 500 });
  });
});

describe('table-column-count', () => {
  it('reports short and long rows with both counts, ranged on the row text', () => {
    const text = '# T\n\n| a | b | c |\n|---|---|---|\n| 1 | 2 |   \n| 1 | 2 | 3 | 4 |\n| 1 | 2 | 3 |\n';
    const findings = tableFindings(text);
    assert.deepEqual(findings.map((f) => [f.message, f.severity, f.range.start.line, claimed(text, f)]), [
      ['Table row has 2 cells; the header has 3.', 'warning', 5, '| 1 | 2 |'],
      ['Table row has 4 cells; the header has 3.', 'warning', 6, '| 1 | 2 | 3 | 4 |'],
    ]);
  });

  it('finds a delimiter row that does not match the header from the source, as an error', () => {
    const text = '| a | b | c |\n| :-- | --: |\n| 1 | 2 | 3 |\n| 4 |\n';
    assert.equal(parseMarkdown(text).children[0]?.type, 'paragraph', 'GFM renders no table here');
    const findings = tableFindings(text);
    assert.deepEqual(findings.map((f) => [f.severity, claimed(text, f)]), [['error', '| :-- | --: |'], ['warning', '| 4 |']]);
    assert.equal(findings[0]?.message, 'Table delimiter row has 2 cells; the header has 3, so the table is not rendered at all.');
    assert.deepEqual(findings[0]?.fix?.edits.map((e) => e.newText), ['| :-- | --: | --- |']);
  });

  it('finds tables after prose in the same paragraph, in block quotes and in list items', () => {
    const text = 'Intro line\n| a | b |\n|---|---|---|\n\n> | q | r |\n> > not a row\n\n> | a | b |\n> |---|\n> | 1 |\n\n- item\n\n  | a | b |\n  |---|---|\n  | 1 | 2 | 3 |\n';
    const findings = tableFindings(text);
    assert.deepEqual(findings.map((f) => [f.range.start.line, f.range.start.column, claimed(text, f)]), [
      [3, 1, '|---|---|---|'],
      [9, 3, '|---|'],
      [10, 3, '| 1 |'],
      [16, 3, '| 1 | 2 | 3 |'],
    ]);
  });

  it('strips list indentation and nested quote markers from the lines of a table that does not render', () => {
    const text = '- | a | b |\n  |---|\n  | 1 | 2 | 3 |\n| lazy |\n\n> > | a | b |\n> > |:-:|\n> > | 1 |\n> | lazy |\n';
    assert.deepEqual(tableFindings(text).map((f) => [f.range.start.line, f.range.start.column, claimed(text, f)]), [
      [2, 3, '|---|'],
      [3, 3, '| 1 | 2 | 3 |'],
      [7, 5, '|:-:|'],
      [8, 5, '| 1 |'],
    ], 'a lazy continuation line ends a table, so it is no row of it');
  });

  it('ignores tables in fenced code, indented code and HTML blocks, and escaped pipes', () => {
    const text = '```\n| a | b |\n|---|\n```\n\n    | a | b |\n    |---|\n\n<div>\n| a | b |\n|---|\n</div>\n\n| a \\| b | c |\n|---|---|\n| 1 \\| 2 | 3 |\n';
    assert.deepEqual(tableFindings(text), []);
  });
});
