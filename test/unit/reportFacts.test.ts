import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { lint } from '../../src/core';
import type { LintResult } from '../../src/core';
import { isFiller } from '../../src/core/rules/facts/filler';
import { mayNameMetric } from '../../src/core/rules/facts/metrics';
import { reportFacts } from '../../src/core/rules/facts/reportFacts';
import type { StatementTest } from '../../src/core/rules/facts/reportFacts';
import { compactText, decodeAll, decodeStatement, decodeTable, statementCount, tableCount } from '../../src/core/rules/facts/reportText';
import type { Cell, Statement } from '../../src/core/rules/facts/reportText';
import type { SectionOccurrence } from '../../src/core/sections/sectionMap';
import { referenceChunkText } from '../support/referenceChunkText';
import { markdownDocument, propertyRuns, UNIT_SETTINGS, withUnitSettings } from '../support/markdownArbitrary';

/** The reference: every statement of every chunk placed in the document, each with its innermost section, by a plain scan. */
function everyStatement(result: LintResult): { statements: Statement[]; tables: { start: number; header: string[]; rows: string[][] }[] } {
  const occurrences = result.sections?.occurrences ?? [];
  const sectionAt = (offset: number): SectionOccurrence | undefined => {
    let found: SectionOccurrence | undefined;
    for (const occurrence of occurrences) if (occurrence.heading.start <= offset && offset < occurrence.end) found = occurrence;
    return found;
  };
  const statements: Statement[] = [];
  const tables: { start: number; header: string[]; rows: string[][] }[] = [];
  const texts = (cells: readonly Cell[]): string[] => cells.map((cell) => `${cell.text}@${cell.start}`);
  for (const chunk of result.doc.chunks) {
    const own = referenceChunkText(chunk.parse);
    for (const table of own.tables) {
      const rows = table.rows.map((row) => texts(row.map((cell) => ({ ...cell, start: cell.start + chunk.start }))));
      const last = tables[tables.length - 1];
      if (table.continued && last) last.rows.push(...rows);
      else tables.push({ start: table.start + chunk.start, header: texts(table.header.map((cell) => ({ ...cell, start: cell.start + chunk.start }))), rows });
    }
    for (const statement of own.statements) {
      const start = statement.start + chunk.start;
      statements.push({ kind: statement.kind, text: statement.text, label: statement.label, value: statement.value, start, end: statement.end + chunk.start, section: sectionAt(start) });
    }
  }
  return { statements, tables };
}

const inSections = (ids: readonly string[], section: SectionOccurrence | undefined): boolean => {
  for (let at = section; at; at = at.parent) if (ids.includes(at.spec.id)) return true;
  return false;
};

const brief = (statement: Statement): string => `${statement.kind} ${statement.start}-${statement.end} ${statement.section?.spec.id ?? '-'} ${statement.text}`;

const TESTS: readonly [string, StatementTest][] = [
  ['any', () => true],
  ['numbers', (statement) => /\d/.test(statement.text)],
  ['labelled', (statement) => statement.label !== undefined],
  ['rows', (statement) => statement.kind === 'row'],
  ['source has a pipe', (statement, source) => source.slice(statement.start, statement.end).includes('|')],
];

/** Checks every query of the index against the reference scan, for every role of the kind and for the whole report. */
function checkAgainstScan(result: LintResult): void {
  const { kind, sections, doc } = result;
  if (!kind || !sections) return;
  const facts = reportFacts({ doc, kind, sections });
  const reference = everyStatement(result);
  const roles: (readonly string[])[] = [[], ...Object.values(kind.roles ?? {})];
  for (const ids of roles) {
    const scanned = reference.statements.filter((statement) => ids.length === 0 || inSections(ids, statement.section));
    assert.deepEqual(facts.within(ids).filter((statement) => statement.kind !== 'frontMatter').map(brief), scanned.map(brief), `within(${ids.join(', ')})`);
    for (const [name, test] of TESTS) {
      const expected = scanned.filter((statement) => test(statement, doc.text));
      assert.deepEqual([...facts.passing(test, ids)].filter((statement) => statement.kind !== 'frontMatter').map(brief), expected.map(brief), `passing(${name}, ${ids.join(', ')})`);
      assert.deepEqual(
        [...facts.stated(test, ids)].filter((statement) => statement.kind !== 'frontMatter').map(brief),
        expected.filter((statement) => !isFiller(kind, statement)).map(brief),
        `stated(${name}, ${ids.join(', ')})`,
      );
    }
    const tables: typeof reference.tables = reference.tables.filter((table) => ids.length === 0 || inSections(ids, sections.occurrences.filter((occurrence) => occurrence.heading.start <= table.start && table.start < occurrence.end).pop()));
    const placed = facts.tablesWithin(ids).map((table) => ({ start: table.start, header: table.header.map((cell) => `${cell.text}@${cell.start}`), rows: table.rows.map((row) => row.map((cell) => `${cell.text}@${cell.start}`)) }));
    assert.deepEqual(placed, tables, `tablesWithin(${ids.join(', ')})`);
    for (const table of facts.tablesWithin(ids)) {
      assert.deepEqual(table.statements.map((statement) => statement.start), table.rows.map((row) => row[0]?.start ?? -1).filter((start) => start >= 0).map((start) => reference.statements.find((statement) => statement.kind === 'row' && statement.start <= start && start < statement.end)?.start ?? -1), 'a table\'s statements are its rows');
      for (const statement of table.statements) assert.equal(statement.table, table, 'a row statement points at its table');
    }
    const accuracy = mayNameMetric;
    const headers = reference.tables.filter((table) => accuracy({ text: table.header.map((cell) => cell.replace(/@\d+$/, '')).join(' | ') })).map((table) => table.start);
    if (ids.length === 0) assert.deepEqual([...facts.tablesWhoseHeader(accuracy)].map((table) => table.start), headers, 'tablesWhoseHeader');
  }
}

