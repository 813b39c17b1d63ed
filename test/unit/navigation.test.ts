import assert from 'node:assert/strict';
import { lint } from '../../src/core';
import { nextPlaceholder, placeholderRanges } from '../../src/core/features/navigation';

const text = [
  '---',
  'title: {{TITLE}}',
  'type: ml-experiment-report',
  '---',
  '',
  '## Executive Summary',
  '',
  '- Finding 1',
  '- A real finding',
  '',
  '| Split | Size | Percentage |',
  '|-------|------|------------|',
  '| Train | X examples | 80% |',
  '',
].join('\n');

const result = lint(text);
const covered = (range: { start: { offset: number }; end: { offset: number } } | undefined): string | undefined =>
  range && text.slice(range.start.offset, range.end.offset);

describe('placeholder navigation', () => {
  it('lists the placeholders in document order, with their text ranges', () => {
    assert.deepEqual(placeholderRanges(result).map(covered), ['{{TITLE}}', 'Finding 1', 'X examples']);
  });

  it('moves forward from the cursor to the next placeholder start and wraps at the end', () => {
    assert.equal(covered(nextPlaceholder(result, 0, 1)), '{{TITLE}}');
    const title = text.indexOf('{{TITLE}}');
    assert.equal(covered(nextPlaceholder(result, title, 1)), 'Finding 1', 'a cursor at a placeholder start moves on');
    assert.equal(covered(nextPlaceholder(result, text.indexOf('A real'), 1)), 'X examples');
    assert.equal(covered(nextPlaceholder(result, text.indexOf('X examples'), 1)), '{{TITLE}}');
    assert.equal(covered(nextPlaceholder(result, text.length, 1)), '{{TITLE}}');
  });

  it('moves backward to the previous placeholder start and wraps at the beginning', () => {
    assert.equal(covered(nextPlaceholder(result, text.length, -1)), 'X examples');
    assert.equal(covered(nextPlaceholder(result, text.indexOf('X examples'), -1)), 'Finding 1');
    assert.equal(covered(nextPlaceholder(result, text.indexOf('Finding 1') + 3, -1)), 'Finding 1', 'inside a placeholder selects it');
    assert.equal(covered(nextPlaceholder(result, text.indexOf('{{TITLE}}'), -1)), 'X examples');
    assert.equal(covered(nextPlaceholder(result, 0, -1)), 'X examples');
  });

  it('finds nothing in a report without placeholders or in a document that is not a report', () => {
    const filled = lint(text.replace('{{TITLE}}', 'Real').replace('Finding 1', 'F1 rose').replace('X examples', '8,000'));
    assert.deepEqual(placeholderRanges(filled), []);
    assert.equal(nextPlaceholder(filled, 0, 1), undefined);
    assert.equal(nextPlaceholder(filled, 0, -1), undefined);
    assert.equal(nextPlaceholder(lint('# Notes\n\n{{TITLE}}\n'), 0, 1), undefined);
  });
});
