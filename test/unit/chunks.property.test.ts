import assert from 'node:assert/strict';
import fc from 'fast-check';
import type { Nodes, Root } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { parseDocument } from '../../src/core/parse/document';
import { parseMarkdown } from '../../src/core/parse/markdown';
import { LineIndex } from '../../src/core/text/lineIndex';
import { markdownDocument, propertyRuns } from '../support/markdownArbitrary';

const stripBom = (text: string): string => (text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);

/** Tables and code blocks anywhere in a tree, as `type@offset` with offsets shifted into the document. */
function tablesAndCode(tree: Root, shift: number): string[] {
  const found: string[] = [];
  const visit = (node: Nodes): void => {
    if (node.type === 'table' || node.type === 'code') found.push(`${node.type}@${(node.position?.start.offset ?? -1) + shift}`);
    if ('children' in node) for (const child of node.children) visit(child);
  };
  visit(tree);
  return found;
}

/** The root's blocks as `type start-end`: what the chunks must reproduce, block for block. */
function rootBlocks(tree: Root, shift: number): string[] {
  return tree.children.map((node) => `${node.type} ${(node.position?.start.offset ?? -1) + shift}-${(node.position?.end.offset ?? -1) + shift}`);
}

function whole(text: string): { headings: unknown[]; nodes: string[]; blocks: string[] } {
  const tree = parseMarkdown(text);
  const lines = new LineIndex(text);
  const headings = tree.children.flatMap((node) =>
    node.type === 'heading' ? [{ depth: node.depth, text: toString(node).trim(), line: lines.point(node.position?.start.offset ?? 0).line }] : []);
  return { headings, nodes: tablesAndCode(tree, 0), blocks: rootBlocks(tree, 0) };
}

function chunked(text: string): { headings: unknown[]; nodes: string[]; blocks: string[] } {
  const doc = parseDocument(text);
  return {
    headings: doc.headings.map((heading) => ({ depth: heading.depth, text: heading.text, line: heading.line })),
    nodes: doc.chunks.flatMap((chunk) => tablesAndCode(chunk.parse.tree, chunk.start)),
    blocks: doc.chunks.flatMap((chunk) => rootBlocks(chunk.parse.tree, chunk.start)),
  };
}

describe('chunked parsing (property)', () => {
  it('finds the same headings, tables, code blocks and root blocks as one parse of the whole text', () => {
    fc.assert(
      fc.property(markdownDocument, (input) => {
        const text = stripBom(input);
        assert.deepEqual(chunked(text), whole(text));
      }),
      { numRuns: propertyRuns(100) },
    );
  });

  it('gives every chunk the same parse, node for node, whether chunks are parsed alone or cut out of one parse of many', () => {
    fc.assert(
      fc.property(markdownDocument, fc.constantFrom(1, 200, 8000, Infinity), (input, groupSize) => {
        const text = stripBom(input);
        const alone = parseDocument(text, undefined, { groupSize: 0 });
        const grouped = parseDocument(text, undefined, { groupSize });
        assert.deepStrictEqual(grouped.chunks, alone.chunks);
        assert.deepStrictEqual(grouped.headings, alone.headings);
      }),
      { numRuns: propertyRuns(60) },
    );
  });

  it('splits the generated documents into several chunks (the property is not vacuous)', () => {
    const counts = fc.sample(markdownDocument, { numRuns: 50, seed: 7 }).map((text) => parseDocument(stripBom(text)).chunks.length);
    assert.ok(counts.filter((count) => count >= 3).length >= 25, `chunk counts: ${counts.join(',')}`);
  });

  it('uses a definition from another chunk for a reference, as one parse of the whole text does', () => {
    const text = '# A\n\nSee [x] and [^1].\n\n# B\n\n[x]: https://example.com\n[^1]: Note.\n';
    assert.deepEqual(chunked(text), whole(text));
    const doc = parseDocument('# Notes [x]\n\n# B\n\n[x]: https://example.com\n');
    assert.equal(doc.headings[0]?.text, 'Notes x');
  });
});
