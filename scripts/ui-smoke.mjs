#!/usr/bin/env node
/* global document */
// Drives the extension in a real VS Code window as a person would — command palette →
// New Experiment Report, type a title, click the status bar item and type over the placeholder it
// selects, hover a placeholder, type `mlr-` and `## ` and see the lists, Lint All Reports, open the
// ML Report view from the activity bar — checks what a person would see at each step and saves
// screenshots into docs/images/ (the README's pictures). Any step that fails fails the run.
// Runs in code-server with headless Chromium (see scripts/vscode-test/); needs `npm run build`.
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openWindow } from './vscode-test/session.mjs';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const imagesDir = join(repoRoot, 'docs', 'images');
const REPORT_TITLE = 'ResNet-50 fine-tuning on CIFAR-10';
const AUTHORS = 'Ana Pereira, Tom Okafor';
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
  const container = manifest.contributes?.viewsContainers?.activitybar?.find((candidate) => candidate.id === 'mlreport');
  const outlineView = manifest.contributes?.views?.mlreport?.[0];
  if (!container || !outlineView) throw new Error('package.json contributes no ML Report activity-bar container with a view');
  return { paletteLabel, viewName: outlineView.name, containerTitle: container.title };
}

async function screenshot(page, name, { keepPointer = false } = {}) {
  if (!keepPointer) await page.mouse.move(24, 600); // park the pointer on the empty activity bar: no hover cards in the picture
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
  void viewName;
  // Diagnostics are debounced; wait for their squiggles in the editor.
  await page.locator('.editor-instance .squiggly-warning, .editor-instance .squiggly-error').first().waitFor({ state: 'attached', timeout: STEP_TIMEOUT_MS });
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

/** Clicks the status bar item, then types: the text must replace the placeholder it selected (focus is in the editor). */
async function statusBarThenType(page) {
  const item = page.locator('.statusbar-item', { hasText: 'placeholder' }).first();
  await item.waitFor({ state: 'visible', timeout: STEP_TIMEOUT_MS });
  step(`status bar item: "${(await item.textContent())?.trim()}"`);
  await item.click();
  await page.waitForTimeout(500);
  await page.keyboard.type(AUTHORS, { delay: 20 });
  await waitForEditorText(page, `authors: ${AUTHORS}`);
  step('clicked the status bar item and typed: the placeholder it selected (the front matter authors) was replaced');
}

async function hoverPlaceholder(page, text) {
  const target = page.locator('.editor-instance .view-line span', { hasText: text }).last();
  await target.waitFor({ state: 'visible', timeout: STEP_TIMEOUT_MS });
  await target.hover();
  const hover = page.locator('.monaco-hover:not(.hidden)', { hasText: 'What' }).first();
  await hover.or(page.locator('.monaco-hover:not(.hidden)', { hasText: 'Example' }).first()).first().waitFor({ state: 'visible', timeout: STEP_TIMEOUT_MS });
  step(`hover on ${text}: "${((await page.locator('.monaco-hover:not(.hidden)').first().textContent()) ?? '').slice(0, 120)}…"`);
}

/** Types at the cursor and waits for the suggestion list (no Ctrl+Space), returning its first rows. */
async function typeAndSeeSuggestions(page, text, expected) {
  await page.keyboard.type(text, { delay: 40 });
  const rows = page.locator('.suggest-widget.visible .monaco-list-row');
  await rows.first().waitFor({ state: 'visible', timeout: STEP_TIMEOUT_MS });
  await page.waitForFunction(
    (wanted) => (document.querySelector('.suggest-widget.visible .monaco-list-row')?.textContent ?? '').includes(wanted),
    expected,
    { timeout: STEP_TIMEOUT_MS },
  );
  const texts = (await rows.allTextContents()).slice(0, 4).map((row) => row.trim());
  step(`typed "${text}": the list opened, first rows: ${texts.join(' | ')}`);
  return texts;
}

async function openFile(page, name) {
  await page.keyboard.press('Control+P');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible', timeout: STEP_TIMEOUT_MS });
  await input.fill(name);
  await page.locator('.quick-input-widget .monaco-list-row', { hasText: name }).first().waitFor({ state: 'visible', timeout: STEP_TIMEOUT_MS });
  await page.keyboard.press('Enter');
  await input.waitFor({ state: 'hidden', timeout: STEP_TIMEOUT_MS });
  await waitForEditorText(page, '---');
  await page.waitForTimeout(500);
}

async function goToLine(page, line) {
  await page.keyboard.press('Control+G');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible', timeout: STEP_TIMEOUT_MS });
  await input.fill(`:${line}`);
  await page.keyboard.press('Enter');
  await input.waitFor({ state: 'hidden', timeout: STEP_TIMEOUT_MS });
  await page.waitForTimeout(500); // the editor takes the focus back
  await page.keyboard.press('End');
}

/**
 * Lint All Reports: the Problems panel must open, and the message must give the counts with a Show Problems
 * button. Run with the smoke-test driver, VS Code shows no toasts at all (the workbench skips them in that
 * mode), so the message is read where it lands, in the notification center.
 */
async function lintAll(page) {
  await runFromPalette(page, 'ML Report: Lint All Reports in Workspace');
  await page.locator('.markers-panel .monaco-list-row').first().waitFor({ state: 'visible', timeout: STEP_TIMEOUT_MS });
  step('Lint All: the Problems panel opened');
  await page.locator('#status\\.notifications').click();
  const message = page.locator('.notifications-center .notification-list-item', { hasText: 'ML Report:' }).first();
  await message.waitFor({ state: 'visible', timeout: STEP_TIMEOUT_MS });
  await message.locator('.monaco-button', { hasText: 'Show Problems' }).waitFor({ state: 'visible', timeout: STEP_TIMEOUT_MS });
  step(`Lint All: the message says "${((await message.locator('.notification-list-item-message').textContent()) ?? '').trim()}", with a Show Problems button`);
}

async function openReportView(page, containerTitle, viewName) {
  await runFromPalette(page, 'View: Toggle Panel Visibility'); // the side bar gets the whole height
  const icon = page.locator(`.activitybar .action-item a[aria-label^="${containerTitle}"], .activitybar .action-item[aria-label^="${containerTitle}"]`).first();
  await icon.waitFor({ state: 'visible', timeout: STEP_TIMEOUT_MS });
  await icon.click();
  const rows = page.locator('.part.sidebar .monaco-list-row');
  await rows.first().waitFor({ state: 'visible', timeout: STEP_TIMEOUT_MS });
  await widenSideBar(page, 60);
  // Unfold a section with a missing subsection, to show what the view says about it.
  await page.locator('.part.sidebar .monaco-list-row', { hasText: 'Conclusions' }).first().locator('.monaco-tl-twistie').click();
  await page.waitForTimeout(500);
  const texts = await rows.allTextContents();
  step(`"${containerTitle}" activity-bar view (${viewName}) shows ${texts.length} rows, e.g.:`);
  for (const text of texts.slice(0, 6)) console.log(`    ${text.trim()}`);
  if (texts.length < 12) throw new Error(`the report view shows only ${texts.length} rows`);
}

const { paletteLabel, viewName, containerTitle } = readContributions();
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
  await statusBarThenType(page);
  await hoverPlaceholder(page, '{{ABSTRACT}}');
  await screenshot(page, 'hover.png', { keepPointer: true });
  await page.keyboard.press('Control+End');
  await page.keyboard.press('Enter');
  await page.keyboard.press('Enter');
  await typeAndSeeSuggestions(page, 'mlr-', 'mlr-');
  await screenshot(page, 'snippet-completion.png');
  await page.keyboard.press('Escape');
  await openFile(page, 'broken-report.md');
  await goToLine(page, 250);
  await page.keyboard.press('Enter');
  await page.keyboard.press('Enter');
  await typeAndSeeSuggestions(page, '## ', 'Robustness');
  await screenshot(page, 'heading-completion.png');
  await page.keyboard.press('Escape');
  for (let undo = 0; undo < 3; undo += 1) await page.keyboard.press('Control+Z'); // leave the report as it was
  await lintAll(page);
  await screenshot(page, 'problems.png');
  await page.keyboard.press('Escape');
  await openReportView(page, containerTitle, viewName);
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
