/**
 * `node --import tsx scripts/bench/cliCorpus.ts DIR [COUNT]`: writes COUNT (default 2,000) generated
 * ~260-line reports into DIR, each with its own seed, and a `.markdownlint-cli2.jsonc` that runs
 * MD043 (the template's sections, as the bench gives them) and MD056 only, for timing the CLI against
 * markdownlint-cli2 on the same files:
 *
 *     node dist/cli.js lint DIR        markdownlint-cli2 "DIR/**\/*.md"
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { findKind } from '../../src/core';
import { generateReport } from './generateReport';

const [dir, countArg] = process.argv.slice(2);
if (!dir) throw new Error('usage: cliCorpus.ts DIR [COUNT]');
const count = Number(countArg ?? 2000);
mkdirSync(dir, { recursive: true });
for (let i = 0; i < count; i++) writeFileSync(path.join(dir, `report-${String(i).padStart(4, '0')}.md`), generateReport({ lines: 200, seed: 1000 + i }));
const kind = findKind('ml-experiment-report');
const headings = ['?', '*'];
let fence = false;
for (const line of kind?.template.split(/\r?\n/) ?? []) {
  if (/^(```|~~~)/.test(line)) fence = !fence;
  else if (!fence && /^## /.test(line)) headings.push(line.trim(), '*');
}
writeFileSync(path.join(dir, '.markdownlint-cli2.jsonc'), JSON.stringify({ config: { default: false, MD043: { headings }, MD056: true } }, null, 2));
process.stdout.write(`${count} reports in ${dir}\n`);
