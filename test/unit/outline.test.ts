import assert from 'node:assert/strict';
import { buildOutline, findKind, lint } from '../../src/core';
import type { Finding, LintResult, Outline, OutlineNode, ReportKind, SectionSpec, Severity } from '../../src/core';
import { UNFILLED_PLACEHOLDER } from '../../src/core/rules/unfilledPlaceholder';

const report = findKind('ml-experiment-report') as ReportKind;

/** A report with every section of the kind written out (all required ones, optional ones when asked). */
function fullReport(kind: ReportKind, skip: readonly string[] = [], withOptional = false): string {
  const parts = [`---\ntype: ${kind.id}\n---\n\n# A report\n`];
  const write = (spec: SectionSpec, marks: string): void => {
    if (skip.includes(spec.id) || (!spec.required && !withOptional)) return;
    parts.push(`${marks} ${spec.title}\n\nWhat we did for ${spec.title.toLowerCase()}.\n`);
    for (const child of spec.children) write(child, `${marks}#`);
  };
  for (const spec of kind.sections) write(spec, '##');
  return parts.join('\n');
}

/** Lints with no rules, then adds made-up findings, so the outline is tested on its own. */
function withFindings(text: string, findings: { rule: string; severity?: Severity; at: string; sectionId?: string }[]): LintResult {
  const result = lint(text, { ruleSet: [] });
  for (const { rule, severity, at, sectionId } of findings) {
    const offset = text.indexOf(at);
    assert.ok(offset >= 0, at);
    const point = result.doc.lines.point(offset);
    const finding: Finding = { rule, severity: severity ?? 'warning', message: rule, range: { start: point, end: point }, ...(sectionId ? { data: { sectionId } } : {}) };
    result.findings.push(finding);
  }
  return result;
}

function outline(result: LintResult): Outline {
  const built = buildOutline(result);
  assert.ok(built);
  return built;
}

function node(built: Outline, id: string): OutlineNode {
  const found = built.nodes.flatMap((n) => [n, ...n.children]).find((n) => n.id === id);
  assert.ok(found, id);
  return found;
}

function requiredCount(kind: ReportKind): number {
  return kind.sections.filter((s) => s.required).reduce((sum, s) => sum + 1 + s.children.filter((c) => c.required).length, 0);
}

