import assert from 'node:assert/strict';
import { hasNumbering, normalizeTitle, stripNumbering } from '../../src/core/templates/headingMatch';

describe('heading normaliser', () => {
  it('matches numbered, unnumbered and shouted headings to the same title', () => {
    for (const heading of ['5) RESULTS', 'Results', '5. Results', '5 Results', '  5.  Results  ', 'results', 'V. Results', 'e) Results']) {
      assert.equal(normalizeTitle(heading), 'results', heading);
    }
  });

  it('drops multi-level and letter numbering', () => {
    assert.equal(normalizeTitle('1.2 Success Criteria'), normalizeTitle('Success Criteria'));
    assert.equal(normalizeTitle('1.2. Success Criteria'), 'success criteria');
    assert.equal(normalizeTitle('A. Hyperparameter Search'), 'hyperparameter search');
    assert.equal(normalizeTitle('10 Next Steps'), 'next steps');
    assert.equal(normalizeTitle('10.3 Long-term (3+ months)'), normalizeTitle('Long-term (3+ months)'));
    assert.equal(normalizeTitle('1.Objective'), 'objective');
  });

  it('folds punctuation, symbols and whitespace', () => {
    assert.equal(normalizeTitle('Per-Class Performance'), normalizeTitle('Per Class   Performance'));
    assert.equal(normalizeTitle('Did We Meet Objectives?'), 'did we meet objectives');
    assert.equal(normalizeTitle('TL;DR'), 'tl dr');
    assert.equal(normalizeTitle('Hardware & software'), normalizeTitle('Hardware and Software'));
    assert.equal(normalizeTitle('✅ Results'), 'results');
    assert.equal(normalizeTitle('Ｒｅｓｕｌｔｓ'), 'results');
  });

  it('keeps words that only look like numbering', () => {
    assert.equal(normalizeTitle('A Study of Results'), 'a study of results');
    assert.equal(normalizeTitle('5G Networks'), '5g networks');
    assert.equal(normalizeTitle('I/O Format'), 'i o format');
    assert.equal(normalizeTitle('Vision Models'), 'vision models');
  });

  it('never strips a heading down to nothing', () => {
    assert.equal(stripNumbering('2024'), '2024');
    assert.equal(normalizeTitle('3.'), '3');
  });

  it('tells numbered headings apart', () => {
    assert.equal(stripNumbering('5.1 Quantitative Results'), 'Quantitative Results');
    assert.equal(stripNumbering('A. Hyperparameter Search'), 'Hyperparameter Search');
    assert.ok(hasNumbering('2) Dataset'));
    assert.ok(!hasNumbering('Dataset'));
    assert.ok(!hasNumbering('A Dataset'));
  });
});
