import assert from 'node:assert/strict';
import { lint } from '../../src/core';
import type { Finding, LintOptions } from '../../src/core';
import { frontMatterEntries } from '../../src/core/parse/frontMatter';
import { isIsoDate } from '../../src/core/parse/isoDate';
import { FRONTMATTER } from '../../src/core/rules/frontmatter';
import { TABLE_COLUMN_COUNT } from '../../src/core/rules/tableColumnCount';

const REQUIRED = 'title: T\nauthors: A\n';

function frontmatterFindings(text: string, options: LintOptions = {}): Finding[] {
  return lint(text, options).findings.filter((finding) => finding.rule === FRONTMATTER);
}

function where(text: string, finding: Finding): [number, number, string] {
  return [finding.range.start.line, finding.range.start.column, text.slice(finding.range.start.offset, finding.range.end.offset)];
}

describe('front matter dates', () => {
  it('accepts calendar dates and ISO 8601 date-times', () => {
    for (const date of ['2025-01-02', '2024-02-29', '2025-03-14T09:30', '2025-03-14T09:30:00Z', '2025-03-14 09:30:00.123+02:00', '2025-03-14T09:30:00-0500']) {
      assert.ok(isIsoDate(date), date);
    }
  });

  it('rejects impossible dates and words', () => {
    for (const date of ['2025-13-45', '2025-02-29', '2025-04-31', '2025-00-10', 'yesterday', '2025', '14/03/2025', '2025-3-4', '2025-03-14T24:00', '2025-03-14T10:60', '']) {
      assert.ok(!isIsoDate(date), date);
    }
  });

  it('reports a bad date on its value and leaves a {{DATE}} slot to the placeholder rule', () => {
    const bad = `---\ntype: ml-experiment-report\n${REQUIRED}date: yesterday # a comment\n---\n# T\n`;
    assert.deepEqual(frontmatterFindings(bad).map((f) => [...where(bad, f), f.severity]), [[5, 7, 'yesterday', 'warning']]);
    for (const slot of ['{{DATE}}', '"{{DATE}}"']) {
      assert.deepEqual(frontmatterFindings(`---\ntype: ml-experiment-report\n${REQUIRED}date: ${slot}\n---\n# T\n`), [], slot);
    }
    const number = `---\ntype: ml-experiment-report\n${REQUIRED}date: 20250314\n---\n# T\n`;
    assert.deepEqual(frontmatterFindings(number).map((f) => where(number, f)), [[5, 7, '20250314']]);
  });
});

