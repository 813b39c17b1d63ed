// Discovers every fixture under test/fixtures/rules/<rule-id>/: each `<case>.md` is linted and the
// findings of that rule must equal `<case>.expected.json` beside it (an empty array for a clean case).
// Set UPDATE_FIXTURES=1 to write the expected files after a deliberate change; then review the diff.
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { lint, RULE_IDS, toJsonDiagnostic } from '../../src/core';
import type { LintOptions } from '../../src/core';

const root = join(__dirname, '..', 'fixtures', 'rules');

describe('rule fixtures', () => {
  it('exist for every rule', () => {
    const folders = new Set(readdirSync(root));
    assert.deepEqual(RULE_IDS.filter((id) => !folders.has(id)), [], 'rules without test/fixtures/rules/<rule-id>/');
  });

  for (const ruleId of readdirSync(root).sort()) {
    describe(ruleId, () => {
      it('is a rule id', () => assert.ok(RULE_IDS.includes(ruleId), `unknown rule directory ${ruleId}`));
      const cases = readdirSync(join(root, ruleId)).filter((name) => name.endsWith('.md')).sort();
      it('has a clean case and a case with findings', () => {
        const expectations = cases.map((name) => readExpected(join(root, ruleId, name)) ?? []);
        assert.ok(expectations.some((list) => list.length === 0), 'no clean fixture');
        assert.ok(expectations.some((list) => list.length > 0), 'no fixture with findings');
      });
      for (const name of cases) {
        it(name, () => {
          const path = join(root, ruleId, name);
          const text = readFileSync(path, 'utf8');
          const optionsPath = path.replace(/\.md$/, '.options.json');
          const options = existsSync(optionsPath) ? (JSON.parse(readFileSync(optionsPath, 'utf8')) as LintOptions) : {};
          const actual = lint(text, options).findings.filter((f) => f.rule === ruleId).map(toJsonDiagnostic);
          if (process.env['UPDATE_FIXTURES']) writeFileSync(expectedPath(path), `${JSON.stringify(actual, null, 2)}\n`);
          const expected = readExpected(path);
          assert.ok(expected, `missing ${expectedPath(path)}`);
          assert.deepEqual(actual, expected);
        });
      }
    });
  }
});

function expectedPath(mdPath: string): string {
  return mdPath.replace(/\.md$/, '.expected.json');
}

function readExpected(mdPath: string): unknown[] | undefined {
  const path = expectedPath(mdPath);
  return existsSync(path) ? (JSON.parse(readFileSync(path, 'utf8')) as unknown[]) : undefined;
}
