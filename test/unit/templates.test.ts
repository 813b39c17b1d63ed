import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { BUILTIN_KINDS, lint } from '../../src/core';
import type { Finding, ReportKind } from '../../src/core';
import { parseMarkdown } from '../../src/core/parse/markdown';
import { codeKey, fillerKey } from '../../src/core/placeholders/normalize';
import { TEMPLATE_TEXT } from '../../src/core/templates/text/templateText.generated';
import { MISSING_SECTION } from '../../src/core/rules/missingSection';
import { TABLE_COLUMN_COUNT } from '../../src/core/rules/tableColumnCount';
import { UNFILLED_PLACEHOLDER } from '../../src/core/rules/unfilledPlaceholder';

const root = join(__dirname, '..', '..');
const examplesDir = join(root, 'examples');

/** The text a finding covers. */
function covered(text: string, finding: Finding): string {
  return text.slice(finding.range.start.offset, finding.range.end.offset);
}

function placeholderFindings(kind: ReportKind): Finding[] {
  return lint(kind.template).findings.filter((finding) => finding.rule === UNFILLED_PLACEHOLDER);
}

/** Every offset at which `needle` occurs in `text`. */
function occurrences(text: string, needle: string): number[] {
  const found: number[] = [];
  for (let at = text.indexOf(needle); at >= 0; at = text.indexOf(needle, at + 1)) found.push(at);
  return found;
}

/** The body rows of every table in the template's source, as cell keys (emphasis and padding dropped). */
function tableRows(template: string): string[][] {
  return template
    .split('\n')
    .filter((line) => line.startsWith('|') && !/^\|[\s|:-]+\|$/.test(line))
    .map((line) => line.slice(1, -1).split('|').map(fillerKey));
}

function sameRow(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((cell, i) => cell === b[i]);
}

/** The inventory's plain strings: entries that occur verbatim in the template. */
function stringEntries(kind: ReportKind): [string, string][] {
  const inventory = kind.placeholders;
  return [
    ...inventory.blocks.map((entry): [string, string] => ['blocks', entry]),
    ...inventory.values.map((entry): [string, string] => ['values', entry]),
    ...inventory.labels.map((entry): [string, string] => ['labels', entry]),
    ...inventory.cells.map((entry): [string, string] => ['cells', entry]),
    ...inventory.choices.map((entry): [string, string] => ['choices', entry]),
    ...inventory.inline.map((entry): [string, string] => ['inline', entry]),
    ...inventory.code.map((entry): [string, string] => ['code', entry]),
  ];
}

