import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { splitUnits } from '../../src/core/parse/chunks';
import { parseChunkWithRemark } from '../../src/core/parse/chunkParse';
import { parsePlainBlocks } from '../../src/core/parse/plainBlocksParse';
import { generateReport } from '../../scripts/bench/generateReport';
import { bigBlockDocuments, headingDense } from '../../scripts/bench/bigBlocks';
import { markdownDocument, propertyRuns, UNIT_SETTINGS, withUnitSettings } from '../support/markdownArbitrary';

/** Asserts that the plain-blocks reader yields remark's tree, where it yields one; returns whether it did. */
function compare(text: string): boolean {
  const plain = parsePlainBlocks(text);
  if (!plain) return false;
  assert.deepStrictEqual(plain, parseChunkWithRemark(text).tree, JSON.stringify(text));
  return true;
}

function markdownFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const file = path.join(dir, name);
    if (statSync(file).isDirectory()) return name === 'node_modules' ? [] : markdownFiles(file);
    return name.endsWith('.md') ? [file] : [];
  });
}

/** The texts of the chunks the splitter makes of a document, under every splitting setting, without those of a table split into rows (read with their head). */
async function chunkTexts(text: string): Promise<string[]> {
  const texts = new Set<string>();
  for (const { settings } of UNIT_SETTINGS) {
    await withUnitSettings(settings, () => {
      for (const span of splitUnits(text)) if (span.tableHead === undefined && !span.tableContinues) texts.add(text.slice(span.start, span.end));
    });
  }
  return [...texts];
}

const ROOT = path.resolve(__dirname, '../..');

