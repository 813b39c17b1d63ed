// The reproducibility rules: precision on complete reports, opt-in for custom kinds, the kinds' data.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { BUILTIN_KINDS, buildChecklist, CHECKLIST_ITEMS, lint, RULES, RULE_IDS } from '../../src/core';
import type { ReportKind } from '../../src/core';

const root = join(__dirname, '..', '..');
const REPRO = new Set(CHECKLIST_ITEMS.map((item) => item.rule));
const complete = [
  ...readdirSync(join(root, 'examples')).filter((name) => name.endsWith('.md')).map((name) => join('examples', name)),
  ...readdirSync(join(root, 'test', 'fixtures', 'complete')).map((name) => join('test', 'fixtures', 'complete', name)),
  ...[...REPRO].map((rule) => join('test', 'fixtures', 'rules', rule, 'clean.md')),
];

describe('reproducibility rules', () => {
  for (const file of complete) {
    it(`finds nothing in the complete report ${file}, and its checklist is all met`, () => {
      const result = lint(readFileSync(join(root, file), 'utf8'));
      assert.deepEqual(result.findings.map((finding) => `${finding.rule} ${finding.range.start.line}: ${finding.message}`), []);
      const checklist = buildChecklist(result);
      assert.equal(checklist?.total, result.kind?.id === 'ml-task-spec' ? 7 : 8);
      assert.equal(checklist?.passed, checklist?.total);
    });
  }

  it('are opt-in rules that both built-in kinds enable, and only rule ids are listed', () => {
    assert.deepEqual(RULES.filter((rule) => rule.optIn).map((rule) => rule.id).sort(), [...REPRO].sort());
    for (const kind of BUILTIN_KINDS) {
      assert.deepEqual([...(kind.optInRules ?? [])].sort(), [...REPRO].sort(), kind.id);
      for (const ids of Object.values(kind.roles ?? {})) {
        for (const id of ids) assert.ok(kind.sections.some((spec) => spec.id === id || spec.children.some((child) => child.id === id)), `${kind.id}: role names unknown section ${id}`);
      }
    }
    assert.ok([...REPRO].every((id) => RULE_IDS.includes(id)));
  });

  it('are off for a custom kind until the kind or the configuration turns them on', () => {
    const { optInRules, ...base } = BUILTIN_KINDS[0] as ReportKind;
    assert.ok(optInRules);
    const custom: ReportKind = { ...base, id: 'custom-report' };
    const text = readFileSync(join(root, 'test', 'fixtures', 'rules', 'reproducibility-seeds', 'no-seed-values.md'), 'utf8').replace('type: ml-experiment-report', 'type: custom-report');
    const off = lint(text, { kinds: [custom] });
    assert.ok(!off.activeRules.includes('reproducibility-seeds'));
    assert.equal(off.findings.filter((finding) => REPRO.has(finding.rule)).length, 0);
    assert.equal(buildChecklist(off), undefined);
    const byConfig = lint(text, { kinds: [custom], rules: { 'reproducibility-seeds': 'warning' } });
    assert.deepEqual(byConfig.findings.filter((finding) => REPRO.has(finding.rule)).map((finding) => [finding.rule, finding.severity]), [['reproducibility-seeds', 'warning']]);
    const byKind = lint(text, { kinds: [{ ...custom, optInRules: ['reproducibility-seeds'] }] });
    assert.deepEqual(byKind.findings.filter((finding) => REPRO.has(finding.rule)).map((finding) => finding.rule), ['reproducibility-seeds']);
    const offOnBuiltin = lint(text.replace('type: custom-report', 'type: ml-experiment-report'), { rules: { 'reproducibility-seeds': 'off' } });
    assert.ok(!offOnBuiltin.activeRules.includes('reproducibility-seeds'));
  });

  it('offers "Insert a seed line" that puts the line in the training process subsection, as one edit', () => {
    const text = readFileSync(join(root, 'test', 'fixtures', 'rules', 'reproducibility-seeds', 'no-seed-values.md'), 'utf8');
    const finding = lint(text).findings.find((candidate) => candidate.rule === 'reproducibility-seeds');
    assert.equal(finding?.fix?.title, 'Insert a seed line');
    const edit = finding.fix.edits[0];
    assert.ok(edit && finding.fix.edits.length === 1);
    const fixed = text.slice(0, edit.start) + edit.newText + text.slice(edit.end);
    const after = fixed.slice(fixed.indexOf('### 4.2 Training Process'), fixed.indexOf('### 4.3'));
    assert.match(after, /the tables report the mean unless stated otherwise\.\n\n- \*\*Random seeds\*\*: \{\{SEEDS\}\}\n\n---|the tables report the mean unless stated otherwise\.\n\n- \*\*Random seeds\*\*: \{\{SEEDS\}\}\n/);
    const relinted = lint(fixed.replace('{{SEEDS}}', '0, 1, 2, 3, 4'));
    assert.equal(relinted.findings.filter((candidate) => candidate.rule === 'reproducibility-seeds').length, 0);
  });

  it('the checklist says where a met item is stated and where a missing one belongs', () => {
    const text = readFileSync(join(root, 'test', 'fixtures', 'rules', 'code-version', 'no-repository.md'), 'utf8');
    const checklist = buildChecklist(lint(text));
    const code = checklist?.items.find((item) => item.rule === 'code-version');
    assert.equal(code?.ok, false);
    assert.equal(code?.location?.section, 'Logs and Code');
    const seeds = checklist?.items.find((item) => item.rule === 'reproducibility-seeds');
    assert.equal(seeds?.ok, true);
    assert.equal(seeds?.stated, true);
    assert.equal(seeds?.location?.section, 'Reproducibility');
    assert.equal(checklist?.passed, 6);
    assert.equal(checklist?.total, 7);
  });
});
