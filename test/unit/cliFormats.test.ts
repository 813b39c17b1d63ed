import assert from 'node:assert/strict';
import { formatGithub } from '../../src/cli/formats/github';
import { formatJson } from '../../src/cli/formats/json';
import { formatSarif } from '../../src/cli/formats/sarif';
import { formatStylish } from '../../src/cli/formats/stylish';
import type { LintReport } from '../../src/cli/formats/types';
import type { Finding, Severity } from '../../src/core';

function finding(rule: string, severity: Severity, message: string, line: number, column: number, endLine = line, endColumn = column + 1): Finding {
  return {
    rule,
    severity,
    message,
    range: { start: { line, column, offset: 0 }, end: { line: endLine, column: endColumn, offset: 0 } },
  };
}

const plain = { color: false };

describe('CLI formats', () => {
  describe('github', () => {
    it('escapes %, CR and LF in messages and also : and , in properties', () => {
      const report: LintReport = {
        cwd: '/w',
        failures: [],
        files: [{ path: '/w/a:b,c%.md', shownAs: 'a:b,c%.md', kind: 'k', findings: [finding('r:1,x', 'warning', '100% done,\r\nnext: x', 3, 4, 5, 6)] }],
      };
      assert.equal(formatGithub(report, plain), '::warning file=a%3Ab%2Cc%25.md,line=3,col=4,endLine=5,endColumn=6,title=r%3A1%2Cx::100%25 done,%0D%0Anext: x\n');
    });

    it('prints nothing without findings', () => {
      assert.equal(formatGithub({ cwd: '/w', failures: [], files: [{ path: '/w/a.md', shownAs: 'a.md', kind: 'k', findings: [] }] }, plain), '');
    });
  });

  describe('stylish', () => {
    it('right-aligns line numbers at the colon, pads columns, and flattens multi-line messages', () => {
      const report: LintReport = {
        cwd: '/w',
        failures: [],
        files: [
          {
            path: '/w/a.md',
            shownAs: 'a.md',
            kind: 'k',
            findings: [finding('x', 'info', 'first\nsecond', 9, 1), finding('long-rule', 'error', 'm', 120, 14)],
          },
        ],
      };
      assert.equal(
        formatStylish(report, plain),
        ['', 'a.md', '    9:1   info   first second  x', '  120:14  error  m             long-rule', '', '✖ 2 problems (1 error, 0 warnings, 1 info)', ''].join('\n'),
      );
    });

    it('prints nothing when no report was linted', () => {
      assert.equal(formatStylish({ cwd: '/w', failures: [], files: [] }, plain), '');
    });
  });

  describe('json', () => {
    it('keeps the public field order and names', () => {
      const report: LintReport = {
        cwd: '/w',
        failures: [],
        files: [{ path: '/w/a.md', shownAs: 'a.md', kind: 'ml-task-spec', findings: [finding('frontmatter', 'error', 'Bad', 1, 1, 1, 5)] }],
      };
      assert.equal(
        formatJson(report, plain),
        '[{"file":"a.md","kind":"ml-task-spec","diagnostics":[{"rule":"frontmatter","severity":"error","message":"Bad","line":1,"column":1,"endLine":1,"endColumn":5}]}]\n',
      );
    });
  });

  describe('sarif', () => {
    it('records files that could not be linted and points outside the working folder with file URIs', () => {
      const report: LintReport = {
        cwd: '/w/project',
        failures: [{ shownAs: 'b.md', message: 'looks binary' }],
        files: [{ path: '/w/other/a#1.md', shownAs: '../other/a#1.md', kind: 'k', findings: [finding('frontmatter', 'error', 'Bad', 1, 1)] }],
      };
      const run = (JSON.parse(formatSarif(report, plain)) as { runs: Record<string, unknown>[] }).runs[0] as {
        originalUriBaseIds: Record<string, { uri: string }>;
        invocations: { executionSuccessful: boolean; toolExecutionNotifications: { level: string; message: { text: string } }[] }[];
        results: { locations: { physicalLocation: { artifactLocation: { uri: string; uriBaseId?: string } } }[] }[];
      };
      assert.equal(run.originalUriBaseIds['%SRCROOT%']?.uri, 'file:///w/project/');
      assert.deepEqual(run.invocations, [
        { executionSuccessful: false, toolExecutionNotifications: [{ level: 'error', message: { text: 'b.md: looks binary' } }] },
      ]);
      assert.deepEqual(run.results[0]?.locations[0]?.physicalLocation.artifactLocation, { uri: 'file:///w/other/a%231.md' });
    });
  });
});
