#!/usr/bin/env node
/* global document */
// Drives the extension in a real VS Code window as a person would — command palette →
// New Experiment Report, type a title, open the Problems panel, expand the ML Report view in
// the Explorer — and saves a screenshot of each step into docs/images/ (the README's pictures).
// Runs in code-server with headless Chromium (see scripts/vscode-test/); needs `npm run build`.
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
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
  await page.mouse.move(24, 600); // park the pointer on the empty activity bar: no hover cards in the picture
  await page.waitForTimeout(800); // let decorations, the tree and hovers settle
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

/** Waits until the visible lines of the active editor contain `text` (the editor renders spaces as U+00A0). */
function waitForEditorText(page, text) {
  return page.waitForFunction(
    (wanted) => (document.querySelector('.editor-instance .view-lines')?.textContent ?? '').replace(/\u00a0/g, ' ').includes(wanted),
    text,
    { timeout: STEP_TIMEOUT_MS },
  );
}

async function newReport(page, paletteLabel, viewName) {
  await runFromPalette(page, paletteLabel);
  const editor = page.locator('.editor-instance .monaco-editor').first();
  await editor.waitFor({ state: 'visible', timeout: STEP_TIMEOUT_MS });
  await waitForEditorText(page, 'Experiment Report');
  // The snippet leaves the cursor on the title placeholder: typing replaces it everywhere it is linked.
  await page.keyboard.type(REPORT_TITLE, { delay: 20 });
  await waitForEditorText(page, REPORT_TITLE);
  step(`typed the title "${REPORT_TITLE}"`);
  await page.keyboard.press('Escape'); // leave snippet mode
  // Once the extension has taken the untitled document for a report, its view appears in the Explorer.
  await page.locator('.pane-header', { hasText: viewName }).first().waitFor({ state: 'visible', timeout: STEP_TIMEOUT_MS });
  // Diagnostics are debounced; wait for their squiggles in the editor.
  await page.locator('.editor-instance .squiggly-warning, .editor-instance .squiggly-error').first().waitFor({ state: 'attached', timeout: STEP_TIMEOUT_MS });
}

async function openProblems(page) {
  await runFromPalette(page, 'View: Focus on Problems View');
  const rows = page.locator('.markers-panel .monaco-list-row');
  await rows.first().waitFor({ state: 'visible', timeout: STEP_TIMEOUT_MS });
  await page.waitForTimeout(1_000); // diagnostics are debounced
  const texts = await rows.allTextContents();
  step(`Problems panel shows ${texts.length} rows on screen, e.g.:`);
  for (const text of texts.slice(0, 5)) console.log(`    ${text.trim()}`);
  return texts.length;
}

/** Drags the sash on the side bar's right edge, so that the view's descriptions fit. */
async function widenSideBar(page, pixels) {
  const sideBar = await page.locator('.part.sidebar').boundingBox();
  if (!sideBar) return;
  const edge = sideBar.x + sideBar.width;
  for (const sash of await page.locator('.monaco-sash.vertical').all()) {
    const box = await sash.boundingBox();
    if (!box || Math.abs(box.x + box.width / 2 - edge) > 4 || box.height < sideBar.height / 2) continue;
    const y = box.y + box.height / 2;
    await page.mouse.move(edge, y);
    await page.mouse.down();
    await page.mouse.move(edge + pixels, y, { steps: 10 });
    await page.mouse.up();
    return;
  }
  step('found no sash to widen the side bar');
}

async function expandOutline(page, viewName, folderName) {
  await runFromPalette(page, 'View: Show Explorer');
  // Give the report's view the whole side bar: fold the file tree away.
  const folderHeader = page.locator('.pane-header', { hasText: folderName }).first();
  if ((await folderHeader.getAttribute('aria-expanded')) === 'true') await folderHeader.click();
  await widenSideBar(page, 160);
  const header = page.locator('.pane-header', { hasText: viewName }).first();
  await header.waitFor({ state: 'visible', timeout: STEP_TIMEOUT_MS });
  if ((await header.getAttribute('aria-expanded')) !== 'true') await header.click();
  // The pane body follows its header; its tree rows are the report's sections.
  const pane = page.locator('.pane', { has: header });
  const rows = pane.locator('.monaco-list-row');
  await rows.first().waitFor({ state: 'visible', timeout: STEP_TIMEOUT_MS });
  // Unfold the first section to show its subsections too.
  await rows.first().locator('.monaco-tl-twistie').click();
  await page.waitForTimeout(500);
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
  await newReport(page, paletteLabel, viewName);
  await screenshot(page, 'new-report.png');
  await openProblems(page);
  await screenshot(page, 'problems.png');
  await runFromPalette(page, 'View: Toggle Panel Visibility'); // hide it again: the Explorer gets the whole height
  await expandOutline(page, viewName, basename(folder));
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
