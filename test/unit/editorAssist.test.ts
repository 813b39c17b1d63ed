import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { BUILTIN_KINDS, buildOutline, findKind, headingSuggestions, hoverAt, lint, placeholdersInSection, snippetSuggestions, statusText } from '../../src/core';
import type { LintResult } from '../../src/core';
import { findSpec } from '../../src/core/sections/sectionMap';

const fixture = (name: string): string => readFileSync(join(__dirname, '..', 'fixtures', 'rules', 'missing-section', name), 'utf8');
const several = fixture('missing-several.md');
const experiment = findKind('ml-experiment-report');
assert.ok(experiment);
const template = experiment.template;

/** The line number (1-based) of the first line equal to `text`. */
function lineOf(text: string, line: string): number {
  const index = text.split('\n').indexOf(line);
  assert.ok(index >= 0, line);
  return index + 1;
}

function hover(result: LintResult, text: string, at: string): string {
  const offset = text.indexOf(at);
  assert.ok(offset >= 0, at);
  const content = hoverAt(result, offset + 1);
  assert.ok(content, `no hover at ${at}`);
  return content.markdown;
}

describe('editor assistance: hovers', () => {
  const result = lint(template);

  it('says what belongs in a slot, from the kind\'s guidance, with an example', () => {
    const text = hover(result, template, '{{AUTHORS}}');
    assert.match(text, /^\*\*Unfilled placeholder\*\*/);
    assert.match(text, /Who ran the work/);
    assert.match(text, /Example: `\[Ana Pereira, Tom Okafor\]`/);
  });

  it('names the section and the label a filler sits under, what the section asks for and how many placeholders it holds', () => {
    const text = hover(result, template, 'Target value');
    assert.match(text, /in \*1\.2 Success Criteria\* \(1\. Objective\)/);
    assert.match(text, /Under the label \*Metric 1\*/);
    assert.match(text, /value that counts as success/);
    assert.match(text, /The template asks: \*How will we measure success\?\*/);
    assert.match(text, /\d+ placeholders in this section/);
  });

  it('names a table cell\'s column and lists a choice\'s options', () => {
    assert.match(hover(result, template, 'X examples'), /Under the label \*Size column\*/);
    assert.match(hover(result, template, 'Draft / Final / In Review'), /Keep one of: \*\*Draft\*\*, \*\*Final\*\*, \*\*In Review\*\*/);
  });

  it('on a section heading: what the template asks for, the subsections with their status, the placeholder count', () => {
    const text = hover(lint(several), several, '## 3. Model');
    assert.match(text, /^\*\*3\. Model\*\*: a section of the ML Experiment Report/);
    assert.match(text, /The template asks for: The model and the baselines/);
    assert.match(text, /- ✓ Architecture: complete\n- ✗ Model Specifications: missing\n- ✓ Baseline Models: complete/);
    assert.match(text, /0 unfilled placeholders, 1 other problem in this section/);
  });

  it('nothing on plain prose', () => {
    assert.equal(hoverAt(lint(several), several.indexOf('Gradient-boosted decision trees') + 3), undefined);
  });

  it('has guidance only for slots and sections the kinds have', () => {
    for (const kind of BUILTIN_KINDS) {
      for (const id of Object.keys(kind.guidance?.sections ?? {})) assert.ok(findSpec(kind, id), `${kind.id}: ${id}`);
      for (const slot of Object.keys(kind.guidance?.slots ?? {})) assert.ok(kind.template.includes(`{{${slot}}}`), `${kind.id}: ${slot}`);
      for (const spec of kind.sections) assert.ok(kind.guidance?.sections?.[spec.id], `${kind.id}: no guidance for ${spec.id}`);
    }
  });
});

