#!/usr/bin/env node
/* global document */
// Drives the extension in a real VS Code window as a person would — command palette →
// New Experiment Report, type a title, open the Problems panel, expand the ML Report view in
// the Explorer — and saves a screenshot of each step into docs/images/ (the README's pictures).
// Runs in code-server with headless Chromium (see scripts/vscode-test/); needs `npm run build`.
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openWindow } from './vscode-test/session.mjs';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const imagesDir = join(repoRoot, 'docs', 'images');
const REPORT_TITLE = 'ResNet-50 fine-tuning on CIFAR-10';
const STEP_TIMEOUT_MS = 30_000;

const started = Date.now();
const elapsed = () => `${((Date.now() - started) / 1000).toFixed(1)} s`;
const step = (message) => console.log(`[ui-smoke ${elapsed()}] ${message}`);

/** The palette labels and the view name come from the manifest, so a renamed command fails loudly here. */
function readContributions() {
  const manifest = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8'));
  const commands = manifest.contributes?.commands ?? [];
  const newReport = commands.find((command) => command.title === 'New Experiment Report' || command.title === 'ML Report: New Experiment Report');
  if (!newReport) throw new Error('package.json contributes no "New Experiment Report" command yet');
  const paletteLabel = newReport.category ? `${newReport.category}: ${newReport.title}` : newReport.title;
  const views = Object.values(manifest.contributes?.views ?? {}).flat();
  const outlineView = views.find((view) => view.name === 'ML Report') ?? views.find((view) => /ml report/i.test(view.name ?? ''));
  if (!outlineView) throw new Error('package.json contributes no "ML Report" view yet');
  return { paletteLabel, viewName: outlineView.name };
}

async function screenshot(page, name) {
  await page.waitForTimeout(500); // let decorations and the tree settle
  const file = join(imagesDir, name);
  await page.screenshot({ path: file });
  step(`saved ${join('docs', 'images', name)}`);
}

/** F1, type the label, Enter; the first search after start-up sometimes finds nothing, so retry. */
async function runFromPalette(page, label, attempts = 5) {
  const input = page.locator('.quick-input-widget input');
  for (let attempt = 1; attempt <= attempts; attempt += 1) {
    await page.keyboard.press('F1');
    await input.waitFor({ state: 'visible', timeout: STEP_TIMEOUT_MS });
    await input.fill(`>${label}`);
    const firstRow = page.locator('.quick-input-widget .monaco-list-row').first();
    try {
      await page.waitForFunction(
        ({ wanted }) => {
          const row = document.querySelector('.quick-input-widget .monaco-list-row');
          const text = row?.textContent ?? '';
          return text.includes(wanted) || text.includes('No matching commands');
        },
        { wanted: label.split(': ').pop() },
        { timeout: 10_000 },
      );
    } catch {
      // no row at all yet: treat like "No matching commands"
    }
    const text = (await firstRow.textContent().catch(() => '')) ?? '';
    if (text.includes(label.split(': ').pop()) && !text.includes('No matching commands')) {
      await page.keyboard.press('Enter');
      step(`ran "${label}" from the command palette${attempt > 1 ? ` (attempt ${attempt})` : ''}`);
      return;
    }
    step(`palette found no "${label}" (attempt ${attempt}: "${text.trim()}"), retrying`);
    await page.keyboard.press('Escape');
    await page.waitForTimeout(1_500);
  }
  throw new Error(`the command palette never offered "${label}"`);
}

async function newReport(page, paletteLabel) {
  await runFromPalette(page, paletteLabel);
  const editor = page.locator('.editor-instance .monaco-editor').first();
  await editor.waitFor({ state: 'visible', timeout: STEP_TIMEOUT_MS });
  await page.waitForFunction(() => document.querySelector('.editor-instance .view-lines')?.textContent?.includes('Experiment Report'), undefined, { timeout: STEP_TIMEOUT_MS });
  // The snippet leaves the cursor on the title placeholder: typing replaces it everywhere it is linked.
  await page.keyboard.type(REPORT_TITLE, { delay: 20 });
  await page.waitForFunction((title) => document.querySelector('.editor-instance .view-lines')?.textContent?.includes(title), REPORT_TITLE, { timeout: STEP_TIMEOUT_MS });
  step(`typed the title "${REPORT_TITLE}"`);
  await page.keyboard.press('Escape'); // leave snippet mode
}

async function openProblems(page) {
  await runFromPalette(page, 'View: Focus on Problems View');
  const rows = page.locator('.markers-panel .monaco-list-row');
  await rows.first().waitFor({ state: 'visible', timeout: STEP_TIMEOUT_MS });
  await page.waitForTimeout(1_000); // diagnostics are debounced
  const texts = await rows.allTextContents();
  step(`Problems panel shows ${texts.length} rows, e.g.:`);
  for (const text of texts.slice(0, 5)) console.log(`    ${text.trim()}`);
  return texts.length;
}

async function expandOutline(page, viewName) {
  await runFromPalette(page, 'View: Show Explorer');
  const header = page.locator('.pane-header', { hasText: viewName }).first();
  await header.waitFor({ state: 'visible', timeout: STEP_TIMEOUT_MS });
  if ((await header.getAttribute('aria-expanded')) !== 'true') await header.click();
  // The pane body follows its header; its tree rows are the report's sections.
  const pane = page.locator('.pane', { has: header });
  const rows = pane.locator('.monaco-list-row');
  await rows.first().waitFor({ state: 'visible', timeout: STEP_TIMEOUT_MS });
  const texts = await rows.allTextContents();
  step(`"${viewName}" view shows ${texts.length} rows, e.g.:`);
  for (const text of texts.slice(0, 5)) console.log(`    ${text.trim()}`);
  return texts.length;
}

const { paletteLabel, viewName } = readContributions();
mkdirSync(imagesDir, { recursive: true });
const scratch = mkdtempSync(join(tmpdir(), 'mlreport-ui-smoke-'));
const folder = join(scratch, 'workspace');
cpSync(join(repoRoot, 'test', 'integration', 'workspace'), folder, { recursive: true });

const window = await openWindow({ folder, extensionDevelopmentPath: repoRoot, onLog: () => undefined, viewport: { width: 1440, height: 900 } });
let exitCode = 0;
try {
  const { page } = window;
  await page.locator('.monaco-workbench .part.statusbar').waitFor({ state: 'visible', timeout: 60_000 });
  await page.locator('.explorer-folders-view .monaco-list-row').first().waitFor({ state: 'visible', timeout: 60_000 });
  step('window ready');
  await newReport(page, paletteLabel);
  await screenshot(page, 'new-report.png');
  await openProblems(page);
  await screenshot(page, 'problems.png');
  await runFromPalette(page, 'View: Close Panel');
  await expandOutline(page, viewName);
  await screenshot(page, 'outline.png');
  step('done');
} catch (error) {
  exitCode = 1;
  console.error(`[ui-smoke ${elapsed()}] failed: ${error instanceof Error ? error.message : error}`);
  const failure = join(repoRoot, 'out', 'ui-smoke-failure.png');
  mkdirSync(dirname(failure), { recursive: true });
  const saved = await window.page.screenshot({ path: failure }).then(() => true, () => false);
  if (saved) console.error(`screenshot of the window at the failure: ${failure}`);
} finally {
  await window.close();
  rmSync(scratch, { recursive: true, force: true });
}
process.exit(exitCode);
