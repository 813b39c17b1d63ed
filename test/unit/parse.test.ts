import assert from 'node:assert/strict';
import { BUILTIN_KINDS, lint, LineIndex, parseDocument } from '../../src/core';
import { parseChunk } from '../../src/core/parse/chunkParse';
import { splitChunks, splitUnits, unitSettings } from '../../src/core/parse/chunks';
import { parseMarkdown } from '../../src/core/parse/markdown';

describe('parse', () => {
  it('loads the ESM-only remark stack and parses GFM tables and front matter', () => {
    const tree = parseMarkdown('---\na: 1\n---\n\n| a | b |\n|---|---|\n| 1 | 2 |\n');
    assert.deepEqual(tree.children.map((node) => node.type), ['yaml', 'table']);
  });

  it('splits at unindented ATX headings outside fences and front matter', () => {
    const text = '---\n# not\n---\n# A\ntext\n```\n# code\n```\n## B\n  ## indented\n';
    const starts = splitChunks(text).map((span) => text.slice(span.start).split('\n')[0]);
    assert.deepEqual(starts, ['---', '# A', '## B']);
  });

  it('reads a long fence of its own chunk without micromark, node for node as remark does', () => {
    const body = Array.from({ length: 120 }, (_, i) => (i % 7 === 0 ? '' : `line ${i}\t# not a heading {{X}}`));
    for (const [open, close, after] of [['```text', '```', '\n'], ['~~~~ py  x  y  ', '~~~~~  ', '\n\n  \n'], ['```', '```', '']] as const) {
      const text = `${open}\n${body.join('\n')}\n${close}${after}`;
      const expected = parseMarkdown(text);
      assert.deepStrictEqual(parseChunk(text).tree, { type: 'root', children: expected.children, position: expected.position });
    }
  });

  it('splits a long table into chunks of rows and checks every row against the header', () => {
    const rows = Array.from({ length: 300 }, (_, i) => (i === 250 ? `| c${i} | 1 |` : `| c${i} | 1 | 2 |`));
    const text = `# T\n\n| a | b | c |\n|---|---|---|\n${rows.join('\n')}\n\nAfter.\n`;
    assert.ok(splitUnits(text).filter((span) => span.boundary === 'row').length >= 10);
    const result = lint(text, { kind: 'ml-experiment-report' });
    const broken = result.findings.filter((finding) => finding.rule === 'table-column-count');
    assert.deepEqual(broken.map((finding) => [finding.range.start.line, finding.message]), [[255, 'Table row has 2 cells; the header has 3.']]);
    assert.ok(result.doc.chunks.length >= 10);
  });

  it('splits only tables longer than every template table (a split table is never taken for a template table as a whole)', () => {
    for (const kind of BUILTIN_KINDS) {
      const rows = parseMarkdown(kind.template).children.flatMap((node) => (node.type === 'table' ? [node.children.length - 1] : []));
      assert.ok(rows.length > 0 && Math.max(...rows) < unitSettings.minTableRows, `${kind.id}: ${rows.join(',')}`);
    }
  });

  it('merges chunks when a block is still open at a split (an unclosed HTML block)', () => {
    const text = '# A\n<div>\n# inside html\n</div>\n\n# B\n';
    const doc = parseDocument(text);
    assert.deepEqual(doc.headings.map((h) => h.text), ['A', 'B']);
  });

  it('finds every heading with its line, also with CRLF and a BOM', () => {
    const result = lint('\uFEFF---\r\ntype: x\r\n---\r\n# Title\r\n\r\n## Two ✅\r\n', {});
    assert.deepEqual(result.doc.headings.map((h) => [h.text, h.line, h.depth]), [['Title', 4, 1], ['Two ✅', 6, 2]]);
  });

  it('counts columns in UTF-16 code units and lines at CR, LF and CRLF', () => {
    const index = new LineIndex('a😀b\r\nc\rd\ne');
    assert.deepEqual(index.point(3), { line: 1, column: 4, offset: 3 });
    assert.deepEqual(index.point(6), { line: 2, column: 1, offset: 6 });
    assert.deepEqual(index.point(8), { line: 3, column: 1, offset: 8 });
    assert.equal(index.lineText(1), 'a😀b');
    assert.equal(index.lineCount, 4);
  });
});