describe('frontmatter rule', () => {
  it('puts a YAML syntax error at its line and column in the file, with CRLF and a BOM, and still lints the body', () => {
    const text = '\uFEFF---\r\ntype: ml-experiment-report\r\ntitle: "Ünïcode 🚀"\r\nauthors: [A, B]]\r\ndate: 2025-01-02\r\n---\r\n\r\n# T\r\n\r\n| a | b |\r\n|---|---|\r\n| 1 |\r\n';
    const result = lint(text);
    assert.equal(result.kind?.id, 'ml-experiment-report', 'the type line is read even though the YAML is invalid');
    const [error, ...others] = result.findings.filter((f) => f.rule === FRONTMATTER);
    assert.deepEqual(others, [], 'no key checks on YAML that could not be read');
    assert.ok(error);
    assert.equal(error.severity, 'error');
    assert.match(error.message, /^Invalid YAML in front matter: /);
    assert.deepEqual([error.range.start.line, error.range.start.column], [4, 16]);
    assert.equal(text.slice(1).split('\r\n')[3]?.slice(15), ']');
    assert.ok(result.findings.some((f) => f.rule === TABLE_COLUMN_COUNT), 'other rules still run');
  });

  it('keeps a YAML error at its place when the YAML itself starts with a BOM (js-yaml drops it before counting)', () => {
    const text = '---\n\uFEFFtype: ml-experiment-report\nauthors: [A]]\n---\n\n# T\n';
    const [error] = frontmatterFindings(text, { kind: 'ml-experiment-report' });
    assert.ok(error);
    assert.deepEqual(where(text, error), [3, 13, ']']);
  });

  it('reports a duplicate key as an error on its second line', () => {
    const text = `---\ntype: ml-experiment-report\n${REQUIRED}date: 2025-01-02\nauthors: B\n---\n# T\n`;
    assert.deepEqual(frontmatterFindings(text).map((f) => [...where(text, f), f.severity, f.message]), [
      [6, 1, 'authors: B', 'error', 'Front matter key "authors" appears more than once.'],
    ]);
  });

  it('reports each missing required key on the opening fence and empty required keys on the key', () => {
    const text = '---\ntype: ml-task-spec\ntitle: ""\nauthors: []\nversion:\n---\n# T\n';
    assert.deepEqual(frontmatterFindings(text).map((f) => [...where(text, f), f.message]), [
      [1, 1, '---', 'Front matter has no "date:"; ML Task Specification reports need it.'],
      [1, 1, '---', 'Front matter has no "project:"; ML Task Specification reports need it.'],
      [3, 1, 'title', 'Front matter "title:" is empty.'],
      [4, 1, 'authors', 'Front matter "authors:" is empty.'],
      [5, 1, 'version', 'Front matter "version:" is empty.'],
    ]);
  });

  it('ignores empty optional keys', () => {
    assert.deepEqual(frontmatterFindings(`---\ntype: ml-experiment-report\n${REQUIRED}date: 2025-01-02\ntags:\n---\n# T\n`), []);
  });

  it('asks for front matter, naming type and the required keys, when the kind is forced', () => {
    const [finding] = frontmatterFindings('# Title\n', { kind: 'ml-task-spec' });
    assert.equal(finding?.severity, 'warning');
    assert.equal(finding?.message, 'No front matter. Start the file with a "---" line, then "type: ml-task-spec", "title:", "authors:", "date:", "version:", "project:", and a closing "---" line.');
  });

  it('names the known kinds for an unknown type, only when the kind was forced and the type names no kind', () => {
    const text = `---\ntype: lab-notes\n${REQUIRED}date: 2025-01-02\n---\n# T\n`;
    const findings = frontmatterFindings(text, { kind: 'ml-experiment-report' });
    assert.deepEqual(findings.map((f) => [...where(text, f), f.message]), [
      [2, 7, 'lab-notes', 'Front matter "type: lab-notes" is not a known report kind (known kinds: ml-experiment-report, ml-task-spec); linted as ml-experiment-report.'],
    ]);
    assert.equal(lint(text).notReport, 'front matter type "lab-notes" is not a report kind');
    const otherKnownKind = `---\ntype: ml-task-spec\n${REQUIRED}date: 2025-01-02\n---\n# T\n`;
    assert.deepEqual(frontmatterFindings(otherKnownKind, { kind: 'ml-experiment-report' }), []);
  });

  it('reports front matter that is a list or a scalar as an error', () => {
    for (const [yaml, what] of [['- a\n- b', 'a list'], ['just words', 'a single string value'], ['42', 'a single number value']]) {
      const [finding] = frontmatterFindings(`---\n${yaml}\n---\n# T\n`, { kind: 'ml-experiment-report' });
      assert.equal(finding?.severity, 'error');
      assert.equal(finding?.message, `Front matter is ${what}, not a mapping of keys to values such as "type: ...".`);
      assert.equal(finding?.range.start.line, 2);
    }
  });

  it('survives a YAML alias bomb without expanding it', () => {
    const levels = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
    for (let i = 1; i < 10; i++) {
      const name = String.fromCharCode(97 + i);
      const previous = String.fromCharCode(96 + i);
      levels.push(`${name}: &${name} [${Array.from({ length: 9 }, () => `*${previous}`).join(',')}]`);
    }
    const text = `---\ntype: ml-experiment-report\n${REQUIRED}date: 2025-01-02\n${levels.join('\n')}\n---\n# T\n`;
    const started = Date.now();
    assert.deepEqual(frontmatterFindings(text), []);
    assert.ok(Date.now() - started < 5000, 'linted without expanding 9^10 strings');
  });

  it('reports very deep nesting as an error instead of crashing', () => {
    const cases: [string, number][] = [
      [`deep: ${'['.repeat(10000)}${']'.repeat(10000)}`, 6],
      [`deep:\n${Array.from({ length: 1000 }, (_, i) => `${' '.repeat(i + 1)}k${i}:`).join('\n')}`, 105],
    ];
    for (const [deep, line] of cases) {
      const text = `---\ntype: ml-experiment-report\n${REQUIRED}date: 2025-01-02\n${deep}\n---\n# T\n`;
      const result = lint(text);
      assert.equal(result.kind?.id, 'ml-experiment-report');
      const findings = result.findings.filter((f) => f.rule === FRONTMATTER);
      assert.equal(findings.length, 1);
      assert.equal(findings[0]?.message, 'Front matter is nested too deeply to read (more than 100 levels).');
      assert.equal(findings[0]?.range.start.line, line, 'where the nesting passes 100 levels');
    }
  });

  it('finds top-level keys with quoted names, comments and CRLF, at document offsets', () => {
    const yamlText = '"date": 2025-01-02  # when\r\nnested:\r\n  inner: 1\r\n\'type\': "a # b"\r\ntitle:';
    const entries = frontMatterEntries({ yamlStart: 4, yamlText });
    assert.deepEqual(entries.map((e) => [e.key, e.value, yamlText.slice(e.valueStart - 4, e.valueEnd - 4), yamlText.slice(e.keyStart - 4, e.keyEnd - 4)]), [
      ['date', '2025-01-02', '2025-01-02', '"date"'],
      ['nested', '', '', 'nested'],
      ['type', '"a # b"', '"a # b"', "'type'"],
      ['title', '', '', 'title'],
    ]);
  });

  it('finds top-level keys that share an indentation, after blank and comment lines, and not the keys nested under them', () => {
    const yamlText = '# about\n\n  type: ml-task-spec\n  nested:\n    inner: 1\n  title: T';
    const entries = frontMatterEntries({ yamlStart: 0, yamlText });
    assert.deepEqual(entries.map((e) => [e.key, yamlText.slice(e.keyStart, e.keyEnd), e.value]), [
      ['type', 'type', 'ml-task-spec'],
      ['nested', 'nested', ''],
      ['title', 'title', 'T'],
    ]);
  });
});
