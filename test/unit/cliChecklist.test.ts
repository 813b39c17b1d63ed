// `mlreport checklist FILE`: the reproducibility checklist as Markdown.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runCli, tempTree } from './cliHarness';

const fixture = (rule: string, name: string): string => readFileSync(join(__dirname, '..', 'fixtures', 'rules', rule, `${name}.md`), 'utf8');

describe('mlreport checklist', () => {
  it('prints each item with Yes or No and its line, as a Markdown task list', () => {
    const tree = tempTree({ 'report.md': fixture('code-version', 'branch-not-commit') });
    try {
      const result = runCli(['checklist', 'report.md'], tree.root);
      assert.equal(result.code, 0, result.stderr);
      assert.match(result.stdout, /^### Reproducibility checklist: report\.md\n\nML Experiment Report · 7\/8 items met\n/);
      assert.match(result.stdout, /^- \[x\] \*\*Random seeds recorded\*\*: Yes, stated at line 141 \(4\.2 Training Process\)$/m);
      assert.match(result.stdout, /^- \[ \] \*\*Code identified by repository and version\*\*: No, see line 325 \(C\. Code\)\n {2}- The code repository is not pinned/m);
      assert.equal(result.stdout.match(/^- \[[ x]\] /gm)?.length, 8);
    } finally {
      tree.cleanup();
    }
  });

  it('skips a file that is not a report and exits 2 for one it cannot read', () => {
    const tree = tempTree({ 'notes.md': '# Notes\n' });
    try {
      const result = runCli(['checklist', 'notes.md', 'missing.md'], tree.root);
      assert.equal(result.code, 2);
      assert.match(result.stderr, /notes\.md: skipped, not a report/);
      assert.match(result.stderr, /missing\.md: /);
      assert.equal(result.stdout, '');
    } finally {
      tree.cleanup();
    }
  });

  it('needs a file', () => {
    const result = runCli(['checklist'], process.cwd());
    assert.equal(result.code, 2);
    assert.match(result.stderr, /give the report FILE/);
  });
});
