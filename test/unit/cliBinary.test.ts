// The built `dist/cli.js`, run as a user runs it: built afresh first, so a stale bundle cannot pass.
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { BROKEN_REPORT, PLAIN_NOTE, WARNING_REPORT, tempTree } from './cliHarness';

const repo = join(__dirname, '..', '..');
const cli = join(repo, 'dist', 'cli.js');
const VERSION = (JSON.parse(readFileSync(join(repo, 'package.json'), 'utf8')) as { version: string }).version;

function mlreport(args: string[], cwd: string, env: NodeJS.ProcessEnv = {}): { code: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [cli, ...args], { cwd, encoding: 'utf8', env: { ...process.env, ...env }, timeout: 60_000 });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('dist/cli.js', function () {
  let tree: ReturnType<typeof tempTree>;

  before(function () {
    this.timeout(120_000);
    execFileSync(process.execPath, ['scripts/build.mjs'], { cwd: repo, stdio: 'pipe' });
  });
  beforeEach(() => {
    tree = tempTree({ 'reports/broken.md': BROKEN_REPORT, 'reports/spec.md': WARNING_REPORT, 'reports/notes.md': PLAIN_NOTE });
  });
  afterEach(() => tree.cleanup());

  it('is a node script that prints its version', () => {
    assert.match(readFileSync(cli, 'utf8'), /^#!\/usr\/bin\/env node\n/);
    assert.deepEqual(mlreport(['--version'], tree.root), { code: 0, stdout: `${VERSION}\n`, stderr: '' });
  });

  it('lints a folder as JSON, skips the note, and exits 1 for the table error', () => {
    const result = mlreport(['lint', '--format', 'json', 'reports'], tree.root);
    assert.equal(result.code, 1, result.stderr);
    const entries = JSON.parse(result.stdout) as { file: string; kind: string; diagnostics: { rule: string; severity: string }[] }[];
    assert.deepEqual(entries.map((entry) => [entry.file, entry.kind]), [
      ['reports/broken.md', 'ml-experiment-report'],
      ['reports/spec.md', 'ml-task-spec'],
    ]);
    assert.ok(entries[0]?.diagnostics.some((d) => d.rule === 'table-column-count' && d.severity === 'error'));
    assert.equal(result.stderr, 'reports/notes.md: skipped, not a report (no front matter "type:" naming a report kind); use --kind to lint it anyway\n');
  });

  it('prints stylish output without colour when standard output is not a terminal', () => {
    const result = mlreport(['lint', 'reports/broken.md'], tree.root);
    assert.equal(result.code, 1);
    assert.match(result.stdout, /^\nreports\/broken\.md\n/);
    assert.match(result.stdout, /✖ \d+ problems? \(\d+ errors?, \d+ warnings?, \d+ infos?\)\n$/);
    assert.ok(!result.stdout.includes('\u001b'));
  });

  it('lints what it can, exits 2 for a glob that matches nothing and a binary file', () => {
    const binary = tempTree({ 'x.md': Buffer.from([1, 0, 2]) });
    try {
      const result = mlreport(['lint', '-f', 'github', 'reports/broken.md', 'none/*.md', `${binary.root}/x.md`], tree.root);
      assert.equal(result.code, 2);
      assert.match(result.stdout, /^::error file=reports\/broken\.md,line=10,col=1,endLine=10,endColumn=6,title=table-column-count::/m);
      assert.match(result.stderr, /^none\/\*\.md: no files match this glob$/m);
      assert.match(result.stderr, /x\.md: looks binary \(a NUL byte at line 1\); not linted$/m);
    } finally {
      binary.cleanup();
    }
  });

  it('writes a new report and refuses to overwrite it', () => {
    const first = mlreport(['new', 'ml-task-spec', '--title', 'Spec', '-o', 'spec.md'], tree.root);
    assert.equal(first.code, 0, first.stderr);
    assert.match(readFileSync(join(tree.root, 'spec.md'), 'utf8'), /^date: \d{4}-\d{2}-\d{2}$/m);
    const second = mlreport(['new', 'ml-task-spec', '-o', 'spec.md'], tree.root);
    assert.equal(second.code, 2);
    assert.match(second.stderr, /spec\.md already exists/);
  });

  it('exits 2 with a usage message for an unknown option', () => {
    const result = mlreport(['lint', '--colour', 'reports'], tree.root);
    assert.equal(result.code, 2);
    assert.match(result.stderr, /^mlreport: Unknown option '--colour'\nRun "mlreport lint --help" for usage\.\n$/);
  });
});
