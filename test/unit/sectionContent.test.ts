import assert from 'node:assert/strict';
import { findKind, lint, mapSections, parseDocument } from '../../src/core';
import type { ReportKind, SectionMap } from '../../src/core';
import { isNotApplicable } from '../../src/core/sections/sectionContent';

const spec = findKind('ml-task-spec') as ReportKind;
const report = findKind('ml-experiment-report') as ReportKind;

function map(body: string, kind = spec): SectionMap {
  return mapSections(parseDocument(`---\ntype: ${kind.id}\n---\n\n# T\n\n${body}`), kind);
}

/** How each subsection of `parent` is present: `heading`, `label@line:column`, `section`, or `-` when missing. */
function presence(sections: SectionMap, kind: ReportKind, parent: string): Record<string, string> {
  const children = kind.sections.find((section) => section.id === parent)?.children ?? [];
  const text = (id: string): string => {
    const found = sections.presence.get(id);
    if (!found) return '-';
    return found.by === 'label' ? `label:${found.label.line}` : found.by;
  };
  return Object.fromEntries(children.map((child) => [child.title, text(child.id)]));
}

describe('not-applicable statements', () => {
  for (const text of ['N/A', 'n/a', 'N/A: the model only serves one queue set.', 'N/A because it is text only', 'Not applicable', 'Not applicable — offline study', '*Not applicable.*', '**N/A**: out of scope', 'None', 'None.', 'None — inference only', 'None (no human subjects)', '—', '– not measured']) {
    it(`accepts ${JSON.stringify(text)}`, () => assert.equal(isNotApplicable(text), true));
  }
  for (const text of ['None of the runs diverged.', 'Nonetheless we', 'N/Abc', 'NA', 'Notable results', '—dash without space', 'We found none.']) {
    it(`rejects ${JSON.stringify(text)}`, () => assert.equal(isNotApplicable(text), false));
  }
});

describe('labeled subsections', () => {
  it('finds subsections as bold label lines, list item labels and table cells, with aliases and numbering', () => {
    const sections = map([
      '## Experimental Setup',
      '',
      '**Environment:** 2 × A100, CUDA 12.4',
      '__6.2 Data split__ 80/10/10',
      '',
      '- Random seeds (data order, init): 13, 42',
      '',
      '| Tool | Use |',
      '|------|-----|',
      '| Experiment tracking | W&B |',
      '',
    ].join('\n'));
    assert.deepEqual(presence(sections, spec, 'experimental-setup'), {
      Environment: 'label:9', 'Data Split': 'label:10', Reproducibility: 'label:12', Logging: 'label:16',
    });
    const environment = sections.presence.get('experimental-setup/environment');
    assert.ok(environment?.by === 'label');
    assert.equal(sections.occurrences[0]?.form, 'labels');
  });

  it('finds a label in a table header, and in the text of another subsection of the same section', () => {
    const sections = map('## Dataset\n\n### Data Description\n\n- **Splits**: 80/10/10 by user\n\n| Data quality | Exploratory analysis |\n|---|---|\n| 2% duplicates | long tail |\n', report);
    assert.deepEqual(presence(sections, report, 'dataset'), {
      'Data Description': 'heading', 'Data Splits': 'label:11', 'Data Quality': 'label:13', 'Exploratory Analysis': 'label:13',
    });
  });

  it('does not take a sentence, a citation or a label of another section for a subsection', () => {
    const sections = map('## Experimental Setup\n\n- The environment: we used two GPUs\n- Hu, E. et al. (2021). Logging: a study\n- **Environment variables** are set in `.env`\n\n## Problem Definition\n\n- **Logging**: none\n');
    assert.deepEqual(presence(sections, spec, 'experimental-setup'), { Environment: 'section', 'Data Split': 'section', Reproducibility: 'section', Logging: 'section' });
  });

  it('treats a section with prose, or with fewer than two subsections labeled, as covering its subsections', () => {
    const prose = map('## Experimental Setup\n\nWe trained on two A100s with seeds 1–3, logging to W&B.\n\n- **Environment**: 2 × A100\n- **Logging**: W&B\n');
    assert.equal(prose.occurrences[0]?.form, 'prose');
    assert.deepEqual(presence(prose, spec, 'experimental-setup'), { Environment: 'label:11', 'Data Split': 'section', Reproducibility: 'section', Logging: 'label:12' });
    const one = map('## Experimental Setup\n\n- **Environment**: 2 × A100\n- **Budget**: 40 GPU-hours\n');
    assert.equal(one.occurrences[0]?.form, 'prose');
  });

  it('reports nothing missing when a label names none of the subsections: it may be the missing one under its own name', () => {
    const text = '---\ntype: ml-experiment-report\n---\n\n# T\n\n## Deployment\n\n- Index: ScaNN, 0.6 GB in memory\n- Latency: p99 11 ms\n- Requirements: nightly embedding job\n';
    const result = lint(text);
    assert.equal(result.sections?.occurrences[0]?.form, 'prose');
    assert.deepEqual(result.findings.filter((finding) => String(finding.data?.['sectionId']).startsWith('deployment-considerations/')), []);
    const named = lint(text.replace('- Index:', '- Model size:'));
    assert.equal(named.sections?.occurrences[0]?.form, 'labels');
  });

  it('reports the subsections a labeled section lacks as one finding', () => {
    const text = '---\ntype: ml-task-spec\n---\n\n# T\n\n## Experimental Setup\n\nSetup:\n\n- **Environment**: 2 × A100\n- **Data split**: 80/10/10\n';
    const findings = lint(text).findings.filter((finding) => finding.message.startsWith('Missing subsection'));
    assert.deepEqual(findings.map((finding) => [finding.severity, finding.message, finding.fix?.title]), [
      ['info', 'Missing subsections "Reproducibility" and "Logging" in "Experimental Setup" (its other subsections are labeled in its text).', 'Insert "Reproducibility" into "Experimental Setup"'],
    ]);
  });
});

