import type { ChunkParse } from '../../parse/chunkParse';
import type { ParsedDocument } from '../../parse/document';
import { frontMatterEntries } from '../../parse/frontMatter';
import type { SectionMap, SectionOccurrence } from '../../sections/sectionMap';
import type { ReportKind } from '../../templates/types';
import type { DocumentContext } from '../types';
import { isFiller } from './filler';
import type { Cell, ChunkStatement, ChunkTable, ChunkText, CompactText, Statement, StatementText, TableFact } from './reportText';
import { compactText, decodeAll, decodeHeader, decodeStatement, decodeTable, plain, statementCount, statementStart, statementTable, tableContinued, tableCount, tableEnd, tableStart } from './reportText';
import { firstIndexWhere } from '../../text/search';

/**
 * A question a rule asks of one statement: `recordsSeed`, `statesSoftware`. `source` is the text the
 * statement's offsets index (its chunk's, or the document's for front matter). A test must read only
 * the statement: its answer is kept with the chunk's parse and asked again only when the chunk changes.
 */
export type StatementTest = (statement: StatementText, source: string) => boolean;

/** What one chunk says, and the answers to every test asked of it so far; kept per parse and kind. */
interface ChunkFacts {
  /** The statements and tables, as offsets in the chunk's text. */
  compact: CompactText;
  /** The statements and tables with their strings, while a lint reads them (see `releaseDecoded`). */
  decoded: ChunkText | undefined;
  /**
   * The statements and tables a query has read, by index: they stay when the others' strings go, so
   * the same objects come back on the next update (rules keep what they work out per statement).
   */
  read: { statements: ChunkStatement[]; tables: ChunkTable[] } | undefined;
  /** The kind the facts are for (filler depends on it). */
  kind: ReportKind;
  /** The indexes of the statements that are the template's filler: they state nothing. */
  filler: ReadonlySet<number>;
  /** Per test (by `testId`): the indexes of the statements (or, for a header test, the tables) that pass it. */
  passing: (readonly number[] | undefined)[];
}

/** Each chunk parse's facts, for the kind it was last linted as (a chunk is rarely linted as two kinds). */
const byParse = new WeakMap<ChunkParse, ChunkFacts>();

const NO_FILLER: ReadonlySet<number> = new Set();

function chunkFacts(parse: ChunkParse, kind: ReportKind): ChunkFacts {
  let facts = byParse.get(parse);
  if (facts?.kind !== kind) {
    const compact = facts?.compact ?? compactText(parse);
    const decoded = facts?.decoded ?? decodeAll(compact, parse.text);
    let filler: Set<number> | undefined;
    decoded.statements.forEach((statement, index) => {
      if (isFiller(kind, statement)) (filler ??= new Set()).add(index);
    });
    facts = { compact, decoded, read: undefined, kind, filler: filler ?? NO_FILLER, passing: new Array<readonly number[] | undefined>(testCount) };
    decodedFacts.push(facts);
    byParse.set(parse, facts);
  }
  return facts;
}

/** Every statement and table of the chunk, with their strings; kept until `releaseDecoded`. */
function decoded(facts: ChunkFacts, text: string): ChunkText {
  if (!facts.decoded) {
    facts.decoded = decodeAll(facts.compact, text);
    decodedFacts.push(facts);
  }
  return facts.decoded;
}

function statementOf(facts: ChunkFacts, text: string, index: number): ChunkStatement {
  const read = (facts.read ??= { statements: [], tables: [] });
  return (read.statements[index] ??= facts.decoded?.statements[index] ?? decodeStatement(facts.compact, text, index));
}

function tableOf(facts: ChunkFacts, text: string, index: number): ChunkTable {
  const read = (facts.read ??= { statements: [], tables: [] });
  return (read.tables[index] ??= facts.decoded?.tables[index] ?? decodeTable(facts.compact, text, index));
}

/** A table's header cells: those of the table already at hand, else decoded alone (not its rows). */
function headerOf(facts: ChunkFacts, text: string, index: number): readonly Cell[] {
  return (facts.read?.tables[index] ?? facts.decoded?.tables[index])?.header ?? decodeHeader(facts.compact, text, index);
}

/** The chunks' facts whose strings are decoded, to let go in `releaseDecoded`. */
let decodedFacts: ChunkFacts[] = [];