describe('plain blocks read without micromark', () => {
  it('reads every chunk it takes of the examples, the templates, the fixtures, the docs and generated reports node for node as remark does', async () => {
    const documents = [
      ...['examples', 'test/fixtures', 'test/integration/workspace', 'src/core/templates/text', 'docs'].flatMap((dir) => markdownFiles(path.join(ROOT, dir))).map((file) => readFileSync(file, 'utf8').replace(/^\uFEFF/, '')),
      ...[200, 2000].flatMap((lines) => [1, 2, 3].map((seed) => generateReport({ lines, seed }))),
      ...bigBlockDocuments(7).map((doc) => doc.text),
      headingDense(3000, 7).text,
    ];
    let chunks = 0;
    let taken = 0;
    let takenChars = 0;
    let chars = 0;
    for (const document of documents) {
      for (const chunk of await chunkTexts(document)) {
        chunks++;
        chars += chunk.length;
        if (compare(chunk)) {
          taken++;
          takenChars += chunk.length;
        }
      }
    }
    // Not vacuous: most of the generated reports' chunks are plain.
    assert.ok(taken > chunks / 3, `${taken} of ${chunks} chunks taken`);
    assert.ok(takenChars > chars / 4, `${takenChars} of ${chars} characters taken`);
  });

  it('reads hand-picked plain blocks itself, and leaves the near misses among them to remark', () => {
    const taken = [
      '## 1. Objective\n### 1.1 Research Question\nLabel smoothing improves training throughput.\n',
      '**Researchers**: Grace Hopper\n**Status**: Draft / Final / In Review\n\n---\n',
      '- **Accuracy**: ≥ 0.80\n- **Latency**: < 50 ms\n',
      '1. one\n2. two\n\nThree.\n',
      '007. seven\n',
      '| Property | Value |\n|----------|:-----:|\n| **Name** | SST-2 |\n| `lr` | 3e-4 |\n|  |\n',
      '| a |\n|---|\n',
      '```python\nx = 1  \n\n  y = [2]  # <b>\n```\n\nAfter the fence.\n',
      '```\n```\n',
      'a**b**c and **a**b**c** and **a** **b**\n',
      'x_y_z, `a*b` and `[x]`, ~5%, A & B, $3, p > 0.05\n',
      'A paragraph\n# then a heading\n```\nthen a fence\n```\n',
      '# Heading\n| a | b |\n|---|---|\n| 1 | 2 |\n\nText.\n',
      '| a | b | c |\n|---|---|---|\n| 1 | 2 |   \n| 1 | 2 | 3 | 4 |\t\n',
      '---\ntitle: "ViT-B/16 on SST-2"\ntags: [a, b]\n---\n\n# Title\n\n**Researchers**: Grace Hopper\n\n---\n',
      '---\n---\nText.\n',
      '- [ ] open\n- [x] done\n- [X] **Done** too\n',
      '1. [ ] first\n',
      'See [the repo](https://git.example.org/ml/exp-245?x=1#y) and [**bold** link](a_b.md), [9] and [ ] and [x] here.\n',
      '| Paper | Link |\n|---|---|\n| A | [pdf](https://a.org/b.pdf) |\n',
      '- Training code: [repo](https://git.example.org/ml/exp-245)\n',
      '- [y] not a box\n',
      '## References\n1. Bengio et al. (2015). Early stopping.\n2. [9] Grace Hopper. Technical report.\n\n[paper](https://a.org) first.\n',
    ];
    const refused = [
      'Text\n---\n',
      'Text\n===\n',
      '- a\n- b\n\n- c\n',
      '- a\nlazy line\n',
      '* a\n- b\n',
      'Text\n- item\n',
      'a *b* c\n',
      '~~gone~~ and ~5%\n',
      'Line with a hard break  \nnext\n',
      '  indented\n',
      '| a |\n|---|\nnot a row\n',
      'R&D\n',
      '> quote\n',
      '<!-- mlreport-disable -->\n',
      '**a *b* c**\n',
      '```\nnever closed\n',
      '---\ntitle: never closed\n',
      '![image](a.png)\n',
      '[a][b] and [a][]\n',
      'A note[^1].\n',
      '[a]: https://a.org\n\nSee [a].\n',
      'See [a](b "title").\n',
      'See [a](<b c>).\n',
      'See [a](b?x=1&amp;y=2).\n',
      'See [a [b] c](d).\n',
      'See [](d).\n',
      'See [a]().\n',
      '- [ ]  two spaces\n',
      '- [ ]\n',
      '- [x]\n',
      '[^1] first\n',
    ];
    for (const text of taken) assert.ok(compare(text), `not taken: ${JSON.stringify(text)}`);
    for (const text of refused) assert.equal(parsePlainBlocks(text), undefined, `taken: ${JSON.stringify(text)}`);
  });

  it('reads the generated Markdown documents\' chunks as remark does, where it takes them', async () => {
    let taken = 0;
    for (const text of fc.sample(markdownDocument, { numRuns: propertyRuns(300), seed: 11 })) {
      for (const chunk of await chunkTexts(text.replace(/^\uFEFF/, ''))) if (compare(chunk)) taken++;
    }
    assert.ok(taken > 50, `${taken} chunks taken`);
  });

  it('reads near misses as remark does: blocks of plain lines with a troublemaker here and there', () => {
    const word = fc.constantFrom('loss', 'Accuracy', 'F1', '0.91', 'run_17', 'lr', 'seed 42', '≥ 0.80', '3e-4', 'GPU-days', 'x', '2024', 'n=5');
    const piece = fc.oneof(
      { weight: 20, arbitrary: word },
      { weight: 3, arbitrary: word.map((w) => `**${w}**`) },
      { weight: 3, arbitrary: word.map((w) => `\`${w}\``) },
      { weight: 2, arbitrary: fc.constantFrom('[a](b)', '[9]', '[x](https://a.org/b_c?d=1#e)', '[**a**](b)', '[`a`](b)', '[ ]', '[x]', '[a](b c)', '[a](b)(c)', '[a]', '](', '[[a]]', '[a](', '[a](b))', '![a](b)', '[a](<b>)', '[a]:', '[^a]') },
      { weight: 1, arbitrary: fc.constantFrom('*', '**', '***', '_', '__', '`', '``', '~', '~~', '&', '&amp;', '&#35;', '<b>', '<', '>', '[x]', '[^1]', '](y)', '\\', '|', '#', '!', '(', ')', ':', '$', '  ', '\t', ' ', '-', '+', '=', '1.', '1)', '2.', 'é', '\u00a0', '*a*', '_a_', '**a **', '** a**', '**a*', '*a**', '`a ``', '` a`', '` a `', '** **') },
    );
    const inline = fc.array(piece, { minLength: 1, maxLength: 4 }).map((pieces) => pieces.join(' '));
    const tight = fc.array(piece, { minLength: 1, maxLength: 3 }).map((pieces) => pieces.join(''));
    const line = fc.oneof(
      inline,
      tight,
      inline.map((t) => `# ${t}`),
      inline.map((t) => `### ${t}`),
      inline.map((t) => `- ${t}`),
      inline.map((t) => `* ${t}`),
      inline.map((t) => `1. ${t}`),
      inline.map((t) => `3) ${t}`),
      fc.tuple(inline, inline).map(([a, b]) => `| ${a} | ${b} |`),
      fc.tuple(inline, inline, fc.constantFrom(' ', '   ', '\t', ' |', '| ', '|')).map(([a, b, end]) => `| ${a} | ${b}${end}`),
      fc.constantFrom('| 1 | 2 |   ', '| 1 |\t', 'a | b', '|a|b|c|', '||', '| \\| |'),
      fc.constantFrom('- [ ] t', '- [x] done', '* [X] ok', '1. [ ] a', '- [ ]', '- [x]  b', '- [y] c', '---', 'title: x', 'a: [1, 2]', '--- '),
      fc.constantFrom('| a | b |', '|---|:--:|', '| --- | --- |', '|:--|--:|', '---', '***', '___', '===', '```', '```py', '~~~', '', '', '', '   ', '> q', '<!-- c -->', '    code', '[a]: #', '- [ ] t'),
      fc.constantFrom('', ''),
    );
    let runs = 0;
    let taken = 0;
    fc.assert(
      fc.property(fc.array(line, { minLength: 1, maxLength: 12 }), fc.boolean(), (lines, trailingBreak) => {
        runs++;
        if (compare(lines.join('\n') + (trailingBreak ? '\n' : ''))) taken++;
      }),
      { numRuns: propertyRuns(3000) },
    );
    // Not vacuous: a good share of the near misses are read without micromark.
    assert.ok(taken > runs / 20, `${taken} of ${runs} taken`);
  });
});