describe('templates', () => {
  it('the generated template module is in sync with the template files (else run `npm run gen`)', () => {
    const dir = join(root, 'src/core/templates/text');
    const files = readdirSync(dir).filter((name) => name.endsWith('.md')).sort();
    assert.deepEqual(Object.keys(TEMPLATE_TEXT).sort(), files.map((name) => name.replace(/\.md$/, '')));
    for (const name of files) assert.equal(TEMPLATE_TEXT[name.replace(/\.md$/, '')], readFileSync(join(dir, name), 'utf8'), name);
  });

  for (const kind of BUILTIN_KINDS) {
    describe(kind.id, () => {
      it('is linted as its own kind, with many unfilled placeholders and no missing section or broken table', () => {
        const result = lint(kind.template);
        assert.equal(result.kind?.id, kind.id);
        const rules = result.findings.map((finding) => finding.rule);
        assert.ok(rules.filter((rule) => rule === UNFILLED_PLACEHOLDER).length >= 50, `only ${rules.filter((rule) => rule === UNFILLED_PLACEHOLDER).length} placeholders`);
        assert.deepEqual(rules.filter((rule) => rule === MISSING_SECTION || rule === TABLE_COLUMN_COUNT), []);
      });

      it('reports every {{NAME}} slot with exactly its range', () => {
        const findings = placeholderFindings(kind);
        const slots = [...kind.template.matchAll(/\{\{[A-Z_]+\}\}/g)];
        assert.ok(slots.length >= 4);
        for (const slot of slots) {
          const finding = findings.find((f) => f.range.start.offset === slot.index);
          assert.ok(finding, `slot ${slot[0]} at ${slot.index} not reported`);
          assert.equal(covered(kind.template, finding), slot[0]);
          assert.equal(finding.message, `Unfilled placeholder "${slot[0]}".`);
        }
      });

      it('holds every inventory entry somewhere in its template text (the inventory cannot rot)', () => {
        for (const [field, entry] of stringEntries(kind)) {
          assert.ok(kind.template.includes(entry), `${field} entry "${entry}" is not in the template`);
        }
        const rows = tableRows(kind.template);
        for (const row of kind.placeholders.rows) {
          assert.ok(rows.some((candidate) => sameRow(candidate, row.map(fillerKey))), `row "${row.join(' | ')}" is not in the template`);
        }
        for (const table of kind.placeholders.tables) {
          for (const row of table) {
            assert.ok(rows.some((candidate) => sameRow(candidate, row.map(fillerKey))), `table row "${row.join(' | ')}" is not in the template`);
          }
        }
      });

      it('reports every inventory entry where the template holds it', () => {
        const text = kind.template;
        const findings = placeholderFindings(kind);
        const coveredAt = (start: number, end: number): boolean =>
          findings.some((f) => f.range.start.offset <= start && f.range.end.offset >= end);
        for (const [field, entry] of stringEntries(kind)) {
          const hit = occurrences(text, entry).some((at) => coveredAt(at, at + entry.length));
          assert.ok(hit, `${field} entry "${entry}" is never reported`);
        }
        const rowFindings = findings
          .filter((f) => f.data?.['placeholder'] === 'row')
          .map((f) => covered(text, f).split('|').map(fillerKey));
        for (const row of [...kind.placeholders.rows, ...kind.placeholders.tables.flat()]) {
          assert.ok(rowFindings.some((found) => sameRow(found, row.map(fillerKey))), `row "${row.join(' | ')}" is never reported`);
        }
        for (const code of kind.placeholders.code) {
          assert.ok(findings.some((f) => codeKey(covered(text, f)) === codeKey(code)), `code "${code.slice(0, 30)}" is never reported`);
        }
      });

      it('never reports filler in headings or table header rows (only {{NAME}} slots there)', () => {
        const structure: [number, number][] = [];
        for (const node of parseMarkdown(kind.template).children) {
          const header = node.type === 'table' ? node.children[0] : node.type === 'heading' ? node : undefined;
          if (header?.position) structure.push([header.position.start.offset ?? 0, header.position.end.offset ?? 0]);
        }
        assert.ok(structure.length > 20);
        for (const finding of placeholderFindings(kind)) {
          if (finding.data?.['placeholder'] === 'slot') continue;
          const inside = structure.some(([start, end]) => finding.range.start.offset < end && finding.range.end.offset > start);
          assert.ok(!inside, `finding on a heading or header row: ${covered(kind.template, finding)}`);
        }
      });
    });
  }

  it('the task spec has the nine-part structure: title page in front matter and the eight ## sections', () => {
    const spec = BUILTIN_KINDS.find((kind) => kind.id === 'ml-task-spec');
    assert.ok(spec);
    assert.deepEqual(spec.sections.map((section) => section.title), [
      'Abstract', 'Background and Motivation', 'Problem Definition', 'Models and Approach',
      'Experimental Setup', 'Results and Analysis', 'Conclusion and Future Work', 'Appendix and References',
    ]);
    const headings = [...spec.template.matchAll(/^## (.+)$/gm)].map((match) => match[1]);
    assert.deepEqual(headings, spec.sections.map((section) => section.title));
    for (const key of spec.requiredFrontMatter) assert.match(spec.template, new RegExp(`^${key}: `, 'm'));
    assert.match(spec.template, /^\| Model \| Method \| Dataset \| Epochs \| Learning Rate \|$/m);
  });
});

describe('examples', () => {
  const files = readdirSync(examplesDir).filter((name) => name.endsWith('.md')).sort();

  it('has at least one complete report of each kind', () => {
    const kinds = files.map((name) => lint(readFileSync(join(examplesDir, name), 'utf8')).kind?.id);
    for (const kind of BUILTIN_KINDS) assert.ok(kinds.includes(kind.id), `no example of ${kind.id}`);
  });

  for (const name of files) {
    it(`${name} lints with no error and no warning`, () => {
      const result = lint(readFileSync(join(examplesDir, name), 'utf8'));
      assert.ok(result.kind, `${name} is not a report: ${result.notReport ?? ''}`);
      const problems = result.findings
        .filter((finding) => finding.severity !== 'info')
        .map((finding) => `${finding.range.start.line}:${finding.range.start.column} ${finding.rule} ${finding.message}`);
      assert.deepEqual(problems, []);
    });
  }
});
