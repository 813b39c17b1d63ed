import assert from 'node:assert/strict';
import fc from 'fast-check';
import type { ChunkParse, TableContext } from '../../src/core/parse/chunkParse';
import { parseChunk, parseChunkWithRemark, skippedLines } from '../../src/core/parse/chunkParse';
import { parseTableRows } from '../../src/core/parse/tableRowsParse';
import { propertyRuns } from '../support/markdownArbitrary';

/** Everything a chunk parse holds, the tree included (it is a getter on the prototype). */
function snapshot(parse: ChunkParse): unknown {
  return { ...parse, tree: parse.tree };
}

/** Asserts that `parseChunk` yields what remark yields, and returns whether it took the fast path. */
function compare(text: string, context: TableContext): boolean {
  const head = context.tableHead ?? '';
  const fast = parseTableRows(text, head) !== undefined;
  const parse = parseChunk(text, undefined, context);
  const remark = parseChunkWithRemark(text, undefined, context);
  assert.deepStrictEqual(snapshot(parse), snapshot(remark), `${JSON.stringify(head)} + ${JSON.stringify(text)}`);
  // The fast path records that the limits blank nothing; after remark, skippedLines reads the text again.
  assert.deepStrictEqual(skippedLines(parse), skippedLines(remark));
  return fast;
}

const HEAD = '| Class | Precision | Recall | F1 | Support |\n|-------|:----------|-------:|:--:|---------|\n';

