import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import yaml from 'js-yaml';
import { BUILTIN_KINDS, lint } from '../../src/core';
import { runCli, tempTree, writeTree } from './cliHarness';
import { UNFILLED_PLACEHOLDER } from '../../src/core/rules/unfilledPlaceholder';

const MARCH_7 = new Date(2025, 2, 7, 23, 30);
const VERSION = (JSON.parse(readFileSync(join(__dirname, '..', '..', 'package.json'), 'utf8')) as { version: string }).version;

function frontMatter(text: string): Record<string, unknown> {
  return yaml.load(/^---\n([\s\S]*?)\n---/.exec(text)?.[1] ?? '', { schema: yaml.JSON_SCHEMA }) as Record<string, unknown>;
}

describe('mlreport new', () => {
  let tree: ReturnType<typeof tempTree>;
  beforeEach(() => (tree = tempTree()));
  afterEach(() => tree.cleanup());

  for (const kind of BUILTIN_KINDS) {
    it(`prints a ${kind.id} from its template with today's date`, () => {
      const result = runCli(['new', kind.id], tree.root, { now: MARCH_7 });
      assert.equal(result.code, 0, result.stderr);
      assert.equal(result.stdout, kind.template.replace(/\{\{DATE\}\}/g, '2025-03-07'));
      assert.ok(kind.template.includes('{{DATE}}'), 'the template has a date slot');
      assert.equal(frontMatter(result.stdout)['type'], kind.id);
    });

    it(`writes a ${kind.id} with title and authors that lints without front matter, section or table findings`, () => {
      const result = runCli(['new', kind.id, '--title', 'Churn: a #1 model', '-a', 'Ada Lovelace', '--author', 'Alan Turing', '-o', 'reports/new.md'], tree.root, { now: MARCH_7 });
      assert.equal(result.code, 0, result.stderr);
      assert.match(result.stdout, /^Wrote reports\/new\.md \(/);
      const text = readFileSync(join(tree.root, 'reports', 'new.md'), 'utf8');
      const data = frontMatter(text);
      assert.equal(data['title'], 'Churn: a #1 model');
      assert.equal(data['authors'], 'Ada Lovelace, Alan Turing');
      assert.equal(data['date'], '2025-03-07');
      assert.match(text, /^# Churn: a #1 model$/m);
      assert.doesNotMatch(text, /\{\{(TITLE|AUTHORS|DATE)\}\}/);
      const findings = lint(text).findings;
      assert.deepEqual(findings.filter((f) => ['frontmatter', 'missing-section', 'table-column-count', 'internal-error'].includes(f.rule)), []);
      assert.ok(findings.some((f) => f.rule === UNFILLED_PLACEHOLDER), 'the template filler is still to be written');
    });
  }

  it('never overwrites an existing file without --force', () => {
    writeTree(tree.root, { 'r.md': 'my work\n' });
    const refused = runCli(['new', 'ml-experiment-report', '-o', 'r.md'], tree.root, { now: MARCH_7 });
    assert.equal(refused.code, 2);
    assert.equal(refused.stderr, 'mlreport: r.md already exists; not overwritten (use --force to replace it)\n');
    assert.equal(readFileSync(join(tree.root, 'r.md'), 'utf8'), 'my work\n');
    const forced = runCli(['new', 'ml-experiment-report', '-o', 'r.md', '--force'], tree.root, { now: MARCH_7 });
    assert.equal(forced.code, 0, forced.stderr);
    assert.match(readFileSync(join(tree.root, 'r.md'), 'utf8'), /^date: 2025-03-07$/m);
  });

  it('refuses a folder as the output', () => {
    writeTree(tree.root, { 'dir/x.md': '' });
    const result = runCli(['new', 'ml-experiment-report', '-o', 'dir', '--force'], tree.root);
    assert.equal(result.code, 2);
    assert.match(result.stderr, /dir is a folder/);
  });

  it('exits 2 for a missing or unknown kind', () => {
    const missing = runCli(['new'], tree.root);
    assert.equal(missing.code, 2);
    assert.match(missing.stderr, /give one report kind \(ml-experiment-report, ml-task-spec\)/);
    const unknown = runCli(['new', 'blog-post'], tree.root);
    assert.equal(unknown.code, 2);
    assert.match(unknown.stderr, /unknown kind "blog-post"/);
    assert.match(unknown.stderr, /Run "mlreport new --help" for usage/);
  });
});

describe('mlreport help and version', () => {
  const cwd = __dirname;

  it('prints the version from package.json', () => {
    for (const flag of ['--version', '-v']) assert.deepEqual(runCli([flag], cwd), { code: 0, stdout: `${VERSION}\n`, stderr: '' });
  });

  it('prints the main help, and each command help', () => {
    const main = runCli(['--help'], cwd);
    assert.equal(main.code, 0);
    assert.match(main.stdout, /^Usage: mlreport <command>/);
    assert.match(main.stdout, /lint \[options\] PATH\.\.\./);
    const lintHelp = runCli(['lint', '--help'], cwd);
    assert.equal(lintHelp.code, 0);
    assert.match(lintHelp.stdout, /--format NAME +Output: stylish, json, sarif, github/);
    assert.match(lintHelp.stdout, /Exit codes: 0 no errors, 1 at least one error/);
    assert.equal(runCli(['help', 'lint'], cwd).stdout, lintHelp.stdout);
    const newHelp = runCli(['new', '-h'], cwd);
    assert.match(newHelp.stdout, /^Usage: mlreport new KIND/);
  });

  it('shows the help on standard error and exits 2 without a command', () => {
    const result = runCli([], cwd);
    assert.equal(result.code, 2);
    assert.equal(result.stdout, '');
    assert.match(result.stderr, /^Usage: mlreport/);
  });
});
