import assert from 'node:assert/strict';
import { findKind, mapSections, parseDocument } from '../../src/core';
import type { ReportKind, SectionMap } from '../../src/core';

function kind(id: string): ReportKind {
  const found = findKind(id);
  assert.ok(found);
  return found;
}

const report = kind('ml-experiment-report');
const taskSpec = kind('ml-task-spec');

function map(text: string, reportKind = report): SectionMap {
  return mapSections(parseDocument(text), reportKind);
}

/** `id@line` for each recognised heading, `<parent id>>` before subsections. */
function recognised(text: string, reportKind = report): string[] {
  return map(text, reportKind).occurrences.map((o) => `${o.parent ? `${o.parent.spec.id}>` : ''}${o.spec.id}@${o.heading.line}`);
}

describe('section map', () => {
  it('recognises numbered and aliased headings as the template\'s sections', () => {
    const text = '# Title\n\n## 5) RESULTS\n\n### 5.1 Main Results\n\nx\n\n## Discussion\n\n### Ablations\n\ny\n\n## 10 Next Steps ##\n\nz\n';
    assert.deepEqual(recognised(text), ['results@3', 'results>results/quantitative-results@5', 'analysis@9', 'analysis>analysis/ablation-study@11', 'next-steps@15']);
    assert.equal(map(text).title?.text, 'Title');
  });

  it('accepts level-1 headings as sections, with level-2 subsections', () => {
    const text = '# Executive Summary\n\ntext\n\n## Key Findings\n\n- one\n\n# Objective\n\n## Research Question\n\nWhy?\n';
    assert.deepEqual(recognised(text), [
      'executive-summary@1', 'executive-summary>executive-summary/key-findings@5', 'objective@9', 'objective>objective/research-question@11',
    ]);
    assert.equal(map(text).title, undefined);
  });

  it('accepts level-3 headings as sections under the title, with level-4 subsections', () => {
    const text = '# My Report\n\n### Objective\n\n#### Research Question\n\nWhy?\n\n### Dataset\n\n#### Data Splits\n\nall\n';
    assert.deepEqual(recognised(text), ['objective@3', 'objective>objective/research-question@5', 'dataset@9', 'dataset>dataset/data-splits@11']);
  });

  it('resolves an alias by where the heading sits: ## Summary is the executive summary, ### Summary under Conclusions is its subsection', () => {
    const text = '# T\n\n## Summary\n\nshort\n\n## Conclusions\n\n### Summary\n\nwe won\n';
    assert.deepEqual(recognised(text), ['executive-summary@3', 'conclusions@7', 'conclusions>conclusions/summary@9']);
  });

  it('resolves a child alias that is also a section alias to the child (task spec ### Models)', () => {
    const text = '# T\n\n## Models and Approach\n\n### Models\n\n| a |\n|---|\n| b |\n';
    assert.deepEqual(recognised(text, taskSpec), ['models-and-approach@3', 'models-and-approach>models-and-approach/model-overview@5']);
  });

  it('leaves a heading under a section that is not one of its subsections alone, even when it names another section', () => {
    const text = '# T\n\n## Objective\n\ngoal\n\n### Dataset\n\nnot a section here\n';
    assert.deepEqual(recognised(text), ['objective@3']);
  });

  it('does not take headings below a subsection as subsections', () => {
    const text = '# T\n\n## Model\n\n### Baseline Models\n\n#### Architecture\n\nof the baseline\n\n### Architecture\n\nours\n';
    assert.deepEqual(recognised(text), ['model@3', 'model>model/baseline-models@5', 'model>model/architecture@11']);
  });

  it('lets unknown headings sit between sections, ending the section before them', () => {
    const text = '# T\n\n## Objective\n\ngoal\n\n## Acknowledgements\n\nthanks\n\n### Data Splits\n\nnot ours\n\n## Dataset\n\ndata\n';
    const sections = map(text);
    assert.deepEqual(recognised(text), ['objective@3', 'dataset@15']);
    const objective = sections.byId.get('objective')?.[0];
    assert.equal(objective?.end, text.indexOf('## Acknowledgements'));
  });

  it('does not recognise a subsection under an unknown level-2 heading as a section', () => {
    const text = '# T\n\n## Implementation Notes\n\n### Summary\n\nnotes\n';
    assert.deepEqual(recognised(text), []);
  });

  it('ignores headings inside fenced code, block quotes and list items', () => {
    const text = '# T\n\n## Model\n\n```markdown\n## Dataset\n```\n\n> ## Results\n\n- ## Training\n\n~~~\n# Analysis\n~~~\n';
    assert.deepEqual(recognised(text), ['model@3']);
    assert.equal(map(text).byId.get('model')?.[0]?.end, text.length);
  });

  it('recognises setext headings', () => {
    const text = 'Report Title\n============\n\nDataset\n-------\n\nsome data\n\n### Data Splits\n\n70/30\n';
    const sections = map(text);
    assert.deepEqual(recognised(text), ['dataset@4', 'dataset>dataset/data-splits@9']);
    assert.equal(sections.title?.text, 'Report Title');
  });

  it('counts subsections and deeper headings as content, but not blank lines, rules and comments', () => {
    const text = '# T\n\n## Dataset\n\n### Data Splits\n\n<!-- todo -->\n\n---\n\n## Model\n\n#### Notes\n\nx\n\n## Training\n\ntext\n';
    const content = Object.fromEntries(map(text).occurrences.map((o) => [o.spec.id, o.hasContent]));
    assert.deepEqual(content, { 'dataset': true, 'dataset/data-splits': false, 'model': true, 'training': true });
  });

  it('keeps every occurrence of a repeated section, each with its own subsections', () => {
    const text = '# T\n\n## Dataset\n\n### Data Splits\n\na\n\n## Dataset\n\n### Data Splits\n\nb\n';
    const sections = map(text);
    const splits = sections.byId.get('dataset/data-splits') ?? [];
    assert.deepEqual(splits.map((o) => o.parent?.heading.line), [3, 9]);
  });

  it('finds positions with CRLF line endings', () => {
    const text = '# T\r\n\r\n## 2. Dataset\r\n\r\ntext\r\n\r\n### 2.2 Data Splits\r\n\r\nx\r\n';
    const sections = map(text);
    const dataset = sections.byId.get('dataset')?.[0];
    assert.equal(text.slice(dataset?.heading.textStart, dataset?.heading.textEnd), '2. Dataset');
    assert.deepEqual(recognised(text), ['dataset@3', 'dataset>dataset/data-splits@7']);
  });
});
