import assert from 'node:assert/strict';
import { lint } from '../../src/core';
import type { Finding } from '../../src/core';
import { parseChunk } from '../../src/core/parse/chunkParse';
import { labelLines } from '../../src/core/placeholders/labelLines';
import { fillerKey } from '../../src/core/placeholders/normalize';
import { findSlots } from '../../src/core/placeholders/slots';
import { unfilledPlaceholder } from '../../src/core/rules/unfilledPlaceholder';
import { findKind } from '../../src/core/templates/registry';
import type { ReportKind } from '../../src/core/templates/types';

const experimentReport = findKind('ml-experiment-report') as ReportKind;

const EXPERIMENT = '---\ntype: ml-experiment-report\n---\n\n';
const TASK_SPEC = '---\ntype: ml-task-spec\n---\n\n';

interface Found {
  text: string;
  message: string;
}

/** The placeholder findings of a document: the text each covers and its message. */
function placeholders(text: string): Found[] {
  return lint(text, { ruleSet: [unfilledPlaceholder] }).findings.map((finding: Finding) => ({
    text: text.slice(finding.range.start.offset, finding.range.end.offset),
    message: finding.message,
  }));
}

function coveredTexts(text: string): string[] {
  return placeholders(text).map((found) => found.text);
}

describe('unfilled-placeholder', () => {
  describe('{{NAME}} slots', () => {
    it('finds slots in the body, headings, tables, links and front matter values', () => {
      const text = '---\ntitle: {{TITLE}}\nauthors: ["{{ AUTHORS }}"]\ntype: ml-experiment-report\n---\n\n# {{TITLE}}\n\n'
        + '| Model | Score |\n|---|---|\n| {{MODEL}} | 0.9 |\n\nSee [the run]({{RUN_URL}}) and {{ model.name }}.\n';
      assert.deepEqual(coveredTexts(text), ['{{TITLE}}', '{{ AUTHORS }}', '{{TITLE}}', '{{MODEL}}', '{{RUN_URL}}', '{{ model.name }}']);
      assert.equal(placeholders(text)[0]?.message, 'Unfilled placeholder "{{TITLE}}".');
    });

    it('leaves code alone: fenced, indented and inline code hold real templates (Jinja, Helm)', () => {
      const text = `${EXPERIMENT}Render \`{{ prompt }}\` first.\n\n\`\`\`jinja\n{{ system }}\n\`\`\`\n\n~~~\n{{ x }}\n~~~\n\n    helm --set tag={{ tag }}\n\nBut {{LEFT}} counts.\n`;
      assert.deepEqual(coveredTexts(text), ['{{LEFT}}']);
    });

    it('leaves comments alone: HTML comments and whole-line YAML comments in the front matter', () => {
      const text = '---\ntype: ml-experiment-report\n# reviewer: {{REVIEWER}}\nowner: {{OWNER}} # {{NOTE}}\n---\n\n<!-- {{HIDDEN}} -->\n\nText <!-- {{INLINE}} --> and {{SHOWN}}.\n';
      assert.deepEqual(coveredTexts(text), ['{{OWNER}}', '{{NOTE}}', '{{SHOWN}}']);
    });

    it('needs a name: braces, empty or spaced names and escaped braces are not slots', () => {
      const text = `${EXPERIMENT}{{}} {{ }} {{a b}} \\{\\{NAME\\}\\} {{{{ {x} {{1x}} {{ok}}\n`;
      assert.deepEqual(coveredTexts(text), ['{{ok}}']);
    });

    it('scans linearly: 100,000 "{{" and a 1 MB unterminated name', () => {
      let started = performance.now();
      assert.deepEqual(findSlots('{{'.repeat(100_000), []), []);
      assert.deepEqual(findSlots(`{{${'A'.repeat(1_000_000)}`, []), []);
      assert.deepEqual(findSlots('{{        '.repeat(100_000), []), []);
      assert.ok(performance.now() - started < 2000, `took ${performance.now() - started} ms`);
      started = performance.now();
      assert.equal(findSlots('{{A}} '.repeat(50_000), []).length, 50_000);
      assert.ok(performance.now() - started < 2000);
    });

    it('skips exactly the given spans', () => {
      const text = '{{A}} `{{B}}` {{C}}';
      assert.deepEqual(findSlots(text, [{ start: 6, end: 13 }]), [{ start: 0, end: 5 }, { start: 14, end: 19 }]);
    });
  });

  describe('filler text of the kind\'s template', () => {
    it('reports list items, paragraphs and table cells that still hold the template text, ranged on that text', () => {
      const text = `${EXPERIMENT}## Executive Summary\n\n- Finding 1\n- *Finding 2*\n- A real finding\n\nWhat specific\nquestion are we   trying to answer?\n\n`
        + '| Split | Size | Percentage |\n|---|---|---|\n| Train | X examples | 80% |\n| Test | 1,000 | Y% |\n';
      assert.deepEqual(placeholders(text), [
        { text: 'Finding 1', message: 'Template filler "Finding 1" was never replaced.' },
        { text: '*Finding 2*', message: 'Template filler "Finding 2" was never replaced.' },
        { text: 'What specific\nquestion are we   trying to answer?', message: 'Template filler "What specific question are we trying to answer?" was never replaced.' },
        { text: 'X examples', message: 'Template filler "X examples" was never replaced.' },
        { text: 'Y%', message: 'Template filler "Y%" was never replaced.' },
      ]);
    });

    it('takes a filler list item with more content under it as that content\'s label', () => {
      const text = `${EXPERIMENT}- Data availability\n  - Only 2,000 labelled examples\n- Computational budget\n\n  One A100 for a week.\n- Time constraints\n`;
      assert.deepEqual(coveredTexts(text), ['Time constraints']);
    });

    it('reports a filler label and a filler value separately, but not real labels', () => {
      const text = `${EXPERIMENT}- **Metric 1**: Target value\n- **Metric 2:** F1 ≥ 0.8\n- **Accuracy**: Target value\n- **Missing Values**: None after deduplication\n- **Baseline 1**: Majority class\n`;
      assert.deepEqual(coveredTexts(text), ['Metric 1', 'Target value', 'Metric 2', 'Target value']);
    });

    it('asks to choose from a choice list left as offered, and accepts a chosen value', () => {
      const text = `${EXPERIMENT}**Date**: 2025-01-02\n**Status**: Draft / Final / In Review\n\n> **Status**: Final\n`;
      assert.deepEqual(placeholders(text), [{ text: 'Draft / Final / In Review', message: 'Choose one of "Draft / Final / In Review".' }]);
    });

    it('reports a row that still holds the template\'s example numbers, from its first to its last cell', () => {
      const text = `${EXPERIMENT}| Model | Accuracy | Precision | Recall | F1 | AUC |\n|---|---|---|---|---|---|\n`
        + '| Baseline 1 | 0.65 | 0.64 | 0.66 | 0.65 | 0.70 |\n| Baseline 1 | 0.51 | 0.50 | 0.52 | 0.51 | 0.55 |\n| **Ours** | **0.89** | **0.88** | **0.90** | **0.89** | **0.93** |\n';
      assert.deepEqual(placeholders(text), [
        { text: 'Baseline 1 | 0.65 | 0.64 | 0.66 | 0.65 | 0.70', message: 'Example row from the template ("Baseline 1 | 0.65 | …") still holds the template\'s numbers.' },
        { text: '**Ours** | **0.89** | **0.88** | **0.90** | **0.89** | **0.93**', message: 'Example row from the template ("Ours | 0.89 | …") still holds the template\'s numbers.' },
      ]);
    });

    it('reports plausible example rows (hyperparameters) only while the whole table is the template\'s', () => {
      const rows = ['| Learning Rate | 1e-4 | Tuned via grid search |', '| Batch Size | 32 | GPU memory constraint |', '| Epochs | 100 | Based on validation |',
        '| Optimizer | AdamW | Standard for transformers |', '| Weight Decay | 0.01 | Regularization |', '| LR Schedule | Cosine | Smooth convergence |'];
      const table = (body: string[]): string => `${EXPERIMENT}| Hyperparameter | Value | Rationale |\n|---|---|---|\n${body.join('\n')}\n`;
      assert.equal(placeholders(table(rows)).length, 6);
      const changed = [...rows];
      changed[2] = '| Epochs | 3 | Early stopping on validation F1 |';
      assert.deepEqual(placeholders(table(changed)), []);
    });

    it('accepts the template\'s choices once chosen in a filled row', () => {
      const text = `${EXPERIMENT}| Objective | Status | Notes |\n|---|---|---|\n| F1 ≥ 0.85 | ✅ Met | Achieved target |\n| Objective 2 | ❌ Not Met | 0.71 |\n| Objective 3 | ❌ Not Met | Needs more work |\n`;
      assert.deepEqual(coveredTexts(text), ['Objective 2', 'Objective 3 | ❌ Not Met | Needs more work']);
    });

    it('reports the template\'s example code, ranged on the code between the fences', () => {
      const text = `${EXPERIMENT}Describe the model architecture:\n\n\`\`\`text\nInput → Layer 1 → Layer 2 → ... → Output\n\`\`\`\n\n\`\`\`\nInput → Conv 3×3 → Pool → Output\n\`\`\`\n`;
      assert.deepEqual(placeholders(text), [{
        text: 'Input → Layer 1 → Layer 2 → ... → Output',
        message: 'Example code from the template ("Input → Layer 1 → Layer 2 → ... → Output") was never replaced.',
      }]);
    });

    it('reports a literal [link] but not a real link, a reference link or other brackets', () => {
      const text = `${EXPERIMENT}Links to code repositories:\n- Training code: [link]\n- Evaluation: [link](https://example.com/eval)\n- Data: [link][data]\n- Uses the [CLS] token, as in [12] and [Devlin et al.]\n\n[data]: https://example.com/data\n`;
      assert.deepEqual(placeholders(text), [{ text: '[link]', message: 'Template placeholder "[link]" was never replaced.' }]);
    });

    it('never reports headings, table header rows, label cells or lead-in sentences', () => {
      const text = `${EXPERIMENT}## Finding 1\n\n| X examples | Y% |\n|---|---|\n| **Name** | SST-2 |\n\nKey insights from data exploration:\n\nHow will we measure success?\n\nLinks to code repositories:\n`;
      assert.deepEqual(placeholders(text), []);
    });

    it('uses only the filler of the document\'s kind', () => {
      const shared = '- Finding 1\n- **Observation 1**: What happened and how we explain it\n\n| Model | Method | Dataset | Epochs | Learning Rate |\n|---|---|---|---|---|\n| Model A | LoRA | Dataset X | 5 | 3e-5 |\n';
      assert.deepEqual(coveredTexts(EXPERIMENT + shared), ['Finding 1']);
      assert.deepEqual(coveredTexts(TASK_SPEC + shared), ['Observation 1', 'What happened and how we explain it', 'Model A | LoRA | Dataset X | 5 | 3e-5']);
    });

    it('keeps positions exact with a BOM, CRLF, tabs and astral characters', () => {
      const text = '\uFEFF---\r\ntype: ml-experiment-report\r\n---\r\n\r\n- 😀 done\r\n-\tFinding 1\r\n\r\n| Split 😀 | Size | Percentage |\r\n|---|---|---|\r\n| Train 😀 | X examples | 10% |\r\n';
      const findings = lint(text, { ruleSet: [unfilledPlaceholder] }).findings;
      const body = text.slice(1);
      assert.deepEqual(findings.map((f) => body.slice(f.range.start.offset, f.range.end.offset)), ['Finding 1', 'X examples']);
      assert.deepEqual(findings.map((f) => [f.range.start.line, f.range.start.column, f.range.end.column]), [[6, 3, 12], [10, 14, 24]]);
    });
  });

  describe('label lines', () => {
    const lines = (source: string): [string, string | undefined][] =>
      labelLines(source, 0, source.length).map((line) => [
        source.slice(line.label.start, line.label.end),
        line.value && source.slice(line.value.start, line.value.end),
      ]);

    it('reads bold labels with the colon outside or inside, values trimmed, one per line', () => {
      assert.deepEqual(lines('**A**: one\n**B:** two  \n__C__ : three\\\n  > **D**\nplain **E**: no'), [
        ['A', 'one'], ['B', 'two'], ['C', 'three'], ['D', undefined],
      ]);
    });

    it('ignores unclosed or empty bold markers and stays linear on many of them', () => {
      assert.deepEqual(lines('**A: one\n****: x\n** **: y'), []);
      const started = performance.now();
      const many = '**x\n'.repeat(200_000);
      assert.deepEqual(labelLines(many, 0, many.length), []);
      assert.ok(performance.now() - started < 2000);
    });
  });

  it('compares filler with emphasis, whitespace and case folded', () => {
    assert.equal(fillerKey('  **What  specific**\nquestion _are_ we trying to answer? '), fillerKey('What specific question are we trying to answer?'));
    assert.equal(fillerKey('FINDING 1'), fillerKey('Finding 1'));
    assert.notEqual(fillerKey('Finding 12'), fillerKey('Finding 1'));
  });

  it('checks a big chunk in bounded time (the rule alone, after the parse)', function () {
    this.timeout(60_000);
    const body = '| Split | Size | Percentage |\n|---|---|---|\n' + '| Train | X examples | Y% |\n'.repeat(500) + '\n'
      + '**Metric 1**: Target value\n'.repeat(500) + '\n' + '{{'.repeat(100_000) + '\n' + '[link] '.repeat(500);
    const chunk = parseChunk(EXPERIMENT + body);
    const started = performance.now();
    const findings = unfilledPlaceholder.check({ chunk, kind: experimentReport, isFirst: true });
    assert.equal(findings.length, 500 * 2 + 500 * 2 + 500);
    assert.ok(performance.now() - started < 2000, `took ${performance.now() - started} ms`);
  });
});
