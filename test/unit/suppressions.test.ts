import assert from 'node:assert/strict';
import { applyEdits, CHECKLIST_ITEMS, lint, ReportLinter } from '../../src/core';
import type { Finding, LintOptions } from '../../src/core';
import { disableFix } from '../../src/core/features/disableFix';

const FRONT = '---\ntitle: T\nauthors: [A]\ndate: 2025-01-10\ntype: ml-task-spec\nversion: 1\nproject: p\n---\n\n# T\n\n';
/** Every rule but the two these tests look at is off, so findings are exactly the ones meant. */
const OPTIONS: LintOptions = { rules: { 'missing-section': 'off', 'section-order': 'off', 'empty-section': 'off', frontmatter: 'off', 'duplicate-section': 'off', ...Object.fromEntries(CHECKLIST_ITEMS.map((item) => [item.rule, 'off'])) } };
const FILLER = 'Briefly describe the goals, the model direction and the expected outcomes.';
const ROW = '| Train | X examples | extra |';

function findings(body: string, options: LintOptions = OPTIONS): string[] {
  const text = FRONT + body;
  return lint(text, options).findings.map((f) => `${f.range.start.line - 11}:${f.rule}`);
}

const TABLE = '| Split | Size |\n|-------|------|\n' + ROW + '\n';

describe('inline suppressions', () => {
  it('without suppressions: the filler and the broken row are reported', () => {
    assert.deepEqual(findings(`## Abstract\n\n${FILLER}\n\n${TABLE}`), ['3:unfilled-placeholder', '7:table-column-count', '7:unfilled-placeholder']);
  });

  it('disable-next-line RULE: only that rule, only on the next line', () => {
    assert.deepEqual(findings(`## Abstract\n\n<!-- mlreport-disable-next-line unfilled-placeholder -->\n${FILLER}\n\n${TABLE}`), ['8:table-column-count', '8:unfilled-placeholder']);
    assert.deepEqual(findings(`## Abstract\n\n<!-- mlreport-disable-next-line table-column-count -->\n${FILLER}\n`), ['4:unfilled-placeholder', '3:unused-suppression'].sort());
  });

  it('disable … enable RULE: findings in between', () => {
    assert.deepEqual(findings(`## Abstract\n\n<!-- mlreport-disable unfilled-placeholder -->\n${FILLER}\n\n${TABLE}<!-- mlreport-enable unfilled-placeholder -->\n\n${FILLER}\n`), ['8:table-column-count', '11:unfilled-placeholder']);
  });

  it('disable without enable: to the end of the report', () => {
    assert.deepEqual(findings(`## Abstract\n\n${FILLER}\n\n<!-- mlreport-disable -->\n${TABLE}\n${FILLER}\n`), ['3:unfilled-placeholder']);
  });

  it('enable without ids ends every region', () => {
    // table-column-count suppressed nothing: reported, id by id.
    assert.deepEqual(findings(`<!-- mlreport-disable table-column-count unfilled-placeholder -->\n## Abstract\n\n${FILLER}\n<!-- mlreport-enable -->\n\n${FILLER}\n`), ['1:unused-suppression', '7:unfilled-placeholder']);
  });

  it('disable-file RULE: every finding of that rule', () => {
    assert.deepEqual(findings(`## Abstract\n\n${FILLER}\n\n${TABLE}\n<!-- mlreport-disable-file unfilled-placeholder -->\n`), ['7:table-column-count']);
  });

  it('no rule id: every rule; several ids separated by spaces', () => {
    assert.deepEqual(findings(`<!-- mlreport-disable-file -->\n## Abstract\n\n${FILLER}\n\n${TABLE}`), []);
    assert.deepEqual(findings(`## Abstract\n\n${FILLER}\n\n<!-- mlreport-disable table-column-count  unfilled-placeholder -->\n${TABLE}<!-- mlreport-enable table-column-count unfilled-placeholder -->\n`), ['3:unfilled-placeholder']);
  });

  it('a suppression that suppresses nothing is information under unused-suppression, with a fix removing it', () => {
    const text = `${FRONT}## Abstract\n\nWe fine-tune.\n\n<!-- mlreport-disable-next-line unfilled-placeholder nope -->\nPlain text.\n`;
    const result = lint(text, OPTIONS);
    const unused = result.findings.filter((f) => f.rule === 'unused-suppression');
    assert.deepEqual(unused.map((f) => [f.severity, f.message]), [
      ['info', 'This suppression of "unfilled-placeholder" suppresses nothing; remove it.'],
      ['info', 'This suppression of "nope" suppresses nothing ("nope" is not a rule id); remove it.'],
    ]);
    const fix = unused[0]?.fix;
    assert.ok(fix);
    assert.equal(applyEdits(text, fix.edits), `${FRONT}## Abstract\n\nWe fine-tune.\n\nPlain text.\n`);
  });

  it('unused-suppression follows its setting, and a suppression of a rule that is off is not unused', () => {
    const body = `## Abstract\n\n<!-- mlreport-disable-next-line section-order -->\nPlain.\n`;
    assert.deepEqual(findings(body), []);
    assert.deepEqual(findings(body, { rules: { ...OPTIONS.rules, 'section-order': 'warning' } }), ['3:unused-suppression']);
    assert.deepEqual(findings(body, { rules: { ...OPTIONS.rules, 'section-order': 'warning', 'unused-suppression': 'off' } }), []);
  });

  it('comments in code are not suppressions; internal errors are never suppressed', () => {
    assert.deepEqual(findings(`## Abstract\n\n\`\`\`\n<!-- mlreport-disable-file -->\n\`\`\`\n\n${FILLER}\n`), ['7:unfilled-placeholder']);
    const failing: LintOptions = { ruleSet: [{ id: 'boom', description: '', defaultSeverity: 'error', scope: 'document', check: () => { throw new Error('x'); } }] };
    assert.deepEqual(findings('<!-- mlreport-disable-file -->\n## Abstract\n', failing), ['-10:internal-error', '1:unused-suppression']);
  });

  it('the incremental linter gives the same result as a fresh lint after adding and removing a suppression', () => {
    const linter = new ReportLinter(OPTIONS);
    const plain = `${FRONT}## Abstract\n\n${FILLER}\n`;
    const suppressed = `${FRONT}## Abstract\n\n<!-- mlreport-disable-next-line -->\n${FILLER}\n`;
    for (const text of [plain, suppressed, plain]) assert.deepEqual(linter.update(text).findings, lint(text, OPTIONS).findings);
  });
});

