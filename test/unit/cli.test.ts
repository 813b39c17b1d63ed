import assert from 'node:assert/strict';
import { symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { RULE_IDS } from '../../src/core';
import { BROKEN_REPORT, PLAIN_NOTE, WARNING_REPORT, onlyRules, runCli, tempTree } from './cliHarness';

const ESC = '\u001b';
const TABLES_AND_PLACEHOLDERS = onlyRules('table-column-count', 'unfilled-placeholder');
const PLACEHOLDERS = onlyRules('unfilled-placeholder');

interface JsonEntry {
  file: string;
  kind: string;
  diagnostics: { rule: string; severity: string; message: string; line: number; column: number; endLine: number; endColumn: number }[];
}

function parseJson(stdout: string): JsonEntry[] {
  const parsed = JSON.parse(stdout) as JsonEntry[];
  assert.ok(Array.isArray(parsed));
  for (const entry of parsed) {
    for (const diagnostic of entry.diagnostics) {
      assert.equal(typeof diagnostic.message, 'string');
      assert.ok(diagnostic.message.length > 0);
    }
  }
  return parsed;
}

/** The JSON entries without messages, which the rules' authors may reword. */
function positions(entries: JsonEntry[]): unknown[] {
  return entries.map((entry) => ({ ...entry, diagnostics: entry.diagnostics.map(({ message: _message, ...rest }) => rest) }));
}

describe('mlreport lint', () => {
  let tree: ReturnType<typeof tempTree>;
  afterEach(() => tree.cleanup());

  describe('--format json', () => {
    it('prints one array with an entry per file linted, 1-based positions, exit 1 on an error', () => {
      tree = tempTree({ 'broken.md': BROKEN_REPORT, 'sub/spec.md': WARNING_REPORT });
      const result = runCli(['lint', '--format', 'json', ...TABLES_AND_PLACEHOLDERS, 'broken.md', 'sub'], tree.root);
      assert.equal(result.code, 1, result.stderr);
      assert.equal(result.stderr, '');
      assert.equal(result.stdout.trim().split('\n').length, 1, 'one JSON document on one line');
      assert.deepEqual(positions(parseJson(result.stdout)), [
        {
          file: 'broken.md',
          kind: 'ml-experiment-report',
          diagnostics: [
            { rule: 'table-column-count', severity: 'error', line: 10, column: 1, endLine: 10, endColumn: 6 },
            { rule: 'unfilled-placeholder', severity: 'warning', line: 13, column: 5, endLine: 13, endColumn: 16 },
          ],
        },
        {
          file: 'sub/spec.md',
          kind: 'ml-task-spec',
          diagnostics: [{ rule: 'unfilled-placeholder', severity: 'warning', line: 8, column: 5, endLine: 8, endColumn: 16 }],
        },
      ]);
    });

    it('prints an empty array when nothing was linted', () => {
      tree = tempTree({ 'notes.md': PLAIN_NOTE });
      const result = runCli(['lint', '-f', 'json', 'notes.md'], tree.root);
      assert.equal(result.code, 0);
      assert.deepEqual(JSON.parse(result.stdout), []);
    });

    it('counts positions after a BOM and across CRLF line breaks as in the LF file', () => {
      tree = tempTree({ 'lf.md': BROKEN_REPORT, 'crlf.md': `\uFEFF${BROKEN_REPORT.replace(/\n/g, '\r\n')}` });
      const result = runCli(['lint', '-f', 'json', ...TABLES_AND_PLACEHOLDERS, 'lf.md', 'crlf.md'], tree.root);
      const [lf, crlf] = parseJson(result.stdout);
      assert.ok(lf && crlf);
      assert.deepEqual(crlf.diagnostics, lf.diagnostics);
    });
  });

  describe('--format stylish (the default)', () => {
    it('prints each file, aligned line:col, severity, message and rule, then the totals', () => {
      tree = tempTree({ 'broken.md': BROKEN_REPORT, 'spec.md': WARNING_REPORT });
      const result = runCli(['lint', ...TABLES_AND_PLACEHOLDERS, '.'], tree.root);
      assert.equal(result.code, 1);
      const lines = result.stdout.split('\n');
      assert.equal(lines[0], '');
      assert.equal(lines[1], 'broken.md');
      assert.match(lines[2] ?? '', /^ {2}10:1 {2}error {4}\S.* {2}table-column-count$/);
      assert.match(lines[3] ?? '', /^ {2}13:5 {2}warning {2}\S.* {2}unfilled-placeholder$/);
      assert.equal(lines[2]?.indexOf('table-column-count'), lines[3]?.indexOf('unfilled-placeholder'), 'rule ids aligned');
      assert.equal(lines[4], '');
      assert.equal(lines[5], 'spec.md');
      assert.match(lines[6] ?? '', /^ {2}8:5 {2}warning {2}\S.* {2}unfilled-placeholder$/);
      assert.equal(lines.at(-2), '✖ 3 problems (1 error, 2 warnings, 0 infos)');
      assert.equal(lines.at(-1), '');
      assert.ok(!result.stdout.includes(ESC), 'no colour unless asked');
    });

    it('colours severities and the summary when colour is on', () => {
      tree = tempTree({ 'broken.md': BROKEN_REPORT });
      const result = runCli(['lint', ...TABLES_AND_PLACEHOLDERS, '.'], tree.root, { color: true });
      assert.ok(result.stdout.includes(`${ESC}[31merror`), result.stdout);
      assert.ok(result.stdout.includes(`${ESC}[33mwarning`), result.stdout);
      assert.ok(result.stdout.includes(`${ESC}[1m${ESC}[31m✖ 2 problems (1 error, 1 warning, 0 infos)`), result.stdout);
    });

    it('says so when there are no problems', () => {
      tree = tempTree({ 'a.md': WARNING_REPORT, 'b.md': WARNING_REPORT });
      const result = runCli(['lint', ...onlyRules(), '.'], tree.root);
      assert.equal(result.code, 0);
      assert.equal(result.stdout, '✔ 2 reports linted, no problems\n');
    });
  });

  describe('--format sarif', () => {
    it('writes a SARIF 2.1.0 log with the rules and one result per finding', () => {
      tree = tempTree({ 'my reports/broken.md': BROKEN_REPORT });
      const result = runCli(['lint', '--format=sarif', ...TABLES_AND_PLACEHOLDERS, 'my reports'], tree.root);
      assert.equal(result.code, 1);
      const log = JSON.parse(result.stdout) as SarifLog;
      assert.equal(log.version, '2.1.0');
      assert.match(log.$schema, /sarif-2\.1\.0/);
      assert.equal(log.runs.length, 1);
      const [run] = log.runs;
      assert.ok(run);
      const driver = run.tool.driver;
      assert.equal(driver.name, 'mlreport');
      assert.match(driver.version, /^\d+\.\d+\.\d+/);
      assert.match(driver.informationUri, /^https:\/\//);
      assert.deepEqual(driver.rules.map((rule) => rule.id), [...RULE_IDS, 'internal-error']);
      for (const rule of driver.rules) {
        assert.ok(rule.shortDescription.text.length > 0);
        assert.equal(rule.helpUri, `${driver.informationUri}#rule-${rule.id}`);
      }
      assert.deepEqual(
        run.results.map((r) => [r.ruleId, driver.rules[r.ruleIndex]?.id, r.level, r.locations[0]?.physicalLocation.artifactLocation.uri, r.locations[0]?.physicalLocation.region]),
        [
          ['table-column-count', 'table-column-count', 'error', 'my%20reports/broken.md', { startLine: 10, startColumn: 1, endLine: 10, endColumn: 6 }],
          ['unfilled-placeholder', 'unfilled-placeholder', 'warning', 'my%20reports/broken.md', { startLine: 13, startColumn: 5, endLine: 13, endColumn: 16 }],
        ],
      );
      assert.ok(run.results.every((r) => r.message.text.length > 0));
    });

    it('maps info to note', () => {
      tree = tempTree({ 'a.md': WARNING_REPORT });
      const result = runCli(['lint', '-f', 'sarif', ...PLACEHOLDERS, '--rule', 'unfilled-placeholder=info', 'a.md'], tree.root);
      assert.equal(result.code, 0);
      const log = JSON.parse(result.stdout) as SarifLog;
      assert.deepEqual(log.runs[0]?.results.map((r) => r.level), ['note']);
    });
  });

  describe('--format github', () => {
    it('prints one workflow command per finding, info as notice', () => {
      tree = tempTree({ 'a,b.md': BROKEN_REPORT });
      const result = runCli(['lint', '-f', 'github', ...TABLES_AND_PLACEHOLDERS, '--rule', 'unfilled-placeholder=info', 'a,b.md'], tree.root);
      assert.equal(result.code, 1);
      const lines = result.stdout.trimEnd().split('\n');
      assert.equal(lines.length, 2);
      assert.match(lines[0] ?? '', /^::error file=a%2Cb\.md,line=10,col=1,endLine=10,endColumn=6,title=table-column-count::\S/);
      assert.match(lines[1] ?? '', /^::notice file=a%2Cb\.md,line=13,col=5,endLine=13,endColumn=16,title=unfilled-placeholder::\S/);
    });
  });

  describe('exit codes and rule settings', () => {
    it('exits 0 when there are only warnings', () => {
      tree = tempTree({ 'a.md': WARNING_REPORT });
      assert.equal(runCli(['lint', ...PLACEHOLDERS, 'a.md'], tree.root).code, 0);
    });

    it('exits 0 when --rule lowers the only error to a warning, and drops a rule set to off', () => {
      tree = tempTree({ 'a.md': BROKEN_REPORT });
      const lowered = runCli(['lint', '-f', 'json', ...TABLES_AND_PLACEHOLDERS, '--rule', 'table-column-count=warning', 'a.md'], tree.root);
      assert.equal(lowered.code, 0);
      assert.deepEqual(parseJson(lowered.stdout)[0]?.diagnostics.map((d) => `${d.rule}:${d.severity}`), ['table-column-count:warning', 'unfilled-placeholder:warning']);
      const off = runCli(['lint', '-f', 'json', ...TABLES_AND_PLACEHOLDERS, '-r', 'unfilled-placeholder=off', 'a.md'], tree.root);
      assert.deepEqual(parseJson(off.stdout)[0]?.diagnostics.map((d) => d.rule), ['table-column-count']);
    });

    it('exits 2 for a --kind that neither mlreport nor the file\'s configuration knows', () => {
      tree = tempTree({ 'a.md': WARNING_REPORT });
      const result = runCli(['lint', '--kind', 'blog', 'a.md'], tree.root);
      assert.equal(result.code, 2);
      assert.match(result.stderr, /a\.md: unknown kind "blog"; use one of ml-experiment-report, ml-task-spec/);
    });

    it('exits 2 on bad usage, with a message naming the mistake', () => {
      tree = tempTree({ 'a.md': WARNING_REPORT });
      const cases: [string[], RegExp][] = [
        [['lint', '--bogus', 'a.md'], /Unknown option '--bogus'/],
        [['lint', '--format', 'xml', 'a.md'], /unknown format "xml"; use one of stylish, json, sarif, github/],
        [['lint', '--no-config', '--kind', 'blog', 'a.md'], /unknown kind "blog"/],
        [['lint'], /no PATH to lint/],
        [['lint', '--rule', 'nope=off', 'a.md'], /unknown rule "nope"/],
        [['lint', '--rule', 'frontmatter', 'a.md'], /not ID=SETTING/],
        [['lint', '--rule', 'frontmatter=warn', 'a.md'], /did you mean "warning"/],
        [['lint', '--max-size', 'big', 'a.md'], /--max-size "big"/],
        [['lint', '--config', 'x.json', '--no-config', 'a.md'], /exclude each other/],
        [['lint', '--format'], /argument missing/],
        [['frobnicate'], /unknown command "frobnicate"/],
        [['--bogus'], /unknown option "--bogus"/],
      ];
      for (const [argv, message] of cases) {
        const result = runCli(argv, tree.root);
        assert.equal(result.code, 2, argv.join(' '));
        assert.match(result.stderr, message, argv.join(' '));
        assert.match(result.stderr, /Run "mlreport( lint)? --help" for usage/);
        assert.equal(result.stdout, '');
      }
    });
  });

  describe('files that are not reports', () => {
    it('skips them with a note on standard error', () => {
      tree = tempTree({ 'notes.md': PLAIN_NOTE, 'blog.md': '---\ntype: blog-post\n---\n# Post\n', 'a.md': WARNING_REPORT });
      const result = runCli(['lint', '-f', 'json', ...PLACEHOLDERS, '.'], tree.root);
      assert.equal(result.code, 0);
      assert.deepEqual(parseJson(result.stdout).map((entry) => entry.file), ['a.md']);
      assert.equal(
        result.stderr,
        'blog.md: skipped, not a report (front matter type "blog-post" is not a report kind); use --kind to lint it anyway\n' +
          'notes.md: skipped, not a report (no front matter "type:" naming a report kind); use --kind to lint it anyway\n',
      );
    });

    it('lints them as the kind --kind names, and --kind overrides a declared kind', () => {
      tree = tempTree({ 'notes.md': `${PLAIN_NOTE}{{X}}\n`, 'a.md': WARNING_REPORT });
      const result = runCli(['lint', '-f', 'json', ...PLACEHOLDERS, '--kind', 'ml-experiment-report', 'notes.md', 'a.md'], tree.root);
      assert.equal(result.stderr, '');
      assert.deepEqual(positions(parseJson(result.stdout)), [
        { file: 'notes.md', kind: 'ml-experiment-report', diagnostics: [{ rule: 'unfilled-placeholder', severity: 'warning', line: 4, column: 1, endLine: 4, endColumn: 6 }] },
        { file: 'a.md', kind: 'ml-experiment-report', diagnostics: [{ rule: 'unfilled-placeholder', severity: 'warning', line: 8, column: 5, endLine: 8, endColumn: 16 }] },
      ]);
    });

    it('lints a report whose front matter YAML is broken, reporting the YAML error', () => {
      tree = tempTree({ 'a.md': '---\ntitle: [unclosed\ntype: ml-experiment-report\n---\n# A\n' });
      const result = runCli(['lint', '-f', 'json', ...onlyRules('frontmatter'), 'a.md'], tree.root);
      assert.equal(result.code, 1, result.stderr);
      const [entry] = parseJson(result.stdout);
      assert.equal(entry?.kind, 'ml-experiment-report');
      assert.deepEqual(entry?.diagnostics.map((d) => [d.rule, d.severity]), [['frontmatter', 'error']]);
    });
  });

  describe('paths', () => {
    it('expands a folder to its .md files recursively, without node_modules and .git, and lints each file once', () => {
      tree = tempTree({
        'docs/a.md': WARNING_REPORT,
        'docs/deep/er/b.md': WARNING_REPORT,
        'docs/.hidden/c.md': WARNING_REPORT,
        'docs/node_modules/pkg/README.md': WARNING_REPORT,
        'docs/.git/d.md': WARNING_REPORT,
        'docs/notes.txt': WARNING_REPORT,
        'docs/e.markdown.bak': WARNING_REPORT,
      });
      const result = runCli(['lint', '-f', 'json', ...PLACEHOLDERS, 'docs', 'docs/a.md', './docs/deep'], tree.root);
      assert.equal(result.code, 0, result.stderr);
      assert.deepEqual(parseJson(result.stdout).map((entry) => entry.file), ['docs/.hidden/c.md', 'docs/a.md', 'docs/deep/er/b.md']);
    });

    it('lints a file reached through symbolic links once, under its own path, and survives a link loop', () => {
      tree = tempTree({ 'docs/a/r.md': WARNING_REPORT });
      symlinkSync('r.md', join(tree.root, 'docs', 'a', 'link.md'));
      symlinkSync('..', join(tree.root, 'docs', 'a', 'loop'));
      for (const args of [['docs'], ['docs/**/*.md'], ['docs/a/link.md', 'docs/a/r.md']]) {
        const result = runCli(['lint', '-f', 'json', ...PLACEHOLDERS, ...args], tree.root);
        assert.equal(result.code, 0, result.stderr);
        assert.deepEqual(parseJson(result.stdout).map((entry) => entry.file), ['docs/a/r.md'], args.join(' '));
      }
    });

    it('expands a glob relative to the working folder, and lints a named file whatever its extension', () => {
      tree = tempTree({ 'r/2024/a.md': WARNING_REPORT, 'r/2025/b.md': WARNING_REPORT, 'r/c.txt': WARNING_REPORT, 'x.md': WARNING_REPORT });
      const result = runCli(['lint', '-f', 'json', ...PLACEHOLDERS, 'r/**/*.md', 'r/c.txt'], tree.root);
      assert.equal(result.code, 0, result.stderr);
      assert.deepEqual(parseJson(result.stdout).map((entry) => entry.file), ['r/2024/a.md', 'r/2025/b.md', 'r/c.txt']);
    });

    it('prints paths outside the working folder relative to it', () => {
      tree = tempTree({ 'a/x.md': WARNING_REPORT, 'b/.keep': '' });
      const result = runCli(['lint', '-f', 'json', ...PLACEHOLDERS, '../a/x.md'], `${tree.root}/b`);
      assert.deepEqual(parseJson(result.stdout).map((entry) => entry.file), ['../a/x.md']);
    });

    it('exits 2 for a path that matches nothing, and still lints the others', () => {
      tree = tempTree({ 'a.md': BROKEN_REPORT, 'empty/notes.txt': '' });
      const result = runCli(['lint', '-f', 'json', ...TABLES_AND_PLACEHOLDERS, 'missing.md', 'a.md', 'nothing/**/*.md', 'empty'], tree.root);
      assert.equal(result.code, 2);
      assert.equal(
        result.stderr,
        'missing.md: no such file or folder\nnothing/**/*.md: no files match this glob\nempty: the folder has no .md files\n',
      );
      assert.deepEqual(parseJson(result.stdout).map((entry) => entry.file), ['a.md']);
    });
  });

  describe('files that cannot be linted', () => {
    it('reports binary, UTF-16, invalid UTF-8 and oversized files, exits 2, and lints the rest', () => {
      tree = tempTree({
        'a.md': WARNING_REPORT,
        'binary.md': Buffer.from([0x23, 0x20, 0x41, 0x0a, 0x00, 0x01, 0x02]),
        'utf16.md': Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('# A\n', 'utf16le')]),
        'latin1.md': Buffer.concat([Buffer.from('---\ntype: ml-experiment-report\n---\n# Caf'), Buffer.from([0xe9]), Buffer.from('\n')]),
        'big.md': `${WARNING_REPORT}${'x'.repeat(3584 - WARNING_REPORT.length - 1)}\n`,
      });
      const result = runCli(['lint', '-f', 'json', ...PLACEHOLDERS, '--max-size', '2KB', '.'], tree.root);
      assert.equal(result.code, 2);
      assert.deepEqual(parseJson(result.stdout).map((entry) => entry.file), ['a.md']);
      const messages = result.stderr.trimEnd().split('\n');
      assert.deepEqual(messages, [
        'big.md: is 3.5 KB, over the 2 KB limit; not linted (raise the limit with --max-size)',
        'binary.md: looks binary (a NUL byte at line 2); not linted',
        'latin1.md: is not valid UTF-8 (first bad byte on line 4); not linted (save it as UTF-8)',
        'utf16.md: is UTF-16 text; not linted (save it as UTF-8)',
      ]);
    });

    it('exits 2 rather than 1 when a file failed and another has errors', () => {
      tree = tempTree({ 'a.md': BROKEN_REPORT, 'b.md': Buffer.from([0]) });
      const result = runCli(['lint', ...TABLES_AND_PLACEHOLDERS, '.'], tree.root);
      assert.equal(result.code, 2);
      assert.match(result.stdout, /✖ 2 problems/);
    });
  });

  describe('.mlreport.json', () => {
    it('applies the nearest configuration walking up from each file; --rule overrides it', () => {
      tree = tempTree({
        '.mlreport.json': JSON.stringify({ rules: rulesOnly({ 'table-column-count': 'warning' }) }),
        'team/.mlreport.json': JSON.stringify({ rules: rulesOnly({ 'unfilled-placeholder': 'error' }) }),
        'a.md': BROKEN_REPORT,
        'team/deep/b.md': BROKEN_REPORT,
      });
      const result = runCli(['lint', '-f', 'json', '.'], tree.root);
      assert.equal(result.stderr, '');
      const severities = (entries: JsonEntry[]): string[][] => entries.map((entry) => [entry.file, ...entry.diagnostics.map((d) => `${d.rule}:${d.severity}`)]);
      assert.deepEqual(severities(parseJson(result.stdout)), [
        ['a.md', 'table-column-count:warning'],
        ['team/deep/b.md', 'unfilled-placeholder:error'],
      ]);
      assert.equal(result.code, 1);
      const overridden = runCli(['lint', '-f', 'json', '--rule', 'unfilled-placeholder=info', '.'], tree.root);
      assert.equal(overridden.code, 0);
      assert.deepEqual(severities(parseJson(overridden.stdout))[1], ['team/deep/b.md', 'unfilled-placeholder:info']);
      const ignored = runCli(['lint', '-f', 'json', '--no-config', ...PLACEHOLDERS, 'a.md'], tree.root);
      assert.deepEqual(severities(parseJson(ignored.stdout)), [['a.md', 'unfilled-placeholder:warning']]);
    });

    it('makes files matched by "files" reports of its kind, relative to its folder', () => {
      tree = tempTree({
        'project/.mlreport.json': JSON.stringify({ files: ['notes/**/*.md'], kind: 'ml-task-spec' }),
        'project/notes/week1.md': `${PLAIN_NOTE}{{X}}\n`,
        'project/other.md': PLAIN_NOTE,
        'project/notes/typed.md': WARNING_REPORT.replace('ml-task-spec', 'ml-experiment-report'),
      });
      const result = runCli(['lint', '-f', 'json', ...PLACEHOLDERS, 'project'], tree.root);
      assert.deepEqual(parseJson(result.stdout).map((entry) => [entry.file, entry.kind, entry.diagnostics.length]), [
        ['project/notes/typed.md', 'ml-experiment-report', 1],
        ['project/notes/week1.md', 'ml-task-spec', 1],
      ]);
      assert.match(result.stderr, /^project\/other\.md: skipped, not a report/);
    });

    it('uses the file --config names instead of any other', () => {
      tree = tempTree({
        '.mlreport.json': JSON.stringify({ rules: { 'unfilled-placeholder': 'off' } }),
        'cfg/strict.json': JSON.stringify({ rules: rulesOnly({ 'unfilled-placeholder': 'error' }) }),
        'a.md': WARNING_REPORT,
      });
      const result = runCli(['lint', '-f', 'json', '--config', 'cfg/strict.json', 'a.md'], tree.root);
      assert.equal(result.code, 1);
      assert.deepEqual(parseJson(result.stdout)[0]?.diagnostics.map((d) => `${d.rule}:${d.severity}`), ['unfilled-placeholder:error']);
    });

    it('warns about unknown keys, rule ids and settings, naming the file, and lints with the rest', () => {
      tree = tempTree({
        'r/.mlreport.json': JSON.stringify({ rulez: {}, rules: { ...rulesOnly({}), 'no-such-rule': 'off', 'unfilled-placeholder': 'warn' } }),
        'r/a.md': BROKEN_REPORT,
        'r/b.md': BROKEN_REPORT,
      });
      const result = runCli(['lint', '-f', 'json', 'r'], tree.root);
      const warnings = result.stderr.trimEnd().split('\n').sort();
      assert.equal(warnings.length, 3, result.stderr);
      assert.match(warnings[0] ?? '', /^r\/\.mlreport\.json: warning: "rules": rule "unfilled-placeholder": "warn" is not a setting/);
      assert.match(warnings[1] ?? '', /^r\/\.mlreport\.json: warning: "rules": unknown rule "no-such-rule"/);
      assert.match(warnings[2] ?? '', /^r\/\.mlreport\.json: warning: unknown key "rulez"/);
      assert.equal(result.code, 0);
      assert.deepEqual(parseJson(result.stdout).map((entry) => entry.diagnostics.map((d) => `${d.rule}:${d.severity}`)), [
        ['unfilled-placeholder:warning'],
        ['unfilled-placeholder:warning'],
      ]);
    });

    it('exits 2 for invalid JSON with its position, skips the files under it and lints the others', () => {
      tree = tempTree({
        'bad/.mlreport.json': '{\n  "rules": {\n    "frontmatter": "off",\n  }\n}\n',
        'bad/a.md': WARNING_REPORT,
        'bad/b.md': WARNING_REPORT,
        'good/c.md': WARNING_REPORT,
      });
      const result = runCli(['lint', '-f', 'json', ...PLACEHOLDERS, 'bad', 'good'], tree.root);
      assert.equal(result.code, 2);
      assert.deepEqual(parseJson(result.stdout).map((entry) => entry.file), ['good/c.md']);
      assert.deepEqual(result.stderr.trimEnd().split('\n'), [
        'bad/.mlreport.json:4:3: invalid JSON at line 4, column 3: ' + jsonParseMessage('{\n  "rules": {\n    "frontmatter": "off",\n  }\n}\n'),
        'bad/a.md: not linted: its configuration bad/.mlreport.json is unusable',
        'bad/b.md: not linted: its configuration bad/.mlreport.json is unusable',
      ]);
    });

    it('exits 2 for an unreadable config, skips the files under it (never falling back to a farther config) and lints the others', () => {
      tree = tempTree({
        '.mlreport.json': JSON.stringify({ rules: { 'unfilled-placeholder': 'off' } }),
        'locked/a.md': WARNING_REPORT,
        'good/c.md': WARNING_REPORT,
      });
      symlinkSync('.mlreport.json', join(tree.root, 'locked', '.mlreport.json'));
      const result = runCli(['lint', '-f', 'json', ...PLACEHOLDERS, 'locked', 'good'], tree.root);
      assert.equal(result.code, 2);
      assert.deepEqual(parseJson(result.stdout).map((entry) => entry.file), ['good/c.md']);
      const messages = result.stderr.trimEnd().split('\n');
      assert.equal(messages.length, 2, result.stderr);
      assert.match(messages[0] ?? '', /^locked\/\.mlreport\.json: cannot read the configuration: \S/);
      assert.equal(messages[1], 'locked/a.md: not linted: its configuration locked/.mlreport.json is unusable');
    });

    it('exits 2 at once when the --config file is missing or invalid', () => {
      tree = tempTree({ 'a.md': WARNING_REPORT, 'bad.json': '{"rules": }' });
      const missing = runCli(['lint', '--config', 'nope.json', 'a.md'], tree.root);
      assert.equal(missing.code, 2);
      assert.equal(missing.stderr, 'nope.json: cannot read the configuration: no such file\n');
      assert.equal(missing.stdout, '');
      const invalid = runCli(['lint', '--config', 'bad.json', 'a.md'], tree.root);
      assert.equal(invalid.code, 2);
      assert.match(invalid.stderr, /^bad\.json:1:11: invalid JSON at line 1, column 11: /);
    });
  });
});

/** A `rules` object that turns off every rule but the given ones. */
function rulesOnly(settings: Record<string, string>): Record<string, string> {
  return { ...Object.fromEntries(RULE_IDS.map((id) => [id, 'off'])), ...settings };
}

function jsonParseMessage(text: string): string {
  try {
    JSON.parse(text);
  } catch (error) {
    return (error as Error).message;
  }
  return '';
}

interface SarifLog {
  $schema: string;
  version: string;
  runs: {
    tool: { driver: { name: string; version: string; informationUri: string; rules: { id: string; shortDescription: { text: string }; helpUri: string }[] } };
    results: {
      ruleId: string;
      ruleIndex: number;
      level: string;
      message: { text: string };
      locations: { physicalLocation: { artifactLocation: { uri: string }; region: Record<string, number> } }[];
    }[];
  }[];
}