describe('outline', () => {
  it('lists every section of the kind in template order, with subsections', () => {
    const built = outline(withFindings(fullReport(report), []));
    assert.deepEqual(built.nodes.map((n) => n.id), report.sections.map((s) => s.id));
    assert.deepEqual(node(built, 'dataset').children.map((n) => n.title), ['Data Description', 'Data Splits', 'Data Quality', 'Exploratory Analysis']);
    assert.equal(built.kindId, 'ml-experiment-report');
    assert.equal(built.kindName, 'ML Experiment Report');
  });

  it('marks a fully written report complete at 100%, with optional sections absent', () => {
    const built = outline(withFindings(fullReport(report), []));
    assert.equal(built.completeness, 100);
    assert.equal(built.placeholders, 0);
    assert.equal(node(built, 'results/statistical-significance').status, 'complete');
    assert.equal(node(built, 'appendix').status, 'optional');
    assert.equal(node(built, 'appendix/code').status, 'optional');
    assert.equal(node(built, 'appendix').heading, undefined);
  });

  it('gives the first occurrence\'s heading position', () => {
    const text = fullReport(report);
    const built = outline(withFindings(text, []));
    const heading = node(built, 'dataset').heading;
    assert.ok(heading);
    assert.equal(text.slice(heading.start, heading.end), '## Dataset');
    assert.equal(text.split('\n')[heading.line - 1], '## Dataset');
  });

  it('marks missing sections and their subsections missing and lowers completeness', () => {
    const built = outline(withFindings(fullReport(report, ['dataset', 'model/baseline-models']), []));
    assert.equal(node(built, 'dataset').status, 'missing');
    assert.deepEqual(node(built, 'dataset').children.map((n) => n.status), ['missing', 'missing', 'missing', 'missing']);
    assert.equal(node(built, 'model').status, 'problems', 'a section missing a required subsection is not complete');
    assert.equal(node(built, 'model/baseline-models').status, 'missing');
    const required = requiredCount(report);
    assert.equal(built.completeness, Math.floor((100 * (required - 7)) / required));
  });

  it('counts placeholders and problems in each section, subsections included in their section', () => {
    const text = fullReport(report);
    const built = outline(withFindings(text, [
      { rule: 'unfilled-placeholder', at: 'What we did for data splits.' },
      { rule: 'unfilled-placeholder', at: 'What we did for data quality.' },
      { rule: 'table-column-count', at: 'What we did for hyperparameters.' },
      { rule: 'unfilled-placeholder', at: 'What we did for training process.' },
    ]));
    assert.deepEqual([node(built, 'dataset').placeholders, node(built, 'dataset').problems, node(built, 'dataset').status], [2, 0, 'placeholders']);
    assert.equal(node(built, 'dataset/data-splits').status, 'placeholders');
    assert.equal(node(built, 'dataset/data-description').status, 'complete');
    assert.deepEqual([node(built, 'training').placeholders, node(built, 'training').problems, node(built, 'training').status], [1, 1, 'problems']);
    assert.equal(node(built, 'training/hyperparameters').status, 'problems');
    assert.equal(built.placeholders, 3);
    const required = requiredCount(report);
    assert.equal(built.completeness, Math.floor((100 * (required - 6)) / required));
  });

  it('does not count a missing section against the heading it is reported at, but counts everything else the Problems panel shows', () => {
    const text = fullReport(report);
    const built = outline(withFindings(text, [
      { rule: 'missing-section', at: 'Model\n', sectionId: 'dataset' },
      { rule: 'missing-section', severity: 'info', at: 'Training\n', sectionId: 'training/training-curves' },
      { rule: 'some-rule', severity: 'info', at: 'What we did for data quality.' },
    ]));
    assert.deepEqual([node(built, 'model').problems, node(built, 'model').status], [0, 'complete']);
    assert.deepEqual([node(built, 'training').problems, node(built, 'training').status], [1, 'problems'], 'a missing subsection, on its section\'s heading');
    assert.deepEqual([node(built, 'dataset').problems, node(built, 'dataset').status], [1, 'problems'], 'information counts too');
    assert.ok(built.completeness < 100);
  });

  it('agrees with the linter: a section missing a required subsection is never complete', () => {
    const built = outline(lint(fullReport(report, ['training/computational-resources'])));
    assert.equal(node(built, 'training').status, 'problems');
    assert.equal(node(built, 'training/computational-resources').status, 'missing');
    assert.equal(node(built, 'model').status, 'complete');
  });

  it('marks a section with nothing under it as having problems', () => {
    const text = fullReport(report).replace('What we did for data splits.\n', '');
    const built = outline(withFindings(text, []));
    assert.equal(node(built, 'dataset/data-splits').status, 'problems');
    assert.equal(node(built, 'dataset').status, 'complete');
  });

  it('counts findings in every occurrence of a repeated section and points at the first', () => {
    const text = `${fullReport(report)}\n## Dataset\n\nMore data, again.\n`;
    const built = outline(withFindings(text, [{ rule: 'unfilled-placeholder', at: 'More data, again.' }]));
    const dataset = node(built, 'dataset');
    assert.equal(dataset.placeholders, 1);
    assert.equal(dataset.heading?.start, text.indexOf('## Dataset'));
  });

  it('treats a present optional section like any other, without counting it towards completeness', () => {
    const built = outline(withFindings(fullReport(report, [], true), []));
    assert.equal(node(built, 'appendix').status, 'complete');
    assert.equal(node(built, 'appendix/code').status, 'complete');
    assert.equal(built.completeness, 100);
  });

  it('works for the task specification kind too', () => {
    const taskSpec = findKind('ml-task-spec') as ReportKind;
    const built = outline(withFindings(fullReport(taskSpec, ['abstract']), []));
    assert.equal(built.kindId, 'ml-task-spec');
    assert.equal(node(built, 'abstract').status, 'missing');
    const required = requiredCount(taskSpec);
    assert.equal(built.completeness, Math.floor((100 * (required - 1)) / required));
  });

  it('is undefined for a document that is not a report', () => {
    assert.equal(buildOutline(lint('# Notes\n\nJust notes.\n')), undefined);
  });

  it('reports the raw template as 0% complete with its placeholders counted', () => {
    const result = lint(report.template);
    const built = outline(result);
    assert.equal(built.completeness, 0);
    assert.equal(built.placeholders, result.findings.filter((f) => f.rule === UNFILLED_PLACEHOLDER).length);
    assert.ok(built.nodes.every((n) => n.status === 'placeholders'), built.nodes.map((n) => `${n.id}:${n.status}`).join(' '));
  });
});
