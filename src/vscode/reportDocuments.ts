import * as vscode from 'vscode';
import type { LintOptions, LintResult } from '../core';
import { ReportLinter } from '../core';
import type { ReportConfig } from '../core/config';
import { matchesConfigFiles } from '../core/config';
import { reportLintOptions } from '../core/features/reportSelection';
import { sniffDeclaredType } from '../core/parse/declaredType';
import type { ConfigFiles } from './configFiles';
import { relativePath } from './configFiles';
import type { RuleLink } from './diagnostics';
import { toDiagnostic } from './diagnostics';
import type { Log } from './log';
import { describeError } from './log';
import type { ExtensionSettings } from './settings';
import { readSettings } from './settings';

/** Why a document is being linted: live linting skips documents above the size limit, the others do not. */
export type LintTrigger = 'open' | 'change' | 'config' | 'save' | 'demand';

const LIVE_TRIGGERS: readonly LintTrigger[] = ['open', 'change', 'config'];

interface DocumentState {
  linter: ReportLinter | undefined;
  optionsKey: string;
  result: LintResult | undefined;
  /** The document version `result` was computed for. */
  version: number;
  /** Bumped by every lint request; a request that is no longer the latest drops its result. */
  generation: number;
  timer: ReturnType<typeof setTimeout> | undefined;
  /** Above `mlreport.maxLiveLintSize`: linted on save and on demand only. */
  tooLarge: boolean;
}

/** The state of a document not linted as a report (yet, or any more); `generation` only grows. */
function notReport(generation: number): DocumentState {
  return { linter: undefined, optionsKey: '', result: undefined, version: -1, generation, timer: undefined, tooLarge: false };
}

/** Linted as a report: the linter exists, or it would when the document is not too large to lint live. */
function isReportState(state: DocumentState | undefined): boolean {
  return state !== undefined && (state.linter !== undefined || state.tooLarge);
}

/**
 * Live diagnostics: one incremental `ReportLinter` per open report document, debounced on change,
 * results for an older version of a document dropped. The other views read results from here.
 */
export class ReportDocuments implements vscode.Disposable {
  private readonly states = new Map<string, DocumentState>();
  private readonly linted = new vscode.EventEmitter<vscode.TextDocument>();
  /** Documents whose size note is in the log: once each while open. */
  private readonly tooLargeNoted = new Set<string>();
  /** The settings' `files` globs as config objects, by their JSON, for the options in effect. */
  private readonly settingsGlobs = new Map<string, ReportConfig>();
  /** Fired after a document's diagnostics, result or report status changed. */
  readonly onDidLint = this.linted.event;

  constructor(
    private readonly diagnostics: vscode.DiagnosticCollection,
    private readonly configs: ConfigFiles,
    private readonly link: RuleLink,
    private readonly log: Log,
  ) {}

  /** Lints after the debounce delay; a newer call restarts the delay. */
  schedule(document: vscode.TextDocument): void {
    const state = this.stateOf(document);
    if (state.timer) clearTimeout(state.timer);
    const delay = readSettings(document.uri).debounceMs;
    state.timer = setTimeout(() => {
      state.timer = undefined;
      void this.lint(document, 'change');
    }, delay);
  }

  /** Lints now. Resolves to the result, or undefined when the document is not a report (or was changed meanwhile). */
  async lint(document: vscode.TextDocument, trigger: LintTrigger): Promise<LintResult | undefined> {
    const key = document.uri.toString();
    const state = this.stateOf(document);
    const generation = ++state.generation;
    const version = document.version;
    /** A newer request (an edit, a close, another lint) makes this one moot. */
    const stale = (): boolean => this.states.get(key) !== state || state.generation !== generation || document.version !== version || document.isClosed;
    try {
      // Not inside the event that announced the document: for a large one, receiving it is a long task already.
      await nextTask();
      if (stale()) return undefined;
      // `getText` joins the document's lines anew at each call: once, and only for Markdown (`optionsFor` rejects the rest).
      const text = document.languageId === 'markdown' ? document.getText() : '';
      const options = await this.optionsFor(document.uri, text, document.languageId);
      if (stale()) return undefined;
      if (!options) {
        this.forget(document, false);
        return undefined;
      }
      const settings = readSettings(document.uri);
      state.tooLarge = exceeds(text, settings.maxLiveLintSize);
      if (state.tooLarge && LIVE_TRIGGERS.includes(trigger)) {
        this.noteTooLarge(key, settings);
        this.linted.fire(document);
        return state.version === version ? state.result : undefined;
      }
      const optionsKey = optionsKeyOf(options);
      if (!state.linter || state.optionsKey !== optionsKey) {
        state.linter = new ReportLinter(options);
        state.optionsKey = optionsKey;
      }
      // Sliced: the first lint of a long report lets the extension host breathe between slices,
      // and stops as soon as it is stale.
      const result = await state.linter.updateAsync(text, { isCancelled: stale });
      if (!result || stale()) return undefined;
      // Not in the lint's last slice: diagnostics and views get a task of their own.
      await nextTask();
      if (stale()) return undefined;
      this.publish(document, state, result, version);
      return result;
    } catch (error) {
      this.log.error(`linting ${document.uri.toString(true)} failed: ${describeError(error)}`);
      return undefined;
    }
  }

  /**
   * The result for the document's current text, or undefined when it is not a report. A document
   * edited since its last lint is linted again at once with the options it had (cheap: incremental),
   * unless `passive` (a request the user did not make, such as the light bulb's: the debounced lint
   * will follow).
   */
  current(document: vscode.TextDocument, passive = false): LintResult | undefined {
    const state = this.states.get(document.uri.toString());
    if (!state?.linter || !state.result) return undefined;
    if (state.version !== document.version) {
      if (passive) return undefined;
      state.generation++;
      if (state.timer) {
        clearTimeout(state.timer);
        state.timer = undefined;
      }
      this.publish(document, state, state.linter.update(document.getText()), document.version);
    }
    return state.result;
  }