describe('ReportFacts (the index the reproducibility rules ask)', () => {
  const dirs = ['examples', 'test/fixtures/rules'];
  const files = dirs.flatMap((dir) => readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((name) => name.endsWith('.md')).map((name) => join(dir, name)));

  it('answers what a scan of every statement answers, on the examples and the rule fixtures', () => {
    assert.ok(files.length > 10);
    for (const file of files) {
      try {
        checkAgainstScan(lint(readFileSync(file, 'utf8')));
      } catch (error) {
        throw new Error(`${file}: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
  });

  /** Each chunk's compact facts, decoded whole and one by one, against the tree read directly. */
  const checkDecoding = (result: LintResult): void => {
    for (const chunk of result.doc.chunks) {
      const expected = referenceChunkText(chunk.parse);
      const compact = compactText(chunk.parse);
      assert.deepEqual(decodeAll(compact, chunk.parse.text), expected);
      assert.equal(statementCount(compact), expected.statements.length);
      assert.equal(tableCount(compact), expected.tables.length);
      expected.statements.forEach((statement, index) => assert.deepEqual(decodeStatement(compact, chunk.parse.text, index), statement));
      expected.tables.forEach((table, index) => assert.deepEqual(decodeTable(compact, chunk.parse.text, index), table));
    }
  };

  it('decodes each chunk\'s statements and tables from their offsets as a reading of the tree gives them', () => {
    for (const file of files) {
      try {
        checkDecoding(lint(readFileSync(file, 'utf8')));
      } catch (error) {
        throw new Error(`${file}: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
  });

  it('decodes what a reading of the tree gives, on generated reports', async function () {
    this.timeout(300_000);
    await fc.assert(
      fc.asyncProperty(markdownDocument, async (text) => {
        await withUnitSettings((UNIT_SETTINGS[0] as (typeof UNIT_SETTINGS)[number]).settings, () => checkDecoding(lint(text)));
      }),
      { numRuns: propertyRuns(60) },
    );
  });

  for (const { name, settings } of UNIT_SETTINGS) {
    it(`answers what a scan answers on generated reports (${name})`, async function () {
      this.timeout(300_000);
      await fc.assert(
        fc.asyncProperty(markdownDocument, async (text) => {
          await withUnitSettings(settings, () => checkAgainstScan(lint(text)));
        }),
        { numRuns: propertyRuns(60) },
      );
    });
  }

  it('joins a long table split into row chunks into one table with all its rows', () => {
    const rows = Array.from({ length: 300 }, (_, index) => `| class ${index} | 0.${index % 10}1 |`);
    const text = ['---', 'type: ml-experiment-report', '---', '# Report', '', '## 5. Results', '', '| Class | F1 |', '| --- | --- |', ...rows, '', 'After the table.', ''].join('\n');
    const result = lint(text);
    assert.ok(result.doc.chunks.length > 2, 'the table was split into chunks');
    const { kind, sections, doc } = result;
    assert.ok(kind && sections);
    const [table, ...others] = reportFacts({ doc, kind, sections }).tablesWithin(['results']);
    assert.equal(others.length, 0);
    assert.equal(table?.rows.length, 300);
    assert.equal(table?.statements.length, 300);
    assert.equal(table?.header.map((cell) => cell.text).join(' | '), 'Class | F1');
    assert.equal(table?.statements[299]?.text, 'class 299 | 0.91');
  });
});
