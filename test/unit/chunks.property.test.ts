import assert from 'node:assert/strict';
import fc from 'fast-check';
import type { Nodes, Root } from 'mdast';
import { toString } from 'mdast-util-to-string';
import type { PlacedChunk } from '../../src/core/parse/document';
import { finish, parseDocument } from '../../src/core/parse/document';
import type { UnitSpan } from '../../src/core/parse/chunks';
import { resplitUnits, splitUnits, splitUnitsSteps, unitSettings } from '../../src/core/parse/chunks';
import { parseMarkdown } from '../../src/core/parse/markdown';
import { LineIndex } from '../../src/core/text/lineIndex';
import { applyEdit, edit, markdownDocument, propertyRuns, UNIT_SETTINGS } from '../support/markdownArbitrary';

const stripBom = (text: string): string => (text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);

/** Tables and code blocks anywhere in a tree, as `type@offset` (code with its end, language, meta and value) with offsets shifted into the document. */
function tablesAndCode(tree: Root, shift: number): string[] {
  const found: string[] = [];
  const visit = (node: Nodes): void => {
    const at = (node.position?.start.offset ?? -1) + shift;
    if (node.type === 'table') found.push(`table@${at}`);
    if (node.type === 'code') found.push(`code@${at}-${(node.position?.end.offset ?? -1) + shift} ${String(node.lang)} ${String(node.meta)} ${JSON.stringify(node.value)}`);
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

/**
 * The chunks' root blocks, where one block of the whole text is split over chunks joined again: a
 * table whose rows continue in the next chunk (marked `continued`), and a list that the next chunk's
 * list continues (CommonMark makes one list of two lists of the same marker with only blank lines
 * between them).
 */
function joinedBlocks(text: string, chunks: readonly PlacedChunk[]): { type: string; start: number; end: number; marker: string; table: string }[] {
  const blocks: { type: string; start: number; end: number; marker: string; table: string }[] = [];
  for (const chunk of chunks) {
    for (const node of chunk.parse.tree.children) {
      const start = (node.position?.start.offset ?? -1) + chunk.start;
      const end = (node.position?.end.offset ?? -1) + chunk.start;
      const marker = node.type === 'list' ? (/^(?:[-*+]|\d+([.)]))/.exec(text.slice(start))?.[1] ?? text.charAt(start)) : '';
      const previous = blocks[blocks.length - 1];
      const joins = previous && text.slice(previous.end, start).trim() === '' && (
        (node.type === 'table' && node.data?.continued === true && previous.type === 'table') ||
        (node.type === 'list' && previous.type === 'list' && previous.marker === marker));
      if (previous && joins) previous.end = end;
      else blocks.push({ type: node.type, start, end, marker, table: '' });
    }
  }
  return blocks;
}

function chunked(text: string): { headings: unknown[]; nodes: string[]; blocks: string[] } {
  const doc = parseDocument(text);
  const nodes = doc.chunks.flatMap((chunk) => tablesAndCode(chunk.parse.tree, chunk.start));
  return {
    headings: doc.headings.map((heading) => ({ depth: heading.depth, text: heading.text, line: heading.line })),
    // A table continued in a later chunk is the one its first part starts.
    nodes: nodes.filter((node, index) => !(node.startsWith('table@') && continuedTables(doc.chunks).has(index))),
    blocks: joinedBlocks(text, doc.chunks).map((block) => `${block.type} ${block.start}-${block.end}`),
  };
}

/** Indexes, in the order `tablesAndCode` lists nodes, of the tables that continue one in an earlier chunk. */
function continuedTables(chunks: readonly PlacedChunk[]): Set<number> {
  const found = new Set<number>();
  let index = 0;
  const visit = (node: Nodes): void => {
    if (node.type === 'table' || node.type === 'code') {
      if (node.type === 'table' && node.data?.continued === true) found.add(index);
      index++;
    }
    if ('children' in node) for (const child of node.children) visit(child);
  };
  for (const chunk of chunks) visit(chunk.parse.tree);
  return found;
}

describe('chunked parsing (property)', () => {
  for (const { name, settings } of UNIT_SETTINGS) {
    describe(name, () => {
      const saved = { ...unitSettings };
      before(() => Object.assign(unitSettings, settings));
      after(() => Object.assign(unitSettings, saved));
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
          assert.deepStrictEqual(grouped.chunks.map((chunk) => chunk.parse.tree), alone.chunks.map((chunk) => chunk.parse.tree));
          assert.deepStrictEqual(grouped.headings, alone.headings);
        }),
        { numRuns: propertyRuns(60) },
      );
    });

    it('splits the generated documents into several chunks (the property is not vacuous)', () => {
      const counts = fc.sample(markdownDocument, { numRuns: 50, seed: 7 }).map((text) => parseDocument(stripBom(text)).chunks.length);
      // The shipped settings put sections of up to 1 KB together, and most generated documents are smaller.
      const least = unitSettings.sectionChars >= 1000 ? 2 : 3;
      assert.ok(counts.filter((count) => count >= least).length >= 25, `chunk counts: ${counts.join(',')}`);
    });

    it('splits at every kind of place in the generated documents (the property is not vacuous)', () => {
      const kinds = new Set<string>(fc.sample(markdownDocument, { numRuns: 100, seed: 5 }).flatMap((text) => splitUnits(stripBom(text)).map((span) => span.boundary)));
      const expected = unitSettings.every === 1 ? ['heading', 'block', 'list', 'fence', 'row'] : unitSettings.every === 0 ? ['heading', 'row'] : ['heading', 'block'];
      for (const kind of expected) assert.ok(kinds.has(kind), `no split of kind ${kind}: ${[...kinds].join(', ')}`);
    });

    it('splits an edited text, reusing the chunks of its previous version, as it splits it from scratch', () => {
      const plain = (spans: readonly UnitSpan[]): UnitSpan[] => spans.map(({ key, ...span }) => (void key, span));
      fc.assert(
        fc.property(markdownDocument, fc.array(edit, { minLength: 1, maxLength: 4 }), (initial, edits) => {
          let previous = { text: initial, spans: splitUnits(initial) };
          for (const change of edits) {
            const text = applyEdit(previous.text, change);
            const spans = resplitUnits(previous, text);
            assert.deepStrictEqual(plain(spans), splitUnits(text), `after ${JSON.stringify(change)}`);
            previous = { text, spans };
          }
        }),
        { numRuns: propertyRuns(200) },
      );
    });

    it('splits in steps as it splits at once', () => {
      fc.assert(
        fc.property(markdownDocument, fc.integer({ min: 1, max: 400 }), (text, stepChars) => {
          assert.deepStrictEqual(finish(splitUnitsSteps(text, stepChars)), splitUnits(text));
        }),
        { numRuns: propertyRuns(200) },
      );
    });

    it('uses a definition from another chunk for a reference, as one parse of the whole text does', () => {
      const text = '# A\n\nSee [x] and [^1].\n\n# B\n\n[x]: https://example.com\n[^1]: Note.\n';
      assert.deepEqual(chunked(text), whole(text));
      const doc = parseDocument('# Notes [x]\n\n# B\n\n[x]: https://example.com\n');
      assert.equal(doc.headings[0]?.text, 'Notes x');
    });
    });
  }
});