  /** The current result for a command the user ran: lints now if needed, also a document too large to lint live. */
  async forCommand(document: vscode.TextDocument): Promise<LintResult | undefined> {
    return this.current(document) ?? (this.isReport(document.uri) ? this.lint(document, 'demand') : undefined);
  }

  /** The last result, whatever version it was for (for views that may lag a keystroke). */
  last(uri: vscode.Uri): LintResult | undefined {
    return this.states.get(uri.toString())?.result;
  }

  isReport(uri: vscode.Uri): boolean {
    return isReportState(this.states.get(uri.toString()));
  }

  /** Whether the document has been linted (as a report or not) since it was opened. */
  isTracked(uri: vscode.Uri): boolean {
    return this.states.has(uri.toString());
  }

  isTooLarge(uri: vscode.Uri): boolean {
    return this.states.get(uri.toString())?.tooLarge ?? false;
  }

  /** The lint options for a text at a location, or undefined when it is not a report. */
  async optionsFor(uri: vscode.Uri, text: string, languageId = 'markdown'): Promise<LintOptions | undefined> {
    const settings = readSettings(uri);
    if (!settings.enable || languageId !== 'markdown') return undefined;
    const lookup = await this.configs.forDocument(uri);
    // A kind's template is the kind's source, not a report: its filler is meant to be there.
    if (this.configs.isTemplate(uri)) return undefined;
    const folder = vscode.workspace.getWorkspaceFolder(uri)?.uri;
    const inFolder = folder && relativePath(folder, uri);
    const inConfigFolder = lookup && relativePath(lookup.folder, uri);
    const matchesFiles =
      (inFolder !== undefined && matchesConfigFiles(this.globsAsConfig(settings.files), inFolder)) ||
      (lookup !== undefined && inConfigFolder !== undefined && matchesConfigFiles(lookup.config, inConfigFolder));
    return reportLintOptions({
      declaredType: sniffDeclaredType(text),
      matchesFiles,
      config: lookup?.config,
      settingsRules: settings.rules,
      relativePath: inConfigFolder,
    });
  }

  /** Drops a closed document's state and diagnostics. */
  close(document: vscode.TextDocument): void {
    this.forget(document, true);
  }

  /** Forgets every linter (options changed) and clears every diagnostic; callers re-lint the open documents. */
  reset(): void {
    this.forgetAll();
    this.diagnostics.clear();
  }

  /** Leaves the diagnostic collection alone: the extension disposes it too. */
  dispose(): void {
    this.forgetAll();
    this.linted.dispose();
  }

  private publish(document: vscode.TextDocument, state: DocumentState, result: LintResult, version: number): void {
    state.result = result;
    state.version = version;
    this.diagnostics.set(document.uri, result.findings.map((finding) => toDiagnostic(finding, this.link)));
    for (const { rule, error } of result.internalErrors) {
      this.log.error(`rule "${rule}" failed on ${document.uri.toString(true)}: ${describeError(error)}`);
    }
    this.linted.fire(document);
  }

  private forget(document: vscode.TextDocument, closed: boolean): void {
    const key = document.uri.toString();
    const state = this.states.get(key);
    if (state) state.generation++;
    if (state?.timer) clearTimeout(state.timer);
    const wasReport = isReportState(state);
    if (closed) {
      this.states.delete(key);
      this.tooLargeNoted.delete(key);
    } else if (state) Object.assign(state, notReport(state.generation));
    this.diagnostics.delete(document.uri);
    if (wasReport || closed) this.linted.fire(document);
  }

  private forgetAll(): void {
    for (const state of this.states.values()) if (state.timer) clearTimeout(state.timer);
    this.states.clear();
    this.settingsGlobs.clear();
  }

  private stateOf(document: vscode.TextDocument): DocumentState {
    const key = document.uri.toString();
    let state = this.states.get(key);
    if (!state) {
      state = notReport(0);
      this.states.set(key, state);
    }
    return state;
  }

  /** The settings' globs as a stable config object, so the core's compiled matcher is reused. */
  private globsAsConfig(files: readonly string[]): ReportConfig {
    const key = JSON.stringify(files);
    let config = this.settingsGlobs.get(key);
    if (!config) {
      config = { rules: {}, files, kind: '' };
      this.settingsGlobs.set(key, config);
    }
    return config;
  }

  private noteTooLarge(key: string, settings: ExtensionSettings): void {
    if (this.tooLargeNoted.has(key)) return;
    this.tooLargeNoted.add(key);
    this.log.info(`${key} is larger than mlreport.maxLiveLintSize (${settings.maxLiveLintSize} bytes): linted on save and on demand only`);
  }
}

function nextTask(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

/** Whether a text's UTF-8 size exceeds a limit, without encoding it when the length alone decides. */
function exceeds(text: string, limit: number): boolean {
  if (text.length > limit) return true;
  if (text.length * 3 <= limit) return false;
  return Buffer.byteLength(text, 'utf8') > limit;
}

const kindIds = new WeakMap<object, number>();

/** Options as a comparable key; kinds (large objects, compiled once per template text) by identity. */
function optionsKeyOf(options: LintOptions): string {
  const kinds = options.kinds?.map((kind) => {
    let id = kindIds.get(kind);
    if (id === undefined) {
      id = ++kindCount;
      kindIds.set(kind, id);
    }
    return id;
  });
  return JSON.stringify({ ...options, kinds });
}
let kindCount = 0;
