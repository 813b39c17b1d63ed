import assert from 'node:assert/strict';
import fc from 'fast-check';
import { defaultConfig, matchesConfigFiles, parseConfig, parseConfigText, parseRuleSetting } from '../../src/core/config';
import { jsonErrorOffset } from '../../src/core/text/jsonError';

describe('parseConfig', () => {
  it('normalizes a valid configuration without problems', () => {
    const { config, problems } = parseConfig({
      $schema: './schema.json',
      rules: { 'section-order': 'off', 'empty-section': 'error', 'missing-section': 'info' },
      files: ['./reports/**/*.md', 'notes/*.md'],
      kind: 'ml-task-spec',
    });
    assert.deepEqual(problems, []);
    assert.deepEqual(config, {
      rules: { 'section-order': 'off', 'empty-section': 'error', 'missing-section': 'info' },
      files: ['reports/**/*.md', 'notes/*.md'],
      kind: 'ml-task-spec',
    });
  });

  it('defaults to no rule changes, no globs and the experiment report kind', () => {
    assert.deepEqual(parseConfig({}), { config: { rules: {}, files: [], kind: 'ml-experiment-report' }, problems: [], errors: [] });
    assert.deepEqual(defaultConfig(), parseConfig({}).config);
  });

  it('keeps the valid part and names each unknown key, rule id and value', () => {
    const { config, problems } = parseConfig({
      rule: {},
      rules: { 'missing-sectoin': 'off', 'section-order': 'warn', 'empty-section': 2, 'duplicate-section': 'off' },
      files: ['ok/*.md', 3, ''],
      kind: 'blog-post',
    });
    assert.deepEqual(config, { rules: { 'duplicate-section': 'off' }, files: ['ok/*.md'], kind: 'ml-experiment-report' });
    assert.equal(problems.length, 7, problems.join('\n'));
    const expected = [
      /unknown key "rule"/,
      /unknown rule "missing-sectoin".*known rules: missing-section/,
      /rule "section-order": "warn" is not a setting \(did you mean "warning"\?\)/,
      /rule "empty-section": number 2 is not a setting/,
      /"files": number 3 is not a glob string/,
      /"files": "" is not a glob string/,
      /"kind": "blog-post" is not a report kind \(known kinds: ml-experiment-report, ml-task-spec\)/,
    ];
    expected.forEach((pattern, index) => assert.match(problems[index] ?? '', pattern));
  });

  it('takes a single glob string for files', () => {
    assert.deepEqual(parseConfig({ files: 'reports/*.md' }).config.files, ['reports/*.md']);
  });

  it('rejects values of the wrong shape with a problem, not an exception', () => {
    for (const value of [null, [], 'rules', 42]) {
      const { config, problems } = parseConfig(value);
      assert.deepEqual(config, defaultConfig());
      assert.equal(problems.length, 1);
      assert.match(problems[0] ?? '', /must be a JSON object/);
    }
    const { problems } = parseConfig({ rules: ['off'], files: { a: 1 } });
    assert.match(problems[0] ?? '', /"rules" must be an object/);
    assert.match(problems[1] ?? '', /"files" must be an array/);
  });
});

describe('parseRuleSetting', () => {
  it('accepts the four settings of a known rule', () => {
    for (const setting of ['off', 'info', 'warning', 'error']) assert.equal(parseRuleSetting('frontmatter', setting), setting);
    assert.deepEqual(parseRuleSetting('frontmatter', 'Error'), {
      problem: 'rule "frontmatter": "Error" is not a setting; use "off", "info", "warning", "error"',
    });
    assert.match((parseRuleSetting('nope', 'off') as { problem: string }).problem, /unknown rule "nope"/);
  });
});

describe('parseConfigText', () => {
  it('parses JSON with a BOM', () => {
    const parsed = parseConfigText('\uFEFF{"rules": {"frontmatter": "warning"}}');
    assert.equal(parsed.syntaxError, undefined);
    assert.deepEqual(parsed.config.rules, { frontmatter: 'warning' });
  });

  it('gives the line and column of a syntax error', () => {
    const cases: [string, number, number][] = [
      ['{\n  "rules": {\n    "frontmatter": "off",\n  }\n}', 4, 3],
      ['{"rules": }', 1, 11],
      ['{\r\n  "kind" "x"\r\n}', 2, 10],
      ['{\n  "files": ["a.md"\n', 3, 1],
      ['', 1, 1],
      ['{} x', 1, 4],
    ];
    for (const [text, line, column] of cases) {
      const { syntaxError, config } = parseConfigText(text);
      assert.ok(syntaxError, text);
      assert.deepEqual([syntaxError.line, syntaxError.column], [line, column], text);
      assert.match(syntaxError.message, new RegExp(`^invalid JSON at line ${line}, column ${column}: `));
      assert.deepEqual(config, defaultConfig());
    }
  });
});

describe('jsonErrorOffset', () => {
  it('agrees with JSON.parse on what is valid JSON', () => {
    const jsonish = fc.oneof(
      fc.json(),
      fc.json().map((text) => text.slice(0, -1)),
      fc.stringMatching(/^[\s{}[\]",:0-9.eE+\-tfrulnas\\]{0,20}$/),
    );
    fc.assert(
      fc.property(jsonish, (text) => {
        let valid = true;
        try {
          JSON.parse(text);
        } catch {
          valid = false;
        }
        const offset = jsonErrorOffset(text);
        assert.equal(offset === undefined, valid, text);
        if (offset !== undefined) assert.ok(offset >= 0 && offset <= text.length);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('matchesConfigFiles', () => {
  it('matches paths relative to the config folder, dot folders included, never outside it', () => {
    const config = { ...defaultConfig(), files: ['reports/**/*.md', 'notes.md'] };
    assert.equal(matchesConfigFiles(config, 'reports/a.md'), true);
    assert.equal(matchesConfigFiles(config, 'reports/2024/.drafts/b.md'), true);
    assert.equal(matchesConfigFiles(config, 'notes.md'), true);
    assert.equal(matchesConfigFiles(config, 'other/a.md'), false);
    assert.equal(matchesConfigFiles(config, '../reports/a.md'), false);
    assert.equal(matchesConfigFiles(defaultConfig(), 'reports/a.md'), false);
  });
});