describe('quick fix: Disable RULE for this line', () => {
  function fixed(body: string, rule: string): { title: string; text: string; after: string[] } {
    const text = FRONT + body;
    const result = lint(text, OPTIONS);
    const finding = result.findings.find((f) => f.rule === rule) as Finding;
    const fix = disableFix(result, finding);
    assert.ok(fix);
    const after = applyEdits(text, fix.edits);
    return { title: fix.title, text: after.slice(FRONT.length), after: lint(after, OPTIONS).findings.map((f) => f.rule) };
  }

  it('above a line that starts a block: a disable-next-line comment', () => {
    const result = fixed(`## Abstract\n\n${FILLER}\n`, 'unfilled-placeholder');
    assert.equal(result.title, 'Disable unfilled-placeholder for this line');
    assert.equal(result.text, `## Abstract\n\n<!-- mlreport-disable-next-line unfilled-placeholder -->\n${FILLER}\n`);
    assert.deepEqual(result.after, []);
  });

  it('inside a table: the table wrapped in disable/enable, so it stays one table', () => {
    const result = fixed(`## Abstract\n\n${TABLE}`, 'table-column-count');
    assert.equal(result.title, 'Disable table-column-count for this block (lines 14-16)');
    assert.equal(result.text, `## Abstract\n\n<!-- mlreport-disable table-column-count -->\n${TABLE}<!-- mlreport-enable table-column-count -->\n`);
    assert.deepEqual(result.after, ['unfilled-placeholder']);
  });

  it('next to an existing disable-next-line comment: the rule is added to it', () => {
    const result = fixed(`## Abstract\n\n<!-- mlreport-disable-next-line table-column-count -->\n${FILLER}\n`, 'unfilled-placeholder');
    assert.match(result.text, /<!-- mlreport-disable-next-line table-column-count unfilled-placeholder -->/);
  });

  it('in the front matter: disabled for the file, after the front matter', () => {
    const text = '---\ntitle: T\ntype: ml-task-spec\n---\n\n# T\n';
    const result = lint(text);
    const finding = result.findings.find((f) => f.rule === 'frontmatter') as Finding;
    const fix = disableFix(result, finding);
    assert.equal(fix?.title, 'Disable frontmatter for this file');
    const after = applyEdits(text, fix?.edits ?? []);
    assert.match(after, /^---\ntitle: T\ntype: ml-task-spec\n---\n\n<!-- mlreport-disable-file frontmatter -->\n/);
    assert.deepEqual(lint(after).findings.filter((f) => f.rule === 'frontmatter'), []);
  });

  it('is not offered for internal errors or unused suppressions', () => {
    const text = `${FRONT}<!-- mlreport-disable-file table-column-count -->\n`;
    const result = lint(text, OPTIONS);
    const unused = result.findings.find((f) => f.rule === 'unused-suppression') as Finding;
    assert.equal(disableFix(result, unused), undefined);
  });
});
