// Every finding's range covers the text it is about, also with CRLF line endings, a BOM, tabs,
// astral characters (emoji) and combining characters. Columns are UTF-16 code units.
// Each report is linted plain and in variants with such characters injected on the lines findings
// sit on (before a placeholder, inside a broken table row, after a heading's text): the variants
// must report the same findings on the same lines, and each range must cover the right text.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { BUILTIN_KINDS, CHECKLIST_ITEMS, lint } from '../../src/core';
import type { Finding, LintResult } from '../../src/core';
import { UNFILLED_PLACEHOLDER } from '../../src/core/rules/unfilledPlaceholder';

const root = join(__dirname, '..', '..');

/** Breaks a report in the ways every rule reports: a bad date, tables with wrong counts, a missing, a repeated, an empty and a misplaced section. */
function broken(text: string): string {
  const tables = '\n| Name | Value |\n|---|\n| a | b | c |\n\n| Name | Value |\n|---|---|\n| only one |\n| a \\| b | c | d |\n| `x|y` | z |\n\n';
  return text
    .replace(/^date: .*$/m, 'date: 2024-02-30')
    .replace(/^title: .*$/m, 'title:')
    .replace(/\n(## [^\n]*\n)/, '\n$1\nAn inline {{SLOT}} and a [link] here.\n')
    .replace(/(\n## [^\n]*\n)([\s\S]*?)(\n## [^\n]*\n)/, `$1$2${tables}$3\n## References\n\n## References\n\nOne.\n`);
}

const SOURCES: { name: string; text: string }[] = [
  ...readdirSync(join(root, 'examples')).filter((name) => name.endsWith('.md')).sort().flatMap((name) => {
    const text = readFileSync(join(root, 'examples', name), 'utf8');
    return [{ name: `examples/${name}`, text }, { name: `examples/${name}, broken`, text: broken(text) }];
  }),
  ...BUILTIN_KINDS.map((kind) => ({ name: `template ${kind.id}`, text: kind.template })),
  ...BUILTIN_KINDS.map((kind) => ({ name: `template ${kind.id}, broken`, text: broken(kind.template) })),
];

const ASTRAL = '😀👩‍🔬';
/** An emoji without a joiner or variation selector, so the heading still matches its section. */
const HEADING_EMOJI = '😀🧪';
const COMBINING = 'e\u0301a\u0308';
const RTL = '\u05d0\u05d1';
const INJECTED = `${COMBINING}${ASTRAL}${RTL} `;

interface Variant {
  name: string;
  eol: '\n' | '\r\n';
  bom: boolean;
  tabs: boolean;
  unicode: boolean;
}

const VARIANTS: Variant[] = [
  { name: 'CRLF', eol: '\r\n', bom: false, tabs: false, unicode: false },
  { name: 'BOM', eol: '\n', bom: true, tabs: false, unicode: false },
  { name: 'tabs', eol: '\n', bom: false, tabs: true, unicode: false },
  { name: 'emoji and combining characters', eol: '\n', bom: false, tabs: false, unicode: true },
  { name: 'all at once', eol: '\r\n', bom: true, tabs: true, unicode: true },
];

/** Rewrites lines without adding or removing any, so findings stay on the same line numbers. */
function makeVariant(text: string, plain: LintResult, variant: Variant): string {
  const lines = text.split('\n');
  const findingLines = (rule: string): Set<number> => new Set(plain.findings.filter((f) => f.rule === rule).map((f) => f.range.start.line - 1));
  const tableRows = findingLines('table-column-count');
  const placeholderLines = findingLines('unfilled-placeholder');
  let inFrontMatter = lines[0] === '---';
  let fence: string | undefined;
  const out = lines.map((line, index) => {
    if (index > 0 && inFrontMatter) {
      if (line === '---') inFrontMatter = false;
      return line;
    }
    if (inFrontMatter) return line;
    const fenceMarker = /^(`{3,}|~{3,})/.exec(line)?.[1];
    if (fence) {
      if (fenceMarker && fenceMarker.startsWith(fence)) fence = undefined;
      return line;
    }
    if (fenceMarker) {
      fence = fenceMarker;
      return line;
    }
    let result = line;
    if (/^#{1,6} /.test(result)) {
      if (variant.unicode) result = `${result} ${HEADING_EMOJI}`;
      if (variant.tabs) result = result.replace(' ', '\t');
    } else if (tableRows.has(index) && !placeholderLines.has(index)) {
      if (variant.unicode) result = result.replace(/^(\s*\|) /, `$1 ${INJECTED}`);
      if (variant.tabs) result = result.replace(/ \| /g, '\t|\t');
    } else if (placeholderLines.has(index)) {
      if (variant.unicode) result = result.replace(/(\{\{|\[link\])/, `${INJECTED}$1`);
      if (variant.tabs) result = result.replace(/(\S ?)(\{\{|\[link\])/, '$1\t$2');
    }
    return result;
  });
  return (variant.bom ? '\ufeff' : '') + out.join(variant.eol);
}

function covered(result: LintResult, finding: Finding): string {
  return result.doc.text.slice(finding.range.start.offset, finding.range.end.offset);
}

function quoted(message: string): string | undefined {
  return /"([^"]*)"/.exec(message)?.[1];
}

/** Whitespace folded and emphasis marks dropped, as messages quote text. */
const collapse = (text: string): string => text.replace(/[*_]/g, '').replace(/\s+/g, ' ').trim();

/** Checks that a finding's range is where its line and column say, and covers what the finding is about. */
function checkRange(result: LintResult, finding: Finding, where: string): void {
  const { lines } = result.doc;
  const { start, end } = finding.range;
  const label = `${where}: ${finding.rule} at ${start.line}:${start.column} "${finding.message}"`;
  assert.equal(lines.offset(start.line, start.column), start.offset, `${label}: start line/column and offset disagree`);
  assert.equal(lines.offset(end.line, end.column), end.offset, `${label}: end line/column and offset disagree`);
  assert.equal(lines.point(start.offset).column, start.column, label);
  assert.ok(start.offset <= end.offset, label);
  const text = covered(result, finding);
  switch (finding.rule) {
    case 'unfilled-placeholder': {
      assert.notEqual(text, '', label);
      assert.equal(text, text.trim(), `${label}: the range has blanks at its ends: ${JSON.stringify(text)}`);
      const shown = quoted(finding.message);
      const firstLine = text.split(/\r\n|\r|\n/)[0] ?? '';
      if (finding.message.startsWith('Example code')) assert.equal(firstLine, shown, `${label}: covers ${JSON.stringify(text)}`);
      else if (shown?.endsWith('…')) assert.ok(collapse(text).startsWith(collapse(shown.slice(0, -1))), `${label}: covers ${JSON.stringify(text)}`);
      else if (shown !== undefined) assert.equal(collapse(text), collapse(shown), `${label}: covers ${JSON.stringify(text)}`);
      break;
    }
    case 'table-column-count': {
      const line = lines.lineText(start.line);
      assert.equal(start.line, end.line, label);
      assert.equal(text, line.trim(), `${label}: covers ${JSON.stringify(text)}, not the row ${JSON.stringify(line)}`);
      assert.match(text, /\|/, label);
      break;
    }
    case 'missing-section':
    case 'section-order':
    case 'duplicate-section':
    case 'empty-section': {
      const heading = result.doc.headings.find((h) => h.textStart === start.offset && h.textEnd === end.offset);
      const atEnd = start.offset === end.offset && start.line === lines.lineCount;
      assert.ok(heading || atEnd, `${label}: covers ${JSON.stringify(text)}, not a heading's text`);
      if (heading) assert.equal(collapse(text), collapse(heading.text), label);
      break;
    }
    case 'frontmatter': {
      const fm = result.doc.frontMatter;
      if (/has no "/.test(finding.message)) assert.equal(text, '---', label);
      else if (/is empty/.test(finding.message)) assert.equal(text, quoted(finding.message)?.replace(/:$/, ''), label);
      else if (/date "/.test(finding.message)) assert.equal(text, quoted(finding.message), label);
      else if (fm) assert.ok(start.offset >= fm.start && end.offset <= fm.end, `${label}: outside the front matter`);
      break;
    }
    default:
      // The reproducibility rules point at a statement, a table cell or the heading where a fact belongs.
      assert.ok(CHECKLIST_ITEMS.some((item) => item.rule === finding.rule), `${label}: unexpected rule`);
      assert.notEqual(text.trim(), '', label);
      assert.equal(text, text.trim(), `${label}: the range has blanks at its ends: ${JSON.stringify(text)}`);
  }
}

/** What must not change between variants: which findings, on which lines, saying what. */
function signature(finding: Finding): string {
  const message = finding.message.split(INJECTED).join('').split(` ${HEADING_EMOJI}`).join('').replace(/\t/g, ' ');
  return `${finding.rule} ${finding.severity} ${finding.range.start.line}-${finding.range.end.line} ${message}`;
}

describe('finding ranges cover the text they are about', () => {
  it('has reports to check, with findings of every rule among them', () => {
    assert.ok(SOURCES.length >= 6);
    const rules = new Set(SOURCES.flatMap(({ text }) => lint(text).findings.map((f) => f.rule)));
    for (const rule of ['unfilled-placeholder', 'table-column-count', 'missing-section', 'section-order', 'duplicate-section', 'empty-section', 'frontmatter']) {
      assert.ok(rules.has(rule), `no ${rule} finding in the reports`);
    }
  });

  for (const source of SOURCES) {
    describe(source.name, () => {
      const plain = lint(source.text);
      it('plain', () => {
        assert.ok(plain.kind, 'not linted as a report');
        for (const finding of plain.findings) checkRange(plain, finding, 'plain');
      });
      for (const variant of VARIANTS) {
        it(variant.name, () => {
          const text = makeVariant(source.text, plain, variant);
          assert.notEqual(text, source.text);
          const result = lint(text);
          for (const finding of result.findings) checkRange(result, finding, variant.name);
          assert.deepEqual(result.findings.map(signature), plain.findings.map(signature));
        });
      }
    });
  }

  it('columns count UTF-16 code units: a placeholder after an emoji and a combining mark', () => {
    const text = '---\ntype: ml-experiment-report\n---\n\n# T\n\n## Executive Summary\n\n👩‍🔬 e\u0301 {{ABSTRACT}}\r\n';
    const finding = lint(text).findings.find((f) => f.rule === UNFILLED_PLACEHOLDER);
    assert.ok(finding);
    assert.equal(finding.range.start.line, 9);
    assert.equal(finding.range.start.column, '👩‍🔬 e\u0301 '.length + 1);
    assert.equal(finding.range.end.column, '👩‍🔬 e\u0301 {{ABSTRACT}}'.length + 1);
  });

  it('a heading ending in an emoji sequence (joiner, variation selector) still names its section', () => {
    for (const emoji of ['👩‍🔬', '⚠️', '✅', '😀\ufe0f', '1️⃣']) {
      const text = `---\ntype: ml-experiment-report\n---\n\n# T\n\n## 5. Results ${emoji}\n\nText.\n`;
      const result = lint(text);
      const results = result.sections?.occurrences.find((occurrence) => occurrence.spec.id === 'results');
      assert.ok(results, `"## 5. Results ${emoji}" is not the Results section`);
      assert.equal(result.doc.text.slice(results.heading.textStart, results.heading.textEnd), `5. Results ${emoji}`);
    }
  });
});
