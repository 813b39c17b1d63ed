import assert from 'node:assert/strict';
import { symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { nodeConfigHost } from '../../src/cli/configFiles';
import { lint } from '../../src/core';
import { parseConfigText, rulesForFile } from '../../src/core/config';
import type { FoundConfig } from '../../src/core/configDiscovery';
import { syncConfigDiscovery } from '../../src/core/configDiscovery';
import { reportLintOptions } from '../../src/core/features/reportSelection';
import { runCli, tempTree } from './cliHarness';

const EVAL_TEMPLATE = '---\ntitle: {{TITLE}}\ntype: eval-note\n---\n\n# {{TITLE}}\n\n## Summary\n\nWhat changed.\n\n## Results\n\n| Model | F1 |\n|--|--|\n| Name | Score |\n\n## Risks\n\nWhat could be wrong.\n';
const EVAL_REPORT = '---\ntitle: Week 1\ntype: eval-note\n---\n\n# Week 1\n\n## Summary\n\nWe moved to a larger model.\n\n## Results\n\n| Model | F1 |\n|--|--|\n| big | 0.81 |\n';

function load(files: Record<string, string>, link?: [string, string]): { found: FoundConfig<string>; root: string; cleanup: () => void } {
  const tree = tempTree(files);
  if (link) symlinkSync(link[1].startsWith('/') ? link[1] : join(tree.root, link[1]), join(tree.root, link[0]));
  const found = syncConfigDiscovery(nodeConfigHost).load(join(tree.root, '.mlreport.json'));
  return { found, root: tree.root, cleanup: tree.cleanup };
}

function problems(found: FoundConfig<string>): string[] {
  return found.problems.map((p) => `${p.line}:${p.key}: ${p.message}`);
}

describe('configuration: kinds, sections, overrides', () => {
  const cleanups: (() => void)[] = [];
  afterEach(() => cleanups.splice(0).forEach((cleanup) => cleanup()));
  const loaded = (files: Record<string, string>, link?: [string, string]): FoundConfig<string> => {
    const result = load(files, link);
    cleanups.push(result.cleanup);
    return result.found;
  };

  it('compiles each template of "kinds" into a kind, with its source file', () => {
    const found = loaded({ '.mlreport.json': '{"kinds": ["templates/eval.md"]}', 'templates/eval.md': EVAL_TEMPLATE });
    assert.deepEqual(problems(found), []);
    const kind = found.config.kinds?.[0];
    assert.equal(kind?.id, 'eval-note');
    assert.match(kind?.source ?? '', /templates[/\\]eval\.md$/);
    assert.deepEqual(kind?.sections.map((s) => s.title), ['Summary', 'Results', 'Risks']);
    const options = reportLintOptions({ declaredType: 'eval-note', matchesFiles: false, config: found.config, settingsRules: {} });
    assert.ok(options);
    const findings = lint(EVAL_REPORT, options).findings;
    assert.deepEqual(findings.filter((f) => f.rule === 'missing-section').map((f) => f.message.match(/"([^"]+)"/)?.[1]), ['Risks']);
  });

  it('a template whose type: is a built-in id replaces that kind', () => {
    const found = loaded({ '.mlreport.json': '{"kinds": ["exp.md"]}', 'exp.md': '---\ntype: ml-experiment-report\n---\n## Only\n' });
    const options = reportLintOptions({ declaredType: 'ml-experiment-report', matchesFiles: false, config: found.config, settingsRules: {} });
    const result = lint('---\ntype: ml-experiment-report\n---\n## Only\n\ntext\n', options);
    assert.deepEqual(result.kind?.sections.map((s) => s.title), ['Only']);
    assert.deepEqual(result.findings.filter((f) => f.rule === 'missing-section'), []);
  });

  it('"kind" may name a custom kind', () => {
    const found = loaded({ '.mlreport.json': '{"kinds": ["eval.md"], "kind": "eval-note", "files": ["notes/*.md"]}', 'eval.md': EVAL_TEMPLATE });
    assert.equal(found.config.kind, 'eval-note');
    assert.deepEqual(found.warnings, []);
  });

  it('"sections" makes sections optional and adds aliases, for custom and built-in kinds', () => {
    const found = loaded({
      '.mlreport.json': JSON.stringify({ kinds: ['eval.md'], sections: { 'eval-note': { optional: ['Risks'], aliases: { Results: ['Numbers'] } }, 'ml-experiment-report': { optional: ['Robustness', 'Model Size'] } } }),
      'eval.md': EVAL_TEMPLATE,
    });
    assert.deepEqual(problems(found), []);
    const evalNote = found.config.kinds?.find((k) => k.id === 'eval-note');
    assert.equal(evalNote?.sections.find((s) => s.title === 'Risks')?.required, false);
    assert.deepEqual(evalNote?.sections.find((s) => s.title === 'Results')?.aliases, ['Numbers']);
    const experiment = found.config.kinds?.find((k) => k.id === 'ml-experiment-report');
    assert.equal(experiment?.sections.find((s) => s.title === 'Robustness')?.required, false);
    assert.equal(experiment?.sections.find((s) => s.title === 'Deployment Considerations')?.children.find((c) => c.title === 'Model Size')?.required, false);
    assert.equal(experiment?.sections.find((s) => s.title === 'Results')?.required, true);
  });

  it('"overrides" apply in order after "rules", by glob relative to the config file', () => {
    const { config, located } = parseConfigText(JSON.stringify({
      rules: { 'unfilled-placeholder': 'error', 'section-order': 'off' },
      overrides: [
        { files: ['drafts/**'], rules: { 'unfilled-placeholder': 'off' } },
        { files: ['drafts/final-*.md'], rules: { 'unfilled-placeholder': 'warning' } },
      ],
    }));
    assert.deepEqual(located, []);
    assert.deepEqual(rulesForFile(config, 'reports/a.md'), { 'unfilled-placeholder': 'error', 'section-order': 'off' });
    assert.deepEqual(rulesForFile(config, 'drafts/a.md'), { 'unfilled-placeholder': 'off', 'section-order': 'off' });
    assert.deepEqual(rulesForFile(config, 'drafts/final-1.md'), { 'unfilled-placeholder': 'warning', 'section-order': 'off' });
    const options = reportLintOptions({ declaredType: 'ml-task-spec', matchesFiles: false, config, settingsRules: { 'section-order': 'info' }, relativePath: 'drafts/a.md' });
    assert.deepEqual(options?.rules, { 'unfilled-placeholder': 'off', 'section-order': 'info' });
  });

  describe('every mistake names the line and the key, and the rest still applies', () => {
    it('a missing template file', () => {
      const found = loaded({ '.mlreport.json': '{\n  "kinds": [\n    "ok.md",\n    "missing.md"\n  ]\n}', 'ok.md': EVAL_TEMPLATE });
      assert.deepEqual(problems(found), ['4:kinds[1]: template "missing.md" cannot be read: no such file']);
      assert.equal(found.config.kinds?.[0]?.id, 'eval-note');
    });

    it('a template without type:', () => {
      const found = loaded({ '.mlreport.json': '{"kinds": ["t.md"]}', 't.md': '---\ntitle: x\n---\n## A\n' });
      assert.deepEqual(problems(found), ['1:kinds[0]: template "t.md" line 1: the template has no front matter "type:" naming its kind']);
    });

    it('a mistake inside a template names the template line too', () => {
      const found = loaded({ '.mlreport.json': '{"kinds": ["t.md"]}', 't.md': '---\ntype: t\n---\n## A\n<!-- mlreport: optinal -->\n' });
      assert.match(problems(found)[0] ?? '', /^1:kinds\[0\]: template "t.md" line 5: unknown annotation "optinal"/);
      assert.equal(found.config.kinds?.[0]?.id, 't');
    });

    it('an unknown rule id in a template\'s rules annotation', () => {
      const found = loaded({ '.mlreport.json': '{"kinds": ["t.md"]}', 't.md': '---\ntype: t\n---\n<!-- mlreport: rules no-such-rule -->\n## A\n' });
      assert.match(problems(found)[0] ?? '', /^1:kinds\[0\]: template "t.md": "rules" names "no-such-rule", which is not a rule id/);
    });

    it('two templates with the same id', () => {
      const found = loaded({ '.mlreport.json': '{"kinds": [\n"a.md",\n"b.md"]}', 'a.md': EVAL_TEMPLATE, 'b.md': EVAL_TEMPLATE });
      assert.deepEqual(problems(found), ['3:kinds[1]: template "b.md" has type "eval-note", as "a.md" does; it is ignored']);
      assert.equal(found.config.kinds?.length, 1);
    });

    it('a section name the kind does not have, and an unknown kind', () => {
      const found = loaded({ '.mlreport.json': '{"sections": {\n"ml-task-spec": {"optional": ["Robustnes"]},\n"blog": {}}}' });
      assert.deepEqual(problems(found).map((p) => p.split(' (')[0]), ['2:sections.ml-task-spec.optional[0]: "Robustnes" is not a section of ml-task-spec', '3:sections.blog: "blog" is not a report kind']);
    });

    it('a bad glob', () => {
      const { located } = parseConfigText('{"overrides": [\n{"files": ["drafts/[a"], "rules": {"section-order": "off"}},\n{"files": ["../x/**"], "rules": {}}]}');
      assert.deepEqual(located.map((p) => `${p.line}:${p.key}`), ['2:overrides[0].files[0]', '3:overrides[1].files[0]']);
      assert.match(located[0]?.message ?? '', /not a valid glob/);
      assert.match(located[1]?.message ?? '', /leaves the configuration file's folder/);
    });

    it('a template path leaving the folder: ../, absolute, or a symbolic link pointing outside', () => {
      const outside = tempTree({ 'secret.md': EVAL_TEMPLATE });
      cleanups.push(outside.cleanup);
      const found = loaded(
        { '.mlreport.json': JSON.stringify({ kinds: ['../secret.md', join(outside.root, 'secret.md'), 'link.md'] }), 'real/inner.md': EVAL_TEMPLATE },
        ['link.md', join(outside.root, 'secret.md')],
      );
      const messages = problems(found);
      assert.equal(messages.length, 3, messages.join('\n'));
      assert.match(messages[0] ?? '', /kinds\[0\]: "..\/secret.md" leaves the configuration file's folder.*refused/);
      assert.match(messages[1] ?? '', /kinds\[1\]: .* is an absolute path/);
      assert.match(messages[2] ?? '', /kinds\[2\]: template "link.md" is a link to a file outside the configuration file's folder; it is refused/);
    });

    it('a link inside the folder is fine', () => {
      const found = loaded({ '.mlreport.json': '{"kinds": ["link.md"]}', 'real/inner.md': EVAL_TEMPLATE }, ['link.md', 'real/inner.md']);
      assert.deepEqual(problems(found), []);
      assert.equal(found.config.kinds?.[0]?.id, 'eval-note');
    });

    it('wrong shapes', () => {
      const { located } = parseConfigText('{"kinds": "a.md", "sections": [], "overrides": [{"files": [], "rules": {}}, 3, {"files": ["a"], "rules": {"nope": "off"}, "x": 1}]}');
      assert.deepEqual(located.map((p) => p.key), ['kinds', 'sections', 'overrides[0].files', 'overrides[1]', 'overrides[2].x', 'overrides[2].rules.nope']);
    });
  });

  describe('the CLI', () => {
    it('exits 2 and names the file, line and key, but still lints the reports with what is valid', () => {
      const tree = tempTree({ '.mlreport.json': '{\n  "kinds": ["eval.md", "missing.md"]\n}', 'eval.md': EVAL_TEMPLATE, 'week1.md': EVAL_REPORT });
      cleanups.push(tree.cleanup);
      const result = runCli(['lint', '-f', 'json', 'week1.md'], tree.root);
      assert.equal(result.code, 2);
      assert.match(result.stderr, /\.mlreport\.json:2:\d+: "kinds\[1\]": template "missing\.md" cannot be read: no such file/);
      const files = JSON.parse(result.stdout) as { diagnostics: { rule: string }[] }[];
      assert.deepEqual(files[0]?.diagnostics.map((d) => d.rule), ['missing-section']);
    });

    it('lints a custom kind with --kind', () => {
      const tree = tempTree({ '.mlreport.json': '{"kinds": ["eval.md"]}', 'eval.md': EVAL_TEMPLATE, 'plain.md': '# Notes\n\n## Summary\n\nok\n' });
      cleanups.push(tree.cleanup);
      const result = runCli(['lint', '-f', 'json', '--kind', 'eval-note', 'plain.md'], tree.root);
      assert.match(result.stdout, /missing-section/);
    });
  });
});

describe('mlreport new and mlreport kinds with custom kinds', () => {
  const cleanups: (() => void)[] = [];
  afterEach(() => cleanups.splice(0).forEach((cleanup) => cleanup()));
  const TEAM = { '.mlreport.json': '{"kinds": ["templates/eval.md"]}', 'templates/eval.md': `---\ntitle: {{TITLE}}\ntype: eval-note\n---\n<!-- mlreport: name Eval Note -->\n\n# {{TITLE}}\n\n## Summary\n<!-- mlreport: optional -->\n\nWhat changed.\n\n## Results\n\n### Main Table\n\n| Model | F1 |\n|--|--|\n| Name | Score |\n` };

  it('new writes a report of a custom kind, annotations stripped, and it lints as that kind', () => {
    const tree = tempTree(TEAM);
    cleanups.push(tree.cleanup);
    const result = runCli(['new', 'eval-note', '--title', 'Week 2', '-o', 'notes/week2.md'], tree.root);
    assert.equal(result.code, 0, result.stderr);
    assert.match(result.stdout, /Wrote notes\/week2\.md \(Eval Note\)/);
    const lintResult = runCli(['lint', '-f', 'json', 'notes/week2.md'], tree.root);
    const [file] = JSON.parse(lintResult.stdout) as { diagnostics: { rule: string; message: string }[] }[];
    assert.ok(file?.diagnostics.some((d) => d.rule === 'unfilled-placeholder' && /What changed/.test(d.message)));
    const printed = runCli(['new', 'eval-note'], tree.root).stdout;
    assert.ok(!printed.includes('mlreport'), printed);
    assert.match(printed, /^---\ntitle: \{\{TITLE\}\}\ntype: eval-note\n---\n\n# \{\{TITLE\}\}\n\n## Summary\n\nWhat changed\./);
  });

  it('new says when --title or --author has no slot in the kind\'s template', () => {
    const tree = tempTree(TEAM);
    cleanups.push(tree.cleanup);
    const result = runCli(['new', 'eval-note', '--title', 'Week 3', '--author', 'Ada', '-o', 'week3.md'], tree.root);
    assert.equal(result.code, 0, result.stderr);
    assert.equal(result.stderr, 'mlreport: the eval-note template has no {{AUTHORS}} slot, so --author is not used (its slots: {{TITLE}})\n');
    assert.equal(runCli(['new', 'eval-note', '--title', 'Week 3'], tree.root).stderr, '');
  });

  it('new refuses a kind the folder does not have', () => {
    const tree = tempTree(TEAM);
    cleanups.push(tree.cleanup);
    const result = runCli(['new', 'model-card'], tree.root);
    assert.equal(result.code, 2);
    assert.match(result.stderr, /unknown kind "model-card"; use one of eval-note, ml-experiment-report, ml-task-spec/);
  });

  it('kinds lists every kind for the folder with its source, sections and counts', () => {
    const tree = tempTree(TEAM);
    cleanups.push(tree.cleanup);
    const text = runCli(['kinds'], tree.root);
    assert.equal(text.code, 0, text.stderr);
    assert.match(text.stdout, /^eval-note — Eval Note\n {2}source: templates\/eval\.md\n {2}2 sections, 1 subsection, 1 optional; 2 required front matter keys; 1 slot, 3 filler entries\n {2}sections \(\? optional\):\n {4}Summary\?\n {4}Results \(Main Table\)\n/);
    assert.match(text.stdout, /ml-experiment-report — ML Experiment Report\n {2}source: built-in/);
    const json = JSON.parse(runCli(['kinds', '--json'], tree.root).stdout) as { id: string; source: string }[];
    assert.deepEqual(json.map((k) => [k.id, k.source]), [['eval-note', 'templates/eval.md'], ['ml-experiment-report', 'built-in'], ['ml-task-spec', 'built-in']]);
  });

  it('kinds exits 2 and prints the configuration problems', () => {
    const tree = tempTree({ '.mlreport.json': '{"kinds": ["nope.md"]}' });
    cleanups.push(tree.cleanup);
    const result = runCli(['kinds'], tree.root);
    assert.equal(result.code, 2);
    assert.match(result.stderr, /\.mlreport\.json:1:\d+: "kinds\[0\]": template "nope\.md" cannot be read/);
    assert.match(result.stdout, /ml-task-spec/);
  });
});

describe('examples/team', () => {
  const team = join(__dirname, '..', '..', 'examples', 'team');

  it('the complete report lints clean, the half-done one has its findings, the template is not linted as a report', () => {
    const complete = runCli(['lint', '-f', 'json', 'week-12-eval.md'], team);
    assert.equal(complete.code, 0, complete.stderr);
    assert.deepEqual((JSON.parse(complete.stdout) as { kind: string; diagnostics: unknown[] }[]).map((f) => [f.kind, f.diagnostics]), [['eval-note', []]]);
    const draft = runCli(['lint', '-f', 'json', 'drafts'], team);
    assert.equal(draft.code, 0, draft.stderr);
    const [file] = JSON.parse(draft.stdout) as { diagnostics: { rule: string; severity: string }[] }[];
    const rules = new Set(file?.diagnostics.map((d) => `${d.rule}:${d.severity}`));
    assert.deepEqual([...rules].sort(), ['missing-section:info', 'missing-section:warning', 'unfilled-placeholder:info'], 'drafts/** turns unfilled placeholders into information');
    const all = runCli(['lint', '-f', 'json', '.'], team);
    assert.match(all.stderr, /templates\/eval-note\.md: skipped, not a report \(it is the template of the kind "eval-note"\)/);
  });
});
