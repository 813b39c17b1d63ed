// What must hold for every document, however broken: the engine returns, no rule crashes, every
// position is a real place in the text and every edit lies within it.
import { applyEdits, buildOutline, fixAllTables, INTERNAL_ERROR_RULE, lint, RULE_IDS, sectionInsertion } from '../../src/core';
import type { Finding, LineIndex, LintOptions, LintResult, Point, SectionSpec, TextEdit } from '../../src/core';

const SEVERITIES = new Set(['error', 'warning', 'info']);
const SUSPICIOUS_IN_MESSAGES = ['undefined', 'NaN', '[object Object]'];

/** Lints `text` and throws an Error naming the first broken invariant. */
export function lintAndCheck(text: string, options: LintOptions = {}): LintResult {
  const result = lint(text, options);
  checkResult(result, text);
  return result;
}

export function checkResult(result: LintResult, input: string): void {
  const { text, lines } = result.doc;
  if (result.internalErrors.length > 0) fail(`rule ${result.internalErrors.map((e) => e.rule).join(', ')} threw: ${String(result.internalErrors[0]?.error)}`);
  const expectedText = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  if (text !== expectedText) fail('the parsed text is not the input (minus a leading BOM)');
  if (!result.kind && result.findings.length > 0) fail(`a document that is not a report has ${result.findings.length} findings`);
  for (const finding of result.findings) checkFinding(finding, lines, input);
  if (!result.kind) return;
  const outline = buildOutline(result);
  if (!outline) fail('a report has no outline');
  if (!(outline.completeness >= 0 && outline.completeness <= 100)) fail(`completeness ${outline.completeness} is outside 0..100`);
  const tables = fixAllTables(result);
  if (tables) checkEdits(tables.edits, text, 'fixAllTables');
  for (const spec of allSpecs(result.kind.sections)) {
    const edit = sectionInsertion(result, spec.id);
    if (edit) checkEdits([edit], text, `sectionInsertion(${spec.id})`);
  }
}

function checkFinding(finding: Finding, lines: LineIndex, input: string): void {
  const where = `${finding.rule} "${finding.message}"`;
  if (finding.rule === INTERNAL_ERROR_RULE && !isNotChecked(finding)) fail(`internal error: ${finding.message}`);
  if (!RULE_IDS.includes(finding.rule) && finding.rule !== INTERNAL_ERROR_RULE) fail(`unknown rule id ${finding.rule}`);
  if (!SEVERITIES.has(finding.severity)) fail(`${where}: bad severity ${finding.severity}`);
  if (typeof finding.message !== 'string' || finding.message.trim() === '') fail(`${finding.rule}: empty message`);
  for (const token of SUSPICIOUS_IN_MESSAGES) {
    if (finding.message.includes(token) && !input.includes(token)) fail(`${where}: message contains "${token}"`);
  }
  checkPoint(finding.range.start, lines, `${where} start`);
  checkPoint(finding.range.end, lines, `${where} end`);
  if (finding.range.start.offset > finding.range.end.offset) fail(`${where}: start ${finding.range.start.offset} is after end ${finding.range.end.offset}`);
  if (finding.fix) checkEdits(finding.fix.edits, lines.text, `${where} fix "${finding.fix.title}"`);
}

/** Lines left out of the parse because they would make it slow (src/core/parse/limits.ts): a warning, not a crash. */
function isNotChecked(finding: Finding): boolean {
  return finding.severity === 'warning' && finding.message.startsWith('These lines were not checked: ');
}

function checkPoint(point: Point, lines: LineIndex, where: string): void {
  const { line, column, offset } = point;
  if (![line, column, offset].every(Number.isInteger)) fail(`${where}: non-integer position ${JSON.stringify(point)}`);
  if (line < 1 || line > lines.lineCount) fail(`${where}: line ${line} outside 1..${lines.lineCount}`);
  const length = lines.lineEnd(line) - lines.lineStart(line);
  if (column < 1 || column > length + 1) fail(`${where}: column ${column} outside 1..${length + 1} of line ${line}`);
  if (offset < 0 || offset > lines.text.length) fail(`${where}: offset ${offset} outside the text`);
  if (lines.offset(line, column) !== offset) fail(`${where}: line ${line} column ${column} is offset ${lines.offset(line, column)}, not ${offset}`);
}

function checkEdits(edits: readonly TextEdit[], text: string, where: string): void {
  const sorted = [...edits].sort((a, b) => a.start - b.start || a.end - b.end);
  let previousEnd = -1;
  for (const edit of sorted) {
    if (!Number.isInteger(edit.start) || !Number.isInteger(edit.end)) fail(`${where}: non-integer edit ${JSON.stringify(edit)}`);
    if (edit.start < 0 || edit.end > text.length || edit.start > edit.end) fail(`${where}: edit ${edit.start}..${edit.end} outside 0..${text.length}`);
    if (edit.start < previousEnd) fail(`${where}: edits overlap at ${edit.start}`);
    if (typeof edit.newText !== 'string') fail(`${where}: edit without text`);
    previousEnd = edit.end;
  }
  applyEdits(text, edits);
}

function allSpecs(specs: readonly SectionSpec[]): SectionSpec[] {
  return specs.flatMap((spec) => [spec, ...allSpecs(spec.children)]);
}

function fail(message: string): never {
  throw new Error(message);
}