describe('editor assistance: placeholders in a section', () => {
  it('lists the placeholders of the innermost section holding an offset', () => {
    const result = lint(template);
    const found = placeholdersInSection(result, template.indexOf('Finding 2'));
    assert.ok(found);
    assert.equal(found.section.spec.id, 'executive-summary/key-findings');
    assert.deepEqual(found.ranges.map((range) => template.slice(range.start.offset, range.end.offset)), ['Finding 1', 'Finding 2', 'Finding 3']);
  });
});

describe('editor assistance: completion', () => {
  it('orders the mlr- snippets by what the report needs: missing sections first, in template order', () => {
    const suggestions = snippetSuggestions(lint(several), BUILTIN_KINDS);
    assert.deepEqual(suggestions.slice(0, 3).map((each) => each.snippet.prefix), ['mlr-exp-dataset', 'mlr-exp-robustness', 'mlr-exp-references']);
    assert.ok(suggestions.slice(0, 3).every((each) => each.need === 'missing'));
    const needs = suggestions.map((each) => each.need);
    assert.ok(needs.indexOf('present') > needs.lastIndexOf('missing'));
    assert.ok(needs.indexOf('other') > needs.lastIndexOf('present'));
    assert.equal(suggestions.length, snippetSuggestions(undefined, BUILTIN_KINDS).length, 'every snippet, once');
  });

  it('offers the whole templates first outside a report', () => {
    const suggestions = snippetSuggestions(lint('# Notes\n'), BUILTIN_KINDS);
    assert.deepEqual(suggestions.slice(0, 2).map((each) => each.snippet.prefix), ['mlr-exp-template', 'mlr-spec-template']);
  });

  it('offers the missing sections at "## ", numbered as the document numbers them, heading alone and with its body', () => {
    const text = several.replace('## 1. Objective', '## \n\n## 1. Objective');
    const suggestions = headingSuggestions(lint(text), lineOf(text, '## '), '## ');
    assert.deepEqual(suggestions.filter((each) => each.type === 'heading').map((each) => each.insert), ['## 2. Dataset', '## 7. Robustness', '## References', '## Appendix']);
    const body = suggestions.find((each) => each.type === 'body');
    assert.ok(body);
    assert.match(body.insert, /^## 2\. Dataset\n\n### 2\.1 Data Description\n/);
    assert.equal(suggestions.find((each) => each.sectionId === 'appendix')?.required, false);
  });

  it('offers the current section\'s missing subsections at "### "', () => {
    const text = several.replace('### 3.3 Baseline Models', '### \n\n### 3.3 Baseline Models');
    const suggestions = headingSuggestions(lint(text), lineOf(text, '### '), '### ');
    assert.deepEqual(suggestions.map((each) => `${each.type} ${each.insert.split('\n')[0]}`), ['heading ### 3.2 Model Specifications', 'body ### 3.2 Model Specifications']);
  });

  it('numbers nothing in a document without numbers, and offers nothing at other levels or mid-line', () => {
    const text = '---\ntype: ml-experiment-report\n---\n\n# R\n\n## Executive Summary\n\nText.\n\n## Dataset\n\nData.\n\n## \n';
    const result = lint(text);
    assert.equal(headingSuggestions(result, lineOf(text, '## '), '## ')[0]?.insert, '## Objective');
    assert.deepEqual(headingSuggestions(result, lineOf(text, '## '), '#### '), []);
    assert.deepEqual(headingSuggestions(result, lineOf(text, '## '), 'text ## '), []);
  });
});

describe('editor assistance: status text', () => {
  it('is short', () => {
    const outline = buildOutline(lint(several));
    assert.ok(outline);
    const model = outline.nodes.find((node) => node.id === 'model');
    assert.ok(model);
    assert.equal(statusText(model), '1 problem');
    assert.equal(statusText(outline.nodes.find((node) => node.id === 'dataset') ?? model), 'missing');
    const template = buildOutline(lint(experiment.template));
    assert.equal(statusText(template?.nodes[0] ?? model), '6 to fill');
  });
});
