// Utilities for integration tests that run inside VS Code's extension host.
import * as vscode from 'vscode';

export const EXTENSION_ID = 'mlreport.mlreport';
export const DIAGNOSTIC_SOURCE = 'mlreport';

export interface WaitOptions {
  timeoutMs?: number;
  intervalMs?: number;
  /** Describes what was awaited, for the timeout error. */
  message?: string;
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/**
 * Polls `probe` until it returns something other than `undefined` or `false`, and returns that.
 * Throws after the timeout, naming what was awaited and the last value seen.
 */
export async function waitFor<T>(probe: () => T | undefined | false | Promise<T | undefined | false>, options: WaitOptions = {}): Promise<T> {
  const { timeoutMs = 10_000, intervalMs = 50, message = 'condition' } = options;
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  for (;;) {
    try {
      const value = await probe();
      if (value !== undefined && value !== false) return value;
      lastError = undefined;
    } catch (error) {
      lastError = error;
    }
    if (Date.now() >= deadline) {
      const cause = lastError instanceof Error ? `: ${lastError.message}` : '';
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${message}${cause}`);
    }
    await sleep(intervalMs);
  }
}

export function workspaceFolder(): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) throw new Error('the integration tests need the fixture workspace open as a folder');
  return folder.uri;
}

/** The URI of a file in the fixture workspace (a temporary copy of test/integration/workspace). */
export function fixtureUri(relativePath: string): vscode.Uri {
  return vscode.Uri.joinPath(workspaceFolder(), ...relativePath.split('/'));
}

/** Opens a fixture file and shows it in an editor, which becomes the active one. */
export async function openFixture(relativePath: string): Promise<vscode.TextEditor> {
  const document = await vscode.workspace.openTextDocument(fixtureUri(relativePath));
  return vscode.window.showTextDocument(document, { preview: false });
}

/** Opens an untitled document with the given text (Markdown by default) in an editor. */
export async function openUntitled(content: string, language = 'markdown'): Promise<vscode.TextEditor> {
  const document = await vscode.workspace.openTextDocument({ language, content });
  return vscode.window.showTextDocument(document, { preview: false });
}

/** Replaces the whole text of the editor's document (one undoable edit). */
export async function setText(editor: vscode.TextEditor, text: string): Promise<void> {
  const document = editor.document;
  const whole = new vscode.Range(document.positionAt(0), document.positionAt(document.getText().length));
  const applied = await editor.edit((builder) => builder.replace(whole, text));
  if (!applied) throw new Error(`could not edit ${document.uri.toString()}`);
}

/** Closes every editor, discarding unsaved changes, so that tests don't see each other's documents. */
export async function closeAllEditors(): Promise<void> {
  const editable = (document: vscode.TextDocument) => document.uri.scheme === 'file' || document.uri.scheme === 'untitled';
  for (const document of vscode.workspace.textDocuments) {
    if (!document.isDirty || document.isClosed || !editable(document)) continue;
    await vscode.window.showTextDocument(document, { preview: false });
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  }
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
}

export function executeCommand<T = unknown>(command: string, ...args: unknown[]): Promise<T | undefined> {
  return Promise.resolve(vscode.commands.executeCommand<T | undefined>(command, ...args));
}

/** Diagnostics of `uri` that this extension produced. */
export function mlreportDiagnostics(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((diagnostic) => diagnostic.source === DIAGNOSTIC_SOURCE);
}

/** The rule id of a diagnostic (its code, which may carry a link target). */
export function ruleOf(diagnostic: vscode.Diagnostic): string {
  const code = diagnostic.code;
  if (code === undefined) return '';
  return typeof code === 'object' ? String(code.value) : String(code);
}

/**
 * Waits until the extension's diagnostics of `uri` satisfy `accept` (by default: there are some)
 * and returns them.
 */
export function waitForDiagnostics(
  uri: vscode.Uri,
  accept: (diagnostics: vscode.Diagnostic[]) => boolean = (diagnostics) => diagnostics.length > 0,
  options: WaitOptions = {},
): Promise<vscode.Diagnostic[]> {
  return waitFor(() => {
    const diagnostics = mlreportDiagnostics(uri);
    return accept(diagnostics) ? diagnostics : undefined;
  }, { message: `the expected diagnostics of ${uri.toString(true)}`, ...options });
}

export function getExtension(): vscode.Extension<unknown> {
  const extension = vscode.extensions.getExtension<unknown>(EXTENSION_ID);
  if (!extension) throw new Error(`extension ${EXTENSION_ID} is not installed in the test window`);
  return extension;
}

/**
 * Activates the extension if needed and returns what its `activate` returned: the API object
 * that exposes internals such as the outline provider to tests. Narrow it in the test.
 */
export async function getExtensionApi(): Promise<unknown> {
  const extension = getExtension();
  return extension.isActive ? extension.exports : extension.activate();
}

/** Sets a setting for the workspace (the temporary copy) and returns a function that restores it. */
export async function updateSetting(section: string, key: string, value: unknown): Promise<() => Promise<void>> {
  const configuration = vscode.workspace.getConfiguration(section);
  const previous = configuration.inspect(key)?.workspaceValue;
  await configuration.update(key, value, vscode.ConfigurationTarget.Workspace);
  return async () => {
    await vscode.workspace.getConfiguration(section).update(key, previous, vscode.ConfigurationTarget.Workspace);
  };
}
