import assert from 'node:assert/strict';
import fc from 'fast-check';
import type { RootContent } from 'mdast';
import { parseMarkdown } from '../../src/core/parse/markdown';
import type { CodeFence } from '../../src/core/parse/lines';
import {
  atxHeadingDepth, atxHeadingLine, breaksBefore, closesCodeFence, isAtxHeading, codeFenceOpening, endPoint, endWithout, forEachLine, lastLineStart, frontMatterBlock, isFrontMatterFence, isThematicBreak,
} from '../../src/core/parse/lines';
import { propertyRuns } from '../support/markdownArbitrary';

const BACKTICK = 96;
const TILDE = 126;

/** The fence a line opens, as the test writes it: its character and length. */
const opened = (line: string): string | undefined => {
  const fence = codeFenceOpening(line);
  return fence && String.fromCharCode(fence.char).repeat(fence.size);
};

const firstNode = (text: string): RootContent | undefined => parseMarkdown(text).children[0];

describe('line-level Markdown (lines.ts)', () => {
  describe('code fences, from the CommonMark spec (4.5)', () => {
    it('opens with three or more backticks or tildes (examples 119, 120, 121)', () => {
      assert.equal(opened('```'), '```');
      assert.equal(opened('~~~'), '~~~');
      assert.equal(opened('``'), undefined);
      assert.equal(opened('~~'), undefined);
    });

    it('closes only with the same character (examples 122, 123)', () => {
      assert.equal(closesCodeFence('~~~', { char: BACKTICK, size: 3 }), false);
      assert.equal(closesCodeFence('```', { char: TILDE, size: 3 }), false);
    });

    it('closes only with a fence at least as long as the opening one (examples 124, 125)', () => {
      const fence = codeFenceOpening('````') as CodeFence;
      assert.equal(closesCodeFence('```', fence), false);
      assert.equal(closesCodeFence('``````', fence), true);
      assert.equal(closesCodeFence('~~~', codeFenceOpening('~~~~') as CodeFence), false);
      assert.equal(closesCodeFence('~~~~', codeFenceOpening('~~~~') as CodeFence), true);
    });

    it('may be indented up to three spaces, not four (examples 131-134)', () => {
      assert.equal(opened(' ```'), '```');
      assert.equal(opened('  ```'), '```');
      assert.equal(opened('   ```'), '```');
      assert.equal(opened('    ```'), undefined);
      assert.equal(opened('\t```'), undefined);
    });

    it('closes with up to three spaces of indentation, not four (examples 135-137)', () => {
      const fence = codeFenceOpening('```') as CodeFence;
      assert.equal(closesCodeFence('  ```', fence), true);
      assert.equal(closesCodeFence('   ```', fence), true);
      assert.equal(closesCodeFence('    ```', fence), false);
    });

    it('rejects an info string with a backtick after backticks, not after tildes (examples 138, 145, 146)', () => {
      assert.equal(opened('``` ```'), undefined);
      assert.equal(opened('``` aa ```'), undefined);
      assert.equal(opened('~~~ aa ``` ~~~'), '~~~');
    });

    it('takes an info string after the fence (examples 142-144)', () => {
      assert.equal(opened('```ruby'), '```');
      assert.equal(opened('~~~~    ruby startline=3 $%@#$'), '~~~~');
      assert.equal(opened('````;'), '````');
    });

    it('closes only with blanks after the closing fence (examples 139, 147)', () => {
      assert.equal(closesCodeFence('~~~ ~~', codeFenceOpening('~~~~~~') as CodeFence), false);
      assert.equal(closesCodeFence('``` aaa', codeFenceOpening('```') as CodeFence), false);
      assert.equal(closesCodeFence('```  \t', codeFenceOpening('```') as CodeFence), true);
    });

    it('agrees with remark on which lines open a fence and which close it (property)', () => {
      const fenceish = fc.tuple(
        fc.constantFrom('', ' ', '  ', '   ', '    ', '\t'),
        fc.constantFrom('`', '~'),
        fc.integer({ min: 1, max: 5 }),
        fc.string({ unit: fc.constantFrom('`', '~', ' ', '\t', 'a'), maxLength: 4 }),
      ).map(([indent, char, size, info]) => `${indent}${char.repeat(size)}${info}`);
      fc.assert(
        fc.property(fenceish, fenceish, (open, close) => {
          const node = firstNode(`${open}\nx\n`);
          const remarkOpens = node?.type === 'code' && !/^(?: {4}|\t| {0,3}\t)/.test(open);
          assert.equal(codeFenceOpening(open) !== undefined, remarkOpens, open);
          const fence = codeFenceOpening(open);
          if (!fence) return;
          const code = firstNode(`${open}\nx\n${close}\ny\n`);
          assert.equal(code?.type, 'code');
          const remarkCloses = code?.type === 'code' && code.value === 'x';
          assert.equal(closesCodeFence(close, fence), remarkCloses, `${open} / ${close}`);
        }),
        { numRuns: propertyRuns(300) },
      );
    });
  });

  describe('ATX headings, from the CommonMark spec (4.2)', () => {
    const textOf = (line: string): string | undefined => {
      const heading = atxHeadingLine(line);
      return heading && line.slice(heading.textStart, heading.textEnd);
    };

    it('has one to six marks (examples 62, 63)', () => {
      for (let depth = 1; depth <= 6; depth++) assert.equal(atxHeadingDepth(`${'#'.repeat(depth)} foo`), depth);
      assert.equal(atxHeadingDepth('####### foo'), 0);
    });

    it('needs a blank or the end after the marks, and no escape before them (examples 64, 65, 79)', () => {
      assert.equal(atxHeadingDepth('#5 bolt'), 0);
      assert.equal(atxHeadingDepth('#hashtag'), 0);
      assert.equal(atxHeadingDepth('\\## foo'), 0);
      assert.equal(atxHeadingDepth('#\tfoo'), 1);
      assert.equal(textOf('#'), '');
      assert.equal(textOf('## '), '');
      assert.equal(textOf('### ###'), '');
    });

    it('trims the blanks around the text (examples 66, 67)', () => {
      assert.equal(textOf('# foo *bar* \\*baz\\*'), 'foo *bar* \\*baz\\*');
      assert.equal(textOf('#                  foo                     '), 'foo');
    });

    it('drops a closing sequence of any length, only after a blank (examples 71-76)', () => {
      assert.equal(textOf('## foo ##'), 'foo');
      assert.equal(textOf('# foo ##################################'), 'foo');
      assert.equal(textOf('##### foo ##'), 'foo');
      assert.equal(textOf('### foo ###     '), 'foo');
      assert.equal(textOf('### foo ### b'), 'foo ### b');
      assert.equal(textOf('# foo#'), 'foo#');
      assert.equal(textOf('### foo \\###'), 'foo \\###');
      assert.equal(textOf('## foo #\\##'), 'foo #\\##');
      assert.equal(textOf('# foo \\#'), 'foo \\#');
    });

    it('leaves indented headings to remark: only a heading at the line start counts (examples 68, 69)', () => {
      assert.equal(atxHeadingDepth(' ### foo'), 0);
      assert.equal(atxHeadingDepth('   # foo'), 0);
      assert.equal(atxHeadingDepth('    # foo'), 0);
    });

    it('reads depth and text without marks, closing sequence and blanks', () => {
      assert.deepEqual(atxHeadingLine('## 5. Results'), { depth: 2, textStart: 3, textEnd: 13 });
      assert.equal(textOf('###\tData Splits \t'), 'Data Splits');
      assert.equal(textOf('## Results ##  '), 'Results');
      assert.equal(textOf('# C#'), 'C#');
      assert.equal(textOf('## ###'), '');
      assert.equal(textOf('#'), '');
    });

    it('is not a heading without a blank after the marks, or with more than six marks', () => {
      assert.equal(atxHeadingLine('#hashtag'), undefined);
      assert.equal(atxHeadingLine('####### seven'), undefined);
      assert.equal(atxHeadingLine('text'), undefined);
    });

    it('keeps the blanks inside the text', () => {
      assert.equal(textOf(`### Notes${' '.repeat(1000)}end`), `Notes${' '.repeat(1000)}end`);
    });

    it('tells indented headings apart when asked to (isAtxHeading)', () => {
      assert.equal(isAtxHeading('   # foo'), true);
      assert.equal(isAtxHeading(' ### foo'), true);
      assert.equal(isAtxHeading('    # foo'), false);
      assert.equal(isAtxHeading('  #5 bolt'), false);
    });

    it('agrees with remark on unindented lines (property)', () => {
      const line = fc.string({ unit: fc.constantFrom('#', ' ', '\t', 'a', '\\'), minLength: 1, maxLength: 10 }).filter((text) => text.startsWith('#'));
      fc.assert(
        fc.property(line, (text) => {
          const node = firstNode(`${text}\n`);
          assert.equal(atxHeadingDepth(text), node?.type === 'heading' ? node.depth : 0, text);
        }),
        { numRuns: propertyRuns(300) },
      );
    });
  });

  describe('thematic breaks, from the CommonMark spec (4.1)', () => {
    it('recognises the spec examples 43-56', () => {
      for (const line of ['***', '---', '___', ' ***', '  ***', '   ***', '_____________________________________', ' - - -', ' **  * ** * ** * **', '-     -      -      -', '- - - -    ']) {
        assert.equal(isThematicBreak(line), true, line);
      }
      for (const line of ['+++', '===', '--', '**', '__', '    ***', '_ _ _ _ a', 'a------', '---a---', ' *-*']) {
        assert.equal(isThematicBreak(line), false, line);
      }
    });
  });

  describe('front matter fences (remark-frontmatter)', () => {
    it('is a line of three dashes and blanks', () => {
      assert.equal(isFrontMatterFence('---'), true);
      assert.equal(isFrontMatterFence('--- \t'), true);
      assert.equal(isFrontMatterFence('----'), false);
      assert.equal(isFrontMatterFence(' ---'), false);
      assert.equal(isFrontMatterFence('--- a'), false);
    });

    it('finds the block from the first line to the next fence line, with any line break', () => {
      assert.deepEqual(frontMatterBlock('---\na: 1\n---\n# T\n'), { contentStart: 4, closeStart: 9, end: 12, next: 13 });
      assert.deepEqual(frontMatterBlock('---\r\na: 1\r\n---'), { contentStart: 5, closeStart: 11, end: 14, next: 14 });
      assert.deepEqual(frontMatterBlock('---\ra\r--- \rb'), { contentStart: 4, closeStart: 6, end: 10, next: 11 });
      assert.deepEqual(frontMatterBlock('---\n---\n'), { contentStart: 4, closeStart: 4, end: 7, next: 8 });
    });

    it('has none that is never closed, not on the first line, or without a line break after the opening fence', () => {
      assert.equal(frontMatterBlock('---\na: 1\n# T\n'), undefined);
      assert.equal(frontMatterBlock('---'), undefined);
      assert.equal(frontMatterBlock('# T\n---\na: 1\n---\n'), undefined);
      assert.equal(frontMatterBlock(' ---\na: 1\n---\n'), undefined);
      assert.equal(frontMatterBlock('----\na: 1\n----\n'), undefined);
    });

    it('agrees with remark on where the block ends (property)', () => {
      const line = fc.constantFrom('---', '--- ', '----', ' ---', 'a: 1', '', '# h', '---a');
      const text = fc.tuple(fc.array(line, { maxLength: 5 }), fc.constantFrom('\n', '\r\n', '\r')).map(([lines, eol]) => lines.join(eol));
      fc.assert(
        fc.property(text, (source) => {
          const node = firstNode(source);
          const remarkEnd = node?.type === 'yaml' ? node.position?.end.offset : undefined;
          assert.equal(frontMatterBlock(source)?.end, remarkEnd, JSON.stringify(source));
        }),
        { numRuns: propertyRuns(300) },
      );
    });

    it('an opening fence never closed changes how remark reads the whole text (why the chunk splitter keeps it whole)', () => {
      assert.equal(parseMarkdown('***\n\n[^1]: x\n').children[1]?.type, 'footnoteDefinition');
      assert.equal(parseMarkdown('---\n\n[^1]: x\n').children[1]?.type, 'definition');
    });
  });

  describe('lines and end points', () => {
    it('visits every line, with its end and the next line start, at CR, LF and CRLF', () => {
      const seen: number[][] = [];
      forEachLine('a\r\nbb\rc\n', (start, end, next) => {
        seen.push([start, end, next]);
      });
      assert.deepEqual(seen, [[0, 1, 3], [3, 5, 6], [6, 7, 8], [8, 8, 8]]);
    });

    it('ends a tree where remark ends it', () => {
      for (const text of ['', 'a', 'a\n', 'a\r\nb', 'a\rb\r', '# T\n\ntext']) {
        assert.deepEqual(endPoint(text), parseMarkdown(text).position?.end, JSON.stringify(text));
      }
    });
  });
  describe('scans from the end and line counts', () => {
    const texts = fc.string({ unit: fc.constantFrom('a', ' ', '\t', '\n', '\r', '\r\n', '`', '|'), maxLength: 40 });

    it('endWithout drops the trailing run of the given characters, as a regex does', () => {
      fc.assert(
        fc.property(texts, fc.nat(45), (text, cut) => {
          const end = Math.min(cut, text.length);
          assert.equal(endWithout(text, ' \t\n', end), text.slice(0, end).replace(/[ \t\n]+$/, '').length);
          assert.equal(endWithout(text, '\r\n', end), text.slice(0, end).replace(/[\r\n]+$/, '').length);
        }),
        { numRuns: propertyRuns(500) },
      );
    });

    it('breaksBefore counts \\r\\n, \\r and \\n as one break each; lastLineStart finds the last line', () => {
      fc.assert(
        fc.property(texts, fc.nat(45), (text, cut) => {
          const end = Math.min(cut, text.length);
          assert.equal(breaksBefore(text, end), text.slice(0, end).match(/\r\n|\r|\n/g)?.length ?? 0, JSON.stringify(text));
          assert.equal(lastLineStart(text), Math.max(text.lastIndexOf('\n'), text.lastIndexOf('\r')) + 1);
        }),
        { numRuns: propertyRuns(500) },
      );
    });
  });
});
