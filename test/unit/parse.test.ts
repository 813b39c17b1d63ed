import assert from 'node:assert/strict';
import { lint, LineIndex, parseDocument } from '../../src/core';
import { splitChunks } from '../../src/core/parse/chunks';
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