/**
 * Lets the strings of the chunks' statements go once a lint has read them: they are most of the
 * facts' memory, and are made again from a chunk's text (and its offsets, which stay) when read later.
 */
export function releaseDecoded(): void {
  for (const facts of decodedFacts) facts.decoded = undefined;
  decodedFacts = [];
}

/** The answer most chunks give to most tests, shared. */
const NONE: readonly number[] = Object.freeze([]);

/** The indexes of a chunk's statements that pass the test; asked once per chunk parse and kind. */
function passingIndexes(facts: ChunkFacts, text: string, test: StatementTest, id = testId(test)): readonly number[] {
  let indexes = facts.passing[id];
  if (!indexes) {
    const passed: number[] = [];
    const { statements } = decoded(facts, text);
    for (let index = 0; index < statements.length; index++) if (test(statements[index] as ChunkStatement, text)) passed.push(index);
    // Copied to its length: an array grown by pushing keeps room for 16 more, in every chunk.
    indexes = passed.length > 0 ? passed.slice() : NONE;
    facts.passing[id] = indexes;
  }
  return indexes;
}

const testIds = new WeakMap<object, number>();
let testCount = 0;

/** A small number for each test (statement or header test), its slot in `ChunkFacts.passing`. */
function testId(test: object): number {
  let id = testIds.get(test);
  if (id === undefined) {
    id = testCount++;
    testIds.set(test, id);
  }
  return id;
}

type HeaderTest = (header: { text: string }) => boolean;

/** The indexes of a chunk's tables (not continued ones) whose header row, its cells joined by ` | `, passes the test. */
function headerIndexes(facts: ChunkFacts, text: string, test: HeaderTest, id = headerTestId(test)): readonly number[] {
  let indexes = facts.passing[id];
  if (!indexes) {
    const passed: number[] = [];
    decoded(facts, text).tables.forEach((table, index) => {
      if (!table.continued && test({ text: table.header.map((cell) => cell.text).join(' | ') })) passed.push(index);
    });
    indexes = passed.length > 0 ? passed.slice() : NONE;
    facts.passing[id] = indexes;
  }
  return indexes;
}

/** A header test's slot: apart from the slot of the same function as a statement test. */
const headerTestKeys = new WeakMap<HeaderTest, object>();

function headerTestId(test: HeaderTest): number {
  let key = headerTestKeys.get(test);
  if (!key) {
    key = {};
    headerTestKeys.set(test, key);
  }
  return testId(key);
}

/**
 * A rule's `prepare`: answers the tests for one chunk ahead of the check, which then finds them kept.
 * `updateAsync` calls it chunk by chunk between slices, so the first lint of a long report does not
 * answer them all in one block (a synchronous lint answers them as the rules ask, and a rule that
 * stops at its first find asks fewer). Returns whether there was anything to do.
 */
export function answering(tests: readonly StatementTest[], headerTests: readonly HeaderTest[] = []): (parse: ChunkParse, kind: ReportKind) => boolean {
  return (parse, kind) => {
    let worked = byParse.get(parse)?.kind !== kind;
    const facts = chunkFacts(parse, kind);
    for (const test of tests) {
      const id = testId(test);
      if (facts.passing[id]) continue;
      passingIndexes(facts, parse.text, test, id);
      worked = true;
    }
    for (const test of headerTests) {
      const id = headerTestId(test);
      if (facts.passing[id]) continue;
      headerIndexes(facts, parse.text, test, id);
      worked = true;
    }
    return worked;
  };
}

interface Part {
  start: number;
  end: number;
  text: string;
  facts: ChunkFacts;
  /** The statements and tables placed so far, by index; allocated when the first is. */
  placed: (Statement | undefined)[] | undefined;
  tables: (PlacedTable | undefined)[] | undefined;
}

/**
 * Everything the report states, asked statement by statement: each chunk's statements and their test
 * results are kept with its parse, and a statement gets its document offsets and section only when a
 * rule asks for it. An edit thus costs what it changed plus a pass over the chunks, not over every
 * statement of the report.
 */
export class ReportFacts {
  private readonly parts: Part[];
  private readonly frontMatter: Statement[];
  private readonly locate: (offset: number) => SectionOccurrence | undefined;
  private readonly statedOnes = new WeakSet<Statement>();