describe('table rows read without micromark', () => {
  it('reads plain rows node for node as remark does', () => {
    const plain = [
      '| cat | 0.91 | 0.88 | 0.89 | 1000 |\n',
      '| run-17 | 3e-4 | 0.823 ± 0.004 |\n| run-18 | 1e-3 | 0.801 ± 0.011 |\n',
      'cat | 0.91 | 0.88\ndog|0.5|0.4|0.3|0.2|0.1|9\n',
      '| n01440764 class 0 | 0.512 | 0.933 | 0.871 | 604 |\n| n01440801 class 1 | 0.702 | 0.61 | 0.64 | 20 |',
      '|a|b|\n|   |  |\n||\n|\n| |\n|x\n',
      '| a |  | b  \n| a | b |  \n',
      '|\ta\t|\t\tb |\tc\t\n',
      '| a |\r\n| b |\r\n',
      '| a |\rb|c\r',
      '| a | b |\n\n   \n\t\n',
      '| a | b |\r\n\r\n',
      '| 😀 | é | \u00a0x\u00a0 | {x} | # | 100% | (95% CI 0.90–0.92) | http://x.y | www.x.y | a@b.c |\n',
      '0.91 | 1000\n2024-01-01 | x\nrun | 1.5\n12 | 3.\n',
      'bar\nbaz\n',
      '| --- | :-: |\n| a |\n',
    ];
    for (const text of plain) {
      for (const tableContinues of [false, true]) {
        assert.ok(compare(text, tableContinues ? { tableHead: HEAD, tableContinues } : { tableHead: HEAD }), `not taken: ${JSON.stringify(text)}`);
      }
    }
  });

  it('leaves anything else to remark, which gives what it always gave', () => {
    const nearMisses = [
      '| a \\| b |\n', '| `x` |\n', '| *a* |\n', '| _a_ |\n', '| <b> |\n', '| a > b |\n', '| [x] |\n', '| ![i](x) |\n', '| &amp; |\n',
      '| ~~x~~ |\n', '| $x$ |\n', '| a\u0000b |\n', '| a\u000bb |\n', '| a\u007fb |\n',
      '| a |\n# Heading\n', '| a |\n> quote\n', '| a |\n- item\n', '| a |\n+ item\n', '| a |\n* item\n', '| a |\n1. item\n', '| a |\n2) item\n',
      '| a |\n1.\n', '| a |\n```\n', '| a |\n~~~\n', '| a |\n<div>\n', '| a |\n    code\n', '| a |\n | b |\n', '| a |\n\t| b |\n',
      '| a |\n---\n', '| a |\n===\n', '| a |\n***\n', '| a |\n___\n', '| a |\n[a]: #\n', '| a |\n\nAfter.\n', '| a |\n\n| b |\n',
      '\n| a |\n', '', '   \n', '# H\n| a |\n', '| a |\n:b|\n', '| a |\n"b"|\n',
    ];
    for (const text of nearMisses) {
      for (const tableContinues of [false, true]) {
        assert.ok(!compare(text, tableContinues ? { tableHead: HEAD, tableContinues } : { tableHead: HEAD }), `taken: ${JSON.stringify(text)}`);
      }
    }
  });

  it('leaves rows after a head that is not a plain table head to remark', () => {
    const heads = ['| a | b |\n|---|\n', '| a |\n|---|', 'text\n| a |\n|---|\n', '| a |\n', '> | a |\n> |---|\n', '- | a |\n  |---|\n'];
    for (const tableHead of heads) assert.ok(!compare('| x |\n| y |\n', { tableHead }), JSON.stringify(tableHead));
  });

  it('leaves rows to remark when the parse limits might blank a line', () => {
    const rows = Array.from({ length: 300 }, (_, i) => `| (a) (b) (c) (${i}) |`).join('\n');
    assert.ok(!compare(`${rows}\n`, { tableHead: HEAD }));
    assert.ok(compare(`${rows.slice(0, 1000)}\n`, { tableHead: HEAD }));
    assert.ok(!compare(`| ${'a|'.repeat(5001)}\n`, { tableHead: HEAD }));
  });

  it('reads generated rows as remark does, plain ones without micromark (property)', function () {
    this.timeout(120_000);
    const plainWord = fc.constantFrom('cat', '0.91', '3e-4', '0.823 ± 0.004', 'run-17', '1000', '(95% CI)', 'a b', 'a\tb', '😀', 'é', '\u00a0', '{x}', '#', '%', ':', '/', '=', '+', '-', '.', ',', "'", '"', '?', '@', 'http://x.y', 'www.x', '^', '1.', '2)', 'None', '{{X}}', '---', ':-:', '\ud83d');
    const specialWord = fc.constantFrom('\\|', '\\', '`x`', '*a*', '_a_', '<b>', '>', '[x]', '![', '&amp;', '&', '~~x~~', '~', '$x$', '\u0000', '\u000c', '[^1]');
    const word = fc.oneof({ arbitrary: plainWord, weight: 300 }, { arbitrary: specialWord, weight: 1 });
    const pad = fc.constantFrom('', ' ', ' ', '  ', '\t');
    const cell = fc.tuple(pad, fc.array(word, { maxLength: 3 }), pad).map(([before, words, after]) => `${before}${words.join(' ')}${after}`);
    const row = fc
      .tuple(fc.array(cell, { minLength: 1, maxLength: 6 }), fc.boolean(), fc.boolean(), fc.constantFrom('', '', '', ' ', '\t', '  '))
      .map(([cells, leading, trailing, end]) => `${leading ? '|' : ''}${cells.join('|')}${trailing ? '|' : ''}${end}`)
      // Most rows without a leading pipe start with a letter or a digit, as real ones do.
      .map((text) => (text.startsWith('|') || /^[a-z0-9]/i.test(text) ? text : `x${text}`));
    const otherLine = fc.constantFrom('', '   ', '# H', '> q', '- a', '1. a', '2) b', '    code', ' | a |', '---', '===', '```', '~~~', '<div>', '[a]: b', 'text', '***', '+ x', '10. x', '0.5 | 1', 'a|b', '|', '||', '\t| a |', 'x', '-', '1.', ':b|c', '"q"|x', '=x|y', "'a|b", '%|1', '(a)|b', '.5|1');
    const line = fc.oneof({ arbitrary: row, weight: 60 }, { arbitrary: otherLine, weight: 1 });
    const align = fc.constantFrom('---', ':--', '--:', ':-:', '-', ' --- ', ':---:');
    const head = fc
      .tuple(fc.integer({ min: 1, max: 4 }), fc.boolean(), fc.constantFrom(0, 0, 0, 0, 1), fc.constantFrom('Class', '**Name**', '0.5', 'a b', ''))
      .chain(([columns, outer, delta, title]) =>
        fc.array(align, { minLength: columns + delta, maxLength: columns + delta }).map((aligns) => {
          const wrap = (cells: string[]): string => (outer ? `| ${cells.join(' | ')} |` : cells.join(' | '));
          return [wrap(Array.from({ length: columns }, (_, i) => `${title}${i}`)), wrap(aligns)];
        }),
      );
    const chunk = fc.record({
      head,
      lines: fc.array(line, { minLength: 1, maxLength: 8 }),
      breaks: fc.array(fc.constantFrom('\n', '\n', '\n', '\r\n', '\r'), { minLength: 1, maxLength: 3 }),
      finalBreak: fc.constantFrom(true, true, true, false),
      tableContinues: fc.boolean(),
    });
    let fast = 0;
    let runs = 0;
    fc.assert(
      fc.property(chunk, ({ head, lines, breaks, finalBreak, tableContinues }) => {
        const eol = (index: number): string => breaks[index % breaks.length] as string;
        const tableHead = head.map((text, index) => text + eol(index)).join('');
        const text = lines.map((text, index) => (index < lines.length - 1 || finalBreak ? text + eol(index + 2) : text)).join('');
        runs++;
        if (compare(text, tableContinues ? { tableHead, tableContinues } : { tableHead })) fast++;
      }),
      { numRuns: propertyRuns(3000) },
    );
    // The plain cases must be common enough for the comparison to mean something.
    assert.ok(fast > runs / 4 && fast < runs, `${fast} of ${runs} generated chunks took the fast path`);
  });
});
