/**
 * The big blocks real reports hold, each added to one section of a complete generated report: a
 * per-class table of 1,000 classes, a 2,000-item reference list, 3,000 one-line paragraphs, a
 * 5,000-line log in a code fence, and a 5,000-row table. Deterministic for a seed.
 */
import { generateReport } from './generateReport';
import { Random } from './random';

export interface BigBlockDocument {
  name: string;
  text: string;
  /** Offset of a line inside the block where the bench's one-character edits go. */
  editAt: number;
}

const WORDS = ['loss', 'accuracy', 'warmup', 'checkpoint', 'gradient', 'batch', 'epoch', 'token', 'shard', 'eval', 'dropout', 'scheduler'];

function perClassTable(rng: Random, rows: number): string[] {
  const lines = ['| Class | Precision | Recall | F1 | Support |', '|-------|-----------|--------|----|---------|'];
  for (let i = 0; i < rows; i++) {
    lines.push(`| n${String(1440764 + i * 37).padStart(8, '0')} class ${i} | ${rng.decimal(0.5, 0.99, 3)} | ${rng.decimal(0.5, 0.99, 3)} | ${rng.decimal(0.5, 0.99, 3)} | ${rng.int(20, 1300)} |`);
  }
  return lines;
}

function referenceList(rng: Random, items: number): string[] {
  return Array.from({ length: items }, (_, i) =>
    `${i + 1}. ${rng.pick(['Smith', 'Chen', 'Garcia', 'Okafor', 'Müller', 'Tanaka'])}, ${String.fromCharCode(65 + rng.int(0, 25))}. et al. (${rng.int(1998, 2025)}). *${rng.pick(['Scaling', 'Revisiting', 'On the', 'Towards'])} ${rng.pick(WORDS)} ${rng.pick(WORDS)}*. In Proc. ${rng.pick(['NeurIPS', 'ICML', 'ICLR', 'CVPR', 'ACL'])}, pp. ${rng.int(1, 900)}–${rng.int(901, 999)}.`);
}

function oneLineParagraphs(rng: Random, count: number): string[] {
  const lines: string[] = [];
  for (let i = 0; i < count; i++) lines.push(`Step ${i}: the ${rng.pick(WORDS)} changed by ${rng.decimal(-1, 1, 4)} after the ${rng.pick(WORDS)} update.`, '');
  return lines.slice(0, -1);
}

function logFence(rng: Random, count: number): string[] {
  const lines = ['```text'];
  for (let i = 0; i < count - 2; i++) lines.push(`2026-01-0${rng.int(1, 9)} 12:${String(rng.int(0, 59)).padStart(2, '0')}:00 INFO step=${i} ${rng.pick(WORDS)}=${rng.decimal(0, 5, 4)} lr=${rng.decimal(0, 0.001, 6)}`);
  lines.push('```');
  return lines;
}

/** The report with `block` added at the end of its "5. Results" section (after its last line before the next `## `). */
function withBlock(name: string, block: string[], seed: number): BigBlockDocument {
  const report = generateReport({ lines: 200, seed });
  const lines = report.split('\n');
  const results = lines.findIndex((line) => /^## .*Results/.test(line));
  let end = results + 1;
  while (end < lines.length && !/^## /.test(lines[end] ?? '')) end++;
  while (end > results + 1 && (lines[end - 1] === '' || lines[end - 1] === '---')) end--;
  const before = lines.slice(0, end);
  const out = [...before, '', ...block, '', ...lines.slice(end)];
  const text = out.join('\n');
  const middleLine = before.length + 1 + Math.floor(block.length / 2);
  const editLine = block[middleLine - before.length - 1] === '' ? middleLine + 1 : middleLine;
  const editAt = out.slice(0, editLine).reduce((sum, line) => sum + line.length + 1, 0) + Math.min(12, (out[editLine] ?? '').length - 1);
  return { name, text, editAt };
}

export function bigBlockDocuments(seed: number): BigBlockDocument[] {
  const rng = new Random(seed);
  return [
    withBlock('1,000-row per-class table', perClassTable(rng, 1000), seed),
    withBlock('2,000-item reference list', referenceList(rng, 2000), seed),
    withBlock('3,000 one-line paragraphs', oneLineParagraphs(rng, 3000), seed),
    withBlock('5,000-line log in a code fence', logFence(rng, 5000), seed),
    withBlock('5,000-row table', perClassTable(rng, 5000), seed),
  ];
}

/** A table of `rows` rows in the report, for the growth measurement (1,000 to 10,000 rows). */
export function tableDocument(rows: number, seed: number): BigBlockDocument {
  return withBlock(`${rows}-row table`, perClassTable(new Random(seed), rows), seed);
}

/**
 * A report of about `lines` lines with a heading every 6 lines: the complete report, then short
 * `### Entry` sections of their own text, as a lab notebook grows.
 */
export function headingDense(lines: number, seed: number): BigBlockDocument {
  const rng = new Random(seed);
  const report = generateReport({ lines: 200, seed }).split('\n');
  const out = [...report];
  for (let i = 1; out.length < lines; i++) {
    out.push(`### Entry ${i}: ${rng.pick(WORDS)} ${rng.int(1, 99999)}`, '', `The ${rng.pick(WORDS)} moved by ${rng.decimal(-1, 1, 4)} after the ${rng.pick(WORDS)} change.`, `Next: check the ${rng.pick(WORDS)} on shard ${rng.int(0, 512)}.`, '', '');
  }
  const text = out.join('\n');
  const middle = out.slice(0, out.length >> 1).join('\n').length;
  const editAt = text.indexOf('\nThe ', middle) + 8;
  return { name: `${out.length.toLocaleString('en')} lines, a heading every 6 lines`, text, editAt };
}
