import assert from 'node:assert/strict';
import { buildOutline, lint } from '../../src/core';
import type { Outline, OutlineNode } from '../../src/core';

function node(outline: Outline | undefined, id: string): OutlineNode {
  const found = outline?.nodes.flatMap((n) => [n, ...n.children]).find((n) => n.id === id);
  assert.ok(found, id);
  return found;
}

const SPEC = [
  '---',
  'type: ml-task-spec',
  '---',
  '',
  '# Whisper fine-tuning',
  '',
  '## Experimental Setup',
  '',
  '- **Environment**: 2 × A100 80 GB, CUDA 12.4',
  '- **Data split**: 70 / 15 / 15 by caller',
  '- **Random seeds**: {{SEEDS}}',
  '- **Logging**: W&B project `ch-asr`',
  '',
  '## Results and Analysis',
  '',
  'N/A: this spec is written before training.',
  '',
].join('\n');

describe('outline of labeled subsections and not-applicable sections', () => {
  const result = lint(SPEC);
  const outline = buildOutline(result);

  it('shows a labeled subsection as present, going to its label', () => {
    const environment = node(outline, 'experimental-setup/environment');
    assert.equal(environment.status, 'complete');
    assert.equal(environment.presentBy, 'label');
    assert.equal(environment.heading?.line, 9);
    assert.deepEqual(environment.heading?.columns, [5, 16]);
    assert.equal(SPEC.slice(environment.heading?.start, environment.heading?.end), 'Environment');
  });

  it('counts the findings inside a labeled subsection\'s block for its status', () => {
    const seeds = node(outline, 'experimental-setup/reproducibility');
    assert.equal(seeds.status, 'placeholders');
    assert.equal(seeds.placeholders, 1);
    assert.equal(node(outline, 'experimental-setup/logging').status, 'complete');
  });

  it('shows a section marked not applicable, and its subsections, as n/a, which completeness counts as done', () => {
    assert.equal(node(outline, 'results-and-analysis').status, 'n/a');
    const metrics = node(outline, 'results-and-analysis/metrics');
    assert.equal(metrics.status, 'n/a');
    assert.equal(metrics.presentBy, 'section');
    assert.equal(metrics.heading?.line, 14);
    // Every other section of the kind marked not applicable, in template order: the report is complete.
    const na = (titles: string[]): string => titles.map((title) => `## ${title}\n\nNone.\n\n`).join('');
    const [head = '', setup = ''] = SPEC.replace('{{SEEDS}}', '13, 42, 1234').split('## Experimental Setup');
    const frontMatter = '---\ntitle: T\nauthors: [A]\ndate: 2025-01-01\nversion: "1"\nproject: P\n';
    const text = `${head.replace('---\n', frontMatter)}${na(['Abstract', 'Background and Motivation', 'Problem Definition', 'Models and Approach'])}## Experimental Setup${setup}\n${na(['Conclusion and Future Work', 'Appendix and References'])}`;
    const done = lint(text);
    assert.deepEqual(done.findings, []);
    const filled = buildOutline(done);
    assert.equal(filled?.completeness, 100);
    assert.equal(node(filled, 'experimental-setup/reproducibility').status, 'complete');
  });

  it('shows subsections covered by their section\'s prose with the section\'s status, going to its heading', () => {
    const prose = buildOutline(lint('---\ntype: ml-task-spec\n---\n\n# T\n\n## Models and Approach\n\n| Model | Method |\n|---|---|\n| Phi-3 | LoRA |\n\nLoRA because the GPU budget is one A10.\n'));
    const details = node(prose, 'models-and-approach/model-details');
    assert.deepEqual([details.status, details.presentBy, details.heading?.line], ['complete', 'section', 7]);
  });
});