  constructor(private readonly doc: ParsedDocument, private readonly sections: SectionMap, kind: ReportKind) {
    this.locate = sectionLocator(sections);
    const chunks = doc.chunks;
    this.parts = chunks.map((chunk, index) => ({
      start: chunk.start,
      end: chunks[index + 1]?.start ?? doc.text.length,
      text: chunk.parse.text,
      facts: chunkFacts(chunk.parse, kind),
      placed: undefined,
      tables: undefined,
    }));
    this.frontMatter = [];
    for (const entry of doc.frontMatter?.data ? frontMatterEntries(doc.frontMatter) : []) {
      if (!entry.value) continue;
      const value = plain(entry.value.replace(/^["']|["']$/g, ''));
      const statement: Statement = { kind: 'frontMatter', text: `${entry.key}: ${value}`, label: entry.key, value, start: entry.keyStart, end: entry.valueEnd, section: undefined };
      this.frontMatter.push(statement);
      if (!isFiller(kind, statement)) this.statedOnes.add(statement);
    }
  }

  /** Whether a statement of this report says something: it is not the template's filler and holds no `{{NAME}}` slot. */
  isStated(statement: Statement): boolean {
    return this.statedOnes.has(statement);
  }

  /**
   * The statements that pass the test, filler included, in document order; with `ids`, only those in
   * the sections with these ids and their subsections. Front matter comes first when `ids` is empty.
   * Statements are placed as the caller reads, so stopping early costs only what was read; `wanted`,
   * asked of each passing statement before it is placed, skips the ones the caller has no use for.
   */
  *passing(test: StatementTest, ids: readonly string[] = [], wanted?: (statement: StatementText) => boolean): Generator<Statement> {
    if (ids.length === 0) for (const statement of this.frontMatter) if (test(statement, this.doc.text) && (!wanted || wanted(statement))) yield statement;
    const id = testId(test);
    const { parts } = this;
    for (const [from, to] of this.extentsOf(ids)) {
      // Index loops, not iterators: on a report of thousands of chunks this runs for every chunk, for each query.
      for (let at = this.firstPartOver(from), end = this.endOfPartsOver(to); at < end; at++) {
        const part = parts[at] as Part;
        const passed = part.facts.passing[id] ?? passingIndexes(part.facts, part.text, test, id);
        for (let i = 0; i < passed.length; i++) {
          const index = passed[i] as number;
          const own = statementOf(part.facts, part.text, index);
          const start = part.start + own.start;
          if (start < from || start >= to || (wanted && !wanted(own))) continue;
          const statement = this.statementAt(part, index);
          if (ids.length === 0 || inSections(ids, statement.section)) yield statement;
        }
      }
    }
  }

  /** The extents of the sections with these ids, merged and in order; the whole document when `ids` is empty. */
  private extentsOf(ids: readonly string[]): [number, number][] {
    if (ids.length === 0) return [[0, Infinity]];
    return mergedExtents(ids.flatMap((id) => this.sections.byId.get(id) ?? [])).map((extent) => [extent.start, extent.end]);
  }

  /** `passing`, without the template's filler: the statements that state something. */
  *stated(test: StatementTest, ids: readonly string[] = []): Generator<Statement> {
    for (const statement of this.passing(test, ids)) if (this.statedOnes.has(statement)) yield statement;
  }

  /** The first statement that states something and passes the test: in the sections with these ids if there is one, else anywhere. */
  firstStated(test: StatementTest, ids: readonly string[]): Statement | undefined {
    for (const statement of this.stated(test, ids)) return statement;
    if (ids.length > 0) for (const statement of this.stated(test)) return statement;
    return undefined;
  }


  /**
   * Every statement in the sections with these ids and in their subsections, filler included, in
   * document order; every statement of the report (front matter first) when `ids` is empty.
   */
  within(ids: readonly string[]): readonly Statement[] {
    const found: Statement[] = ids.length === 0 ? [...this.frontMatter] : [];
    for (const [from, to] of this.extentsOf(ids)) {
      for (const part of this.partsOver(from, to)) {
        const count = statementCount(part.facts.compact);
        for (let index = 0; index < count; index++) {
          const at = part.start + statementStart(part.facts.compact, index);
          if (at < from || at >= to) continue;
          const statement = this.statementAt(part, index);
          if (ids.length === 0 || inSections(ids, statement.section)) found.push(statement);
        }
      }
    }
    return found;
  }

  /** The tables that start in the sections with these ids (or their subsections), in document order; every table when `ids` is empty. */
  tablesWithin(ids: readonly string[]): readonly TableFact[] {
    const found: TableFact[] = [];
    for (const [from, to] of this.extentsOf(ids)) {
      for (const part of this.partsOver(from, to)) {
        for (let index = 0; index < tableCount(part.facts.compact); index++) {
          const at = part.start + tableStart(part.facts.compact, index);
          if (at < from || at >= to) continue;
          const placed = this.tableAt(part, index);
          if (placed.start === at && (ids.length === 0 || inSections(ids, placed.section))) found.push(placed);
        }
      }
    }
    return found;
  }

  /** The tables whose header row, its cells joined by ` | `, passes the test, in document order; with `ids`, those in these sections; `wanted` as for `passing`. */
  *tablesWhoseHeader(test: HeaderTest, ids: readonly string[] = [], wanted?: (header: readonly Cell[]) => boolean): Generator<TableFact> {
    const id = headerTestId(test);
    for (const [from, to] of this.extentsOf(ids)) {
      for (const part of this.partsOver(from, to)) {
        for (const index of part.facts.passing[id] ?? headerIndexes(part.facts, part.text, test, id)) {
          const own = tableOf(part.facts, part.text, index);
          const start = part.start + own.start;
          if (start < from || start >= to || (wanted && !wanted(own.header))) continue;
          const table = this.tableAt(part, index);
          if (ids.length === 0 || inSections(ids, table.section)) yield table;
        }
      }
    }
  }

  /** The chunks that overlap the extent from `from` to `to`. */
  private partsOver(from: number, to: number): readonly Part[] {
    const first = this.firstPartOver(from);
    return this.parts.slice(first, Math.max(first, this.endOfPartsOver(to)));
  }

  /** The index of the first chunk that ends after `from`. */
  private firstPartOver(from: number): number {
    return from <= 0 ? 0 : firstIndexWhere(this.parts.length, (index) => (this.parts[index] as Part).end > from);
  }

  /** The index after the last chunk that starts before `to`. */
  private endOfPartsOver(to: number): number {
    return to === Infinity ? this.parts.length : firstIndexWhere(this.parts.length, (index) => (this.parts[index] as Part).start >= to);
  }

  private statementAt(part: Part, index: number): Statement {
    const known = part.placed?.[index];
    if (known) return known;
    const { table, cells, ...rest } = statementOf(part.facts, part.text, index);
    const start = rest.start + part.start;
    const statement: Statement = { ...rest, start, end: rest.end + part.start, section: this.locate(start) };
    if (cells) statement.cells = cells.map((cell) => shiftCell(cell, part.start));
    (part.placed ??= [])[index] = statement;
    if (!part.facts.filler.has(index)) this.statedOnes.add(statement);
    if (table !== undefined) statement.table = this.tableAt(part, table);
    return statement;
  }

  /** A table as one, with the rows of the chunks that continue it. */
  private tableAt(part: Part, index: number): PlacedTable {
    const known = part.tables?.[index];
    if (known) return known;
    let first = part;
    let firstIndex = index;
    // A continued table goes on the last table before it, in the nearest earlier chunk that has one.
    for (let at = this.parts.indexOf(part) - 1; tableContinued(first.facts.compact, firstIndex) && at >= 0; at--) {
      const earlier = this.parts[at] as Part;
      const tables = tableCount(earlier.facts.compact);
      if (tables === 0) continue;
      first = earlier;
      firstIndex = tables - 1;
    }
    const placed = first.tables?.[firstIndex] ?? new PlacedTable(this, this.tableMembers(first, firstIndex));
    for (const [member, memberIndex] of placed.members) (member.tables ??= [])[memberIndex] = placed;
    return placed;
  }

  /** The chunks that hold a table's rows, from its first: each with the index of the table in it. */
  private tableMembers(first: Part, index: number): [Part, number][] {
    const members: [Part, number][] = [[first, index]];
    if (index !== tableCount(first.facts.compact) - 1) return members;
    for (let at = this.parts.indexOf(first) + 1; at < this.parts.length; at++) {
      const part = this.parts[at] as Part;
      const tables = tableCount(part.facts.compact);
      if (tables === 0) continue;
      if (!tableContinued(part.facts.compact, 0)) break;
      members.push([part, 0]);
      if (tables > 1) break;
    }
    return members;
  }

  /** The statements of the rows of the chunk's table with this index. */
  rowStatements(part: Part, tableIndex: number): Statement[] {
    const found: Statement[] = [];
    const count = statementCount(part.facts.compact);
    for (let index = 0; index < count; index++) if (statementTable(part.facts.compact, index) === tableIndex) found.push(this.statementAt(part, index));
    return found;
  }

  sectionAt(offset: number): SectionOccurrence | undefined {
    return this.locate(offset);
  }
}

/** A table of the report; its rows are placed when first read. */
class PlacedTable implements TableFact {
  readonly start: number;
  readonly end: number;
  readonly header: readonly Cell[];
  readonly section: SectionOccurrence | undefined;
  private placedRows: (readonly Cell[])[] | undefined;
  private placedStatements: Statement[] | undefined;

  /** `members`: the chunks holding its rows, each with the table's index in the chunk, the first one first. */
  constructor(private readonly facts: ReportFacts, readonly members: readonly [Part, number][]) {
    const [first, index] = members[0] as [Part, number];
    this.start = tableStart(first.facts.compact, index) + first.start;
    this.header = headerOf(first.facts, first.text, index).map((cell) => shiftCell(cell, first.start));
    this.section = facts.sectionAt(this.start);
    const [last, lastIndex] = members[members.length - 1] as [Part, number];
    this.end = tableEnd(last.facts.compact, lastIndex) + last.start;
  }

  get rows(): readonly (readonly Cell[])[] {
    this.placedRows ??= this.members.flatMap(([part, index]) => tableOf(part.facts, part.text, index).rows.map((row) => row.map((cell) => shiftCell(cell, part.start))));
    return this.placedRows;
  }

  get statements(): Statement[] {
    this.placedStatements ??= this.members.flatMap(([part, index]) => this.facts.rowStatements(part, index));
    return this.placedStatements;
  }
}

function shiftCell(cell: Cell, shift: number): Cell {
  return { text: cell.text, start: cell.start + shift, end: cell.end + shift };
}

function inSections(ids: readonly string[], section: SectionOccurrence | undefined): boolean {
  for (let at = section; at; at = at.parent) if (ids.includes(at.spec.id)) return true;
  return false;
}

/** The extents of the occurrences, sorted and with overlapping ones (a section and its subsection) merged. */
function mergedExtents(occurrences: readonly SectionOccurrence[]): { start: number; end: number }[] {
  const sorted = occurrences.map((occurrence) => ({ start: occurrence.heading.start, end: occurrence.end })).sort((a, b) => a.start - b.start);
  const merged: { start: number; end: number }[] = [];
  for (const extent of sorted) {
    const last = merged[merged.length - 1];
    if (last && extent.start <= last.end) last.end = Math.max(last.end, extent.end);
    else merged.push({ ...extent });
  }
  return merged;
}

/** Finds the innermost section occurrence holding an offset: occurrences are in document order and nest. */
function sectionLocator(sections: SectionMap): (offset: number) => SectionOccurrence | undefined {
  const occurrences = sections.occurrences;
  return (offset) => {
    const low = firstIndexWhere(occurrences.length, (index) => (occurrences[index] as SectionOccurrence).heading.start > offset);
    for (let i = low - 1; i >= 0 && i >= low - 3; i--) {
      const occurrence = occurrences[i] as SectionOccurrence;
      if (offset < occurrence.end) return occurrence;
    }
    return undefined;
  };
}

const byDocument = new WeakMap<ParsedDocument, { sections: SectionMap; kind: ReportKind; facts: ReportFacts }>();

/** The report's facts; one index per document, section map and kind, shared by every rule. */
export function reportFacts(ctx: Pick<DocumentContext, 'doc' | 'sections' | 'kind'>): ReportFacts {
  const cached = byDocument.get(ctx.doc);
  if (cached?.sections === ctx.sections && cached.kind === ctx.kind) return cached.facts;
  const facts = new ReportFacts(ctx.doc, ctx.sections, ctx.kind);
  byDocument.set(ctx.doc, { sections: ctx.sections, kind: ctx.kind, facts });
  return facts;
}
