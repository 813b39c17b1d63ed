import type { RawFinding } from '../types';
import type { DocumentContext, DocumentRule } from './types';
import type { WrittenNumber, Percentage } from './facts/numbers';
import { countsIn, formatCount, leadingCount, percentageIn } from './facts/numbers';
import type { Assessment } from './facts/roles';
import { roleIds, rolePlace, spanOf } from './facts/roles';
import { answering, reportFacts } from './facts/reportFacts';
import type { Cell, Span, Statement, StatementText, TableFact } from './facts/reportText';

export const DATA_SPLIT_CONSISTENCY = 'data-split-consistency';

const SPLIT_NAME = /^(?:the\s+)?(train(?:ing)?|val(?:id(?:ation)?)?|dev(?:elopment)?|test(?:ing)?|hold[- ]?out|held[- ]out|eval(?:uation)?|calibration|tune|tuning)\b/i;
const SPLIT_LABEL = /^(?:(?:data(?:set)?|train(?:ing)?[ /-]?(?:val(?:idation)?[ /-]?)?test)\s+)?splits?$/i;
const TOTAL_ROW = /^(?:total|all|overall|sum|dataset|full dataset)\b/i;
const PERCENT_HEADER = /%|percent|share|fraction|proportion|ratio/i;
const NOT_SPLIT_SHARE = /positive|negative|class|label|pos\b|neg\b|balance|accuracy|missing|female|male|minority|majority/i;
const COUNT_HEADER = /size|count|examples|samples|instances|rows|images|frames|sentences|records|documents|tickets|items|utterances|pairs|\bn\b|#|number|patients|users|clips|hours|accounts|customers|sessions|videos|files|pages|dialogues/i;
const SIZE_LABEL = /^(?:size|total(?: size)?|dataset size|data size|(?:number of |# ?|total )?(?:examples|samples|instances|records|rows|images|sentences|documents|items)|n)$/i;
const SIZE_PROSE = /\b(?:dataset|corpus|data ?set|data|collection|benchmark|it)\b[^.;]{0,40}?\b(?:holds|contains|has|comprises|consists of|includes|totals?|of)\s+~?\s*(\d{1,3}(?:,\d{3})+|\d{3,})/i;

function splitLabelled(statement: StatementText): boolean {
  return statement.label !== undefined && SPLIT_LABEL.test(statement.label.trim());
}

interface SplitRow {
  name: string;
  count: WrittenNumber | undefined;
  countCell: Cell | undefined;
  percentage: Percentage | undefined;
  percentageCell: Cell | undefined;
}

export function assessSplits(ctx: DocumentContext): Assessment {
  const facts = reportFacts(ctx);
  const splitIds = roleIds(ctx, 'dataSplits');
  const dataIds = [...roleIds(ctx, 'dataDescription'), ...splitIds];
  const findings: RawFinding[] = [];
  let stated: Span | undefined;
  const sizes = datasetSizes(facts.within(dataIds));
  for (const table of facts.tablesWithin(splitIds)) {
    const checked = checkTable(table, sizes, (offset) => ctx.doc.lines.point(offset).line);
    if (!checked) continue;
    stated ??= { start: table.start, end: table.header[table.header.length - 1]?.end ?? table.start };
    findings.push(...checked);
  }
  // `- **Data split**: 80% train / …` in another section (a task spec's setup list) is the split all the same.
  const candidates = [...new Set([...facts.within(splitIds), ...facts.passing(splitLabelled)])].sort((a, b) => a.start - b.start);
  for (const statement of candidates) {
    if (statement.kind === 'row' || statement.kind === 'code') continue;
    const prose = proseSplit(statement);
    if (!prose) continue;
    stated ??= spanOf(statement);
    if (prose.finding) findings.push(prose.finding);
  }
  return { findings, stated, place: rolePlace(ctx, 'dataSplits') };
}

/** The dataset sizes the data description states, each with the statement saying it. */
function datasetSizes(statements: readonly Statement[]): { counts: WrittenNumber[]; statement: Statement }[] {
  const sizes: { counts: WrittenNumber[]; statement: Statement }[] = [];
  for (const statement of statements) {
    if (statement.kind === 'code' || statement.kind === 'frontMatter') continue;
    if (statement.label !== undefined && SIZE_LABEL.test(statement.label.trim())) {
      const counts = countsIn(statement.value);
      if (counts.length > 0) sizes.push({ counts, statement });
      continue;
    }
    const prose = SIZE_PROSE.exec(statement.text);
    if (prose) sizes.push({ counts: countsIn(prose[1] as string), statement });
  }
  return sizes;
}

function checkTable(table: TableFact, sizes: readonly { counts: WrittenNumber[]; statement: Statement }[], lineOf: (offset: number) => number): RawFinding[] | undefined {
  const header = table.header.map((cell) => cell.text);
  const percentColumn = header.findIndex((title, index) => index > 0 && PERCENT_HEADER.test(title) && !NOT_SPLIT_SHARE.test(title));
  const splitRows = table.rows.filter((cells) => SPLIT_NAME.test(cells[0]?.text.replace(/[*_]/g, '').trim() ?? ''));
  const allCounts = (index: number): boolean => splitRows.length > 0 && splitRows.every((cells) => cells[index] !== undefined && leadingCount((cells[index] as Cell).text) !== undefined);
  const named = header.findIndex((title, index) => index > 0 && index !== percentColumn && COUNT_HEADER.test(title) && !PERCENT_HEADER.test(title) && allCounts(index));
  const columnSum = (index: number): number => splitRows.reduce((acc, cells) => acc + (leadingCount((cells[index] as Cell).text)?.value ?? 0), 0);
  // Without a telling header, the counts are the column that adds up to the most (frames, not parks).
  const countColumn = named > 0 ? named : header
    .map((_title, index) => index)
    .filter((index) => index > 0 && index !== percentColumn && !PERCENT_HEADER.test(header[index] as string) && allCounts(index))
    .reduce((best, index) => (best < 0 || columnSum(index) > columnSum(best) ? index : best), -1);
  const rows: SplitRow[] = [];
  let total: { count: WrittenNumber; cell: Cell } | undefined;
  for (const cells of table.rows) {
    const name = cells[0]?.text.replace(/[*_]/g, '').trim() ?? '';
    const countCell = countColumn > 0 ? cells[countColumn] : undefined;
    const percentageCell = percentColumn > 0 ? cells[percentColumn] : undefined;
    const count = countCell && leadingCount(countCell.text);
    const percentage = percentageCell && (percentageIn(percentageCell.text) ?? percentageIn(/^\s*\d+(?:\.\d+)?\s*$/.test(percentageCell.text) ? `${percentageCell.text.trim()}%` : ''));
    if (TOTAL_ROW.test(name)) {
      if (count && countCell) total = { count, cell: countCell };
      continue;
    }
    if (!SPLIT_NAME.test(name)) continue;
    rows.push({ name, count, countCell, percentage, percentageCell });
  }
  if (rows.length < 2 || rows.every((row) => !row.count && !row.percentage)) return undefined;
  const findings: RawFinding[] = [];
  const percentages = rows.map((row) => row.percentage);
  if (percentages.every((value): value is Percentage => value !== undefined)) {
    const sum = percentages.reduce((acc, value) => acc + value.value, 0);
    const tolerance = percentages.reduce((acc, value) => acc + value.unit / 2, 0) + 1e-9;
    if (Math.abs(sum - 100) > tolerance) {
      const first = rows[0]?.percentageCell as Cell;
      const last = rows[rows.length - 1]?.percentageCell as Cell;
      findings.push({ message: `The split percentages add up to ${round(sum)}%, not 100%.`, start: first.start, end: last.end });
    }
  }
  const counts = rows.map((row) => row.count);
  if (counts.every((value): value is WrittenNumber => value !== undefined)) {
    const sum = counts.reduce((acc, value) => acc + value.value, 0);
    const exact = counts.every((value) => value.exact);
    const first = rows[0]?.countCell as Cell;
    const last = rows[rows.length - 1]?.countCell as Cell;
    const sized = total ? [{ counts: [total.count], statement: undefined }] : sizes;
    const agrees = (size: WrittenNumber): boolean => (exact && size.exact ? size.value === sum : Math.abs(size.value - sum) <= 0.05 * Math.max(size.value, sum));
    const stated = sized.find((size) => size.counts.length > 0);
    if (stated && !sized.some((size) => size.counts.some(agrees))) {
      const where = stated.statement ? ` (line ${lineOf(stated.statement.start)})` : ' in its Total row';
      const size = stated.counts[0] as WrittenNumber;
      findings.push({ message: `The split sizes add up to ${formatCount(sum)}, but the dataset has ${size.text}${where}.`, start: first.start, end: last.end });
    }
    for (const row of rows) {
      if (!row.percentage || !row.count || !row.percentageCell || sum === 0) continue;
      const share = (100 * row.count.value) / sum;
      const tolerance = Math.max(row.percentage.unit, exact ? 0 : 1) + 1e-9;
      if (Math.abs(share - row.percentage.value) > tolerance) {
        findings.push({
          message: `${row.name}: ${row.count.text} of ${formatCount(sum)} is ${round(share)}%, not ${row.percentage.value}%.`,
          start: row.percentageCell.start,
          end: row.percentageCell.end,
        });
      }
    }
  }
  return findings;
}

const PROSE_PERCENT = /(\d+(?:\.\d+)?)\s*%\s*(?:for\s+|as\s+)?(?:the\s+)?(train|training|val|validation|dev|development|test|testing|held[- ]out|hold[- ]?out)\b|\b(train|training|val|validation|dev|test|testing|held[- ]out|hold[- ]?out)(?:\s+(?:set|split))?\s*(?:[:=(]|is|of)?\s*(\d+(?:\.\d+)?)\s*%/gi;
const RATIO = /(?<![\d./:-])(\d{1,2}(?:\.\d+)?)\s*([/:])\s*(\d{1,2}(?:\.\d+)?)(?:\s*\2\s*(\d{1,2}(?:\.\d+)?))?(?![\d./:])/g;

/** `70% train, 15% validation, 15% test`, `an 80/10/10 split`, `train/val/test = 80:10:10`. */
function proseSplit(statement: Statement): { finding: RawFinding | undefined } | undefined {
  const named = new Map<string, number>();
  const units: number[] = [];
  for (const match of statement.text.matchAll(PROSE_PERCENT)) {
    const name = canonical((match[2] ?? match[3]) as string);
    const value = (match[1] ?? match[4]) as string;
    if (named.has(name)) return undefined;
    named.set(name, Number(value));
    units.push(10 ** -(value.split('.')[1]?.length ?? 0));
  }
  if (named.size < 2) {
    if (!/\bsplit\b|\btrain/i.test(statement.text)) return undefined;
    for (const match of statement.text.matchAll(RATIO)) {
      const parts = [match[1], match[3], match[4]].filter((part): part is string => part !== undefined);
      if (parts.length < 3 && !/\bsplit\b/i.test(statement.text.slice(match.index + match[0].length, match.index + match[0].length + 12))) continue;
      const values = parts.map(Number);
      const sum = values.reduce((acc, value) => acc + value, 0);
      if (values.every((value) => value < 1) || Math.abs(sum - 1) < 1e-9) continue;
      const tolerance = parts.reduce((acc, part) => acc + 10 ** -(part.split('.')[1]?.length ?? 0) / 2, 0) + 1e-9;
      if (Math.abs(sum - 100) <= tolerance) return { finding: undefined };
      return { finding: { message: `The split ${match[0].trim()} adds up to ${round(sum)}%, not 100%.`, ...spanOf(statement) } };
    }
    return undefined;
  }
  const sum = [...named.values()].reduce((acc, value) => acc + value, 0);
  const tolerance = units.reduce((acc, unit) => acc + unit / 2, 0) + 1e-9;
  if (Math.abs(sum - 100) <= tolerance) return { finding: undefined };
  const list = [...named].map(([name, value]) => `${value}% ${name}`).join(', ');
  return { finding: { message: `The split ${list} adds up to ${round(sum)}%, not 100%.`, ...spanOf(statement) } };
}

function canonical(name: string): string {
  const lower = name.toLowerCase();
  if (lower.startsWith('train')) return 'train';
  if (lower.startsWith('val') || lower.startsWith('dev')) return 'validation';
  if (lower.startsWith('test')) return 'test';
  return 'held-out';
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}

export const dataSplitConsistency: DocumentRule = {
  id: DATA_SPLIT_CONSISTENCY,
  description: 'The data splits agree: percentages sum to 100%, counts sum to the dataset size, and each split\'s percentage matches its count.',
  defaultSeverity: 'warning',
  scope: 'document',
  optIn: true,
  quietWhereNotApplicable: true,
  check: (ctx) => assessSplits(ctx).findings,
  prepare: answering([splitLabelled]),
};
