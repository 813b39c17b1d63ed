// A user who has written everything sees nothing: every complete report, in examples/ and among the
// rule fixtures, lints with no finding at all, infos included. The fixtures named `complete-*.md` are
// complete reports written the ways people write them (the task-spec guide's bullet style, tables of
// labels, sections marked not applicable, subsections merged into prose), and each states what makes it
// reproducible (seeds, hardware and software versions, the code at a commit or tag, the number of runs).
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildOutline, lint } from '../../src/core';

const root = join(__dirname, '..', '..');
const fixtures = join(root, 'test', 'fixtures', 'rules');

/** Complete reports among the fixtures that predate the `complete-` prefix. */
const OLDER_COMPLETE = ['missing-section/clean.md', 'missing-section/clean-aliases.md', 'missing-section/task-spec-clean.md', 'duplicate-section/clean.md', 'empty-section/clean.md', 'section-order/clean.md'];

function completeReports(): string[] {
  const examples = readdirSync(join(root, 'examples')).filter((name) => name.endsWith('.md')).map((name) => join(root, 'examples', name));
  const prefixed = readdirSync(fixtures).flatMap((rule) => readdirSync(join(fixtures, rule)).filter((name) => /^complete-.*\.md$/.test(name)).map((name) => join(fixtures, rule, name)));
  return [...examples, ...OLDER_COMPLETE.map((path) => join(fixtures, path)), ...prefixed];
}

describe('precision: complete reports are quiet', () => {
  const reports = completeReports();

  it('has the new complete reports: bullet style, N/A sections, prose', () => {
    assert.ok(reports.filter((path) => /complete-/.test(path)).length >= 3);
  });

  for (const path of reports) {
    it(path.slice(root.length + 1), () => {
      const result = lint(readFileSync(path, 'utf8'));
      assert.ok(result.kind, 'is a report');
      assert.deepEqual(result.findings.map((finding) => `${finding.range.start.line}: ${finding.rule} ${finding.message}`), []);
      const outline = buildOutline(result);
      assert.equal(outline?.completeness, 100);
      const open = outline?.nodes.flatMap((node) => [node, ...node.children]).filter((node) => node.required && !['complete', 'n/a'].includes(node.status));
      assert.deepEqual(open?.map((node) => `${node.id}: ${node.status}`), []);
    });
  }
});
