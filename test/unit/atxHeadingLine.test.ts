import assert from 'node:assert/strict';
import { atxHeadingLine } from '../../src/core/parse/lines';

const textOf = (line: string): string | undefined => {
  const heading = atxHeadingLine(line);
  return heading && line.slice(heading.textStart, heading.textEnd);
};

describe('template ATX heading lines', () => {
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
});