describe('sections marked not applicable', () => {
  it('marks the section and its subsections not applicable and covers the missing ones', () => {
    const sections = map('## Robustness\n\nN/A: one in-house queue set only.\n\n### Fairness Analysis\n\n## Deployment Considerations\n\n### Model Size\n\nNone.\n\n### Inference Speed\n\n12 ms\n', report);
    const flags = Object.fromEntries(sections.occurrences.map((occurrence) => [occurrence.spec.id, occurrence.notApplicable]));
    assert.deepEqual(flags, {
      robustness: true, 'robustness/fairness-analysis': true,
      'deployment-considerations': false, 'deployment-considerations/model-size': true, 'deployment-considerations/inference-speed': false,
    });
    assert.deepEqual(presence(sections, report, 'robustness'), { 'Cross-Dataset Evaluation': 'section', 'Adversarial Robustness': 'section', 'Fairness Analysis': 'heading' });
    assert.equal(presence(sections, report, 'deployment-considerations')['Production Requirements'], '-');
    assert.equal(sections.notApplicable.length, 2);
  });

  it('is not applicable only when the statement is all the section holds', () => {
    const sections = map('## Robustness\n\nN/A\n\nBut we checked two rooms.\n\n### Cross-Dataset Evaluation\n\nAMI: 19.5% DER.\n', report);
    assert.equal(sections.occurrences[0]?.notApplicable, false);
    assert.deepEqual(presence(sections, report, 'robustness'), { 'Cross-Dataset Evaluation': 'heading', 'Adversarial Robustness': '-', 'Fairness Analysis': '-' });
  });

  it('marks a labeled subsection whose value is a not-applicable statement', () => {
    const sections = map('## Experimental Setup\n\n- **Environment**: 1 × L4\n- **Data split**: none — we evaluate a frozen model on the public test set\n- **Seeds**: N/A\n- **Logging**: MLflow\n');
    assert.deepEqual(sections.labeled.map((label) => [label.spec.title, label.notApplicable]), [['Environment', false], ['Data Split', true], ['Reproducibility', true], ['Logging', false]]);
  });
});
