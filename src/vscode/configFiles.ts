import { realpath } from 'node:fs/promises';
import { posix } from 'node:path';
import * as vscode from 'vscode';
import type { ReportConfig } from '../core/config';
import type { ReportKind } from '../core/templates/types';
import { BUILTIN_KINDS } from '../core/templates/registry';
import { CONFIG_FILE_NAME } from '../core/config';
import type { AsyncConfigDiscovery, AsyncConfigHost, FoundConfig } from '../core/configDiscovery';
import { asyncConfigDiscovery } from '../core/configDiscovery';
import type { Log } from './log';
import { toPosition } from './positions';

/** A kind of the workspace, with the folder whose configuration brings it (undefined for a built-in kind not changed by one). */
export interface WorkspaceKind {
  kind: ReportKind;
  folder: vscode.Uri | undefined;
}

/** A `.mlreport.json` that applies to a document. */
export interface ConfigLookup {
  uri: vscode.Uri;
  /** The folder holding it: its `files` globs are relative to it. */
  folder: vscode.Uri;
  /** The default configuration when the file cannot be read or is not JSON. */
  config: ReportConfig;
}

/** The configuration discovery's host in the editor: `vscode.workspace.fs`, so virtual workspaces work. */
export const vscodeConfigHost: AsyncConfigHost<vscode.Uri> = {
  parent: (uri) => vscode.Uri.joinPath(uri, '..'),
  join: (folder, name) => vscode.Uri.joinPath(folder, name),
  key: (uri) => uri.toString(),
  async stat(uri) {
    try {
      return ((await vscode.workspace.fs.stat(uri)).type & vscode.FileType.File) !== 0 ? 'file' : 'absent';
    } catch (error) {
      return isNotFound(error) ? 'absent' : { problem: describeFileSystemError(error) };
    }
  },
  async readFile(uri) {
    try {
      return { text: new TextDecoder('utf-8').decode(await vscode.workspace.fs.readFile(uri)) };
    } catch (error) {
      return { problem: describeFileSystemError(error) };
    }
  },
  /** Links exist only on disk; other file systems are taken as they are. */
  async realPath(uri) {
    if (uri.scheme !== 'file') return { path: uri };
    try {
      return { path: vscode.Uri.file(await realpath(uri.fsPath)) };
    } catch (error) {
      const code = (error as { code?: unknown }).code;
      return { problem: code === 'ENOENT' ? 'no such file' : code === 'EACCES' ? 'permission denied' : describeFileSystemError(error) };
    }
  },
};

/**
 * Finds and reads the workspace's `.mlreport.json` files (core/configDiscovery.ts): the nearest one
 * walking up from a document's folder to its workspace folder. Re-read when one changes; its problems,
 * including why it cannot be read, show as diagnostics on the file itself.
 */
export class ConfigFiles implements vscode.Disposable {
  private discovery = this.newDiscovery();
  /** By the folder a lookup starts from. */
  private readonly byFolder = new Map<string, Promise<ConfigLookup | undefined>>();
  private readonly changed = new vscode.EventEmitter<void>();
  /** The template files of the configurations read, by URI: saving one reloads them. */
  private readonly templates = new Set<string>();
  private readonly disposables: vscode.Disposable[] = [this.changed];
  readonly onDidChange = this.changed.event;

  constructor(private readonly diagnostics: vscode.DiagnosticCollection, private readonly log: Log) {
    const watcher = vscode.workspace.createFileSystemWatcher(`**/${CONFIG_FILE_NAME}`);
    const reset = (uri: vscode.Uri): void => {
      this.log.info(`${CONFIG_FILE_NAME} changed: ${uri.toString(true)}`);
      this.diagnostics.delete(uri);
      this.byFolder.clear();
      this.discovery = this.newDiscovery();
      this.changed.fire();
    };
    this.disposables.push(watcher, watcher.onDidCreate(reset), watcher.onDidChange(reset), watcher.onDidDelete(reset));
    this.disposables.push(vscode.workspace.onDidSaveTextDocument((document) => {
      if (this.templates.has(document.uri.toString())) reset(document.uri);
    }));
  }

  /**
   * Every kind of the workspace: the built-in ones, then the kinds of each `.mlreport.json` in the
   * workspace folders (a kind of the same id from a nearer-to-the-root configuration first).
   */
  async workspaceKinds(): Promise<WorkspaceKind[]> {
    const files = await vscode.workspace.findFiles(`**/${CONFIG_FILE_NAME}`, '**/node_modules/**', 50);
    files.sort((a, b) => a.path.split('/').length - b.path.split('/').length || a.path.localeCompare(b.path));
    const kinds: WorkspaceKind[] = BUILTIN_KINDS.map((kind) => ({ kind, folder: undefined }));
    const seen = new Set<string>();
    for (const file of files) {
      const folder = vscode.Uri.joinPath(file, '..');
      const lookup = await this.forDocument(vscode.Uri.joinPath(folder, 'report.md'));
      for (const kind of lookup?.config.kinds ?? []) {
        const key = `${kind.id}\u0000${kind.source ?? ''}`;
        if (seen.has(key)) continue;
        seen.add(key);
        const builtin = kinds.findIndex((entry) => entry.folder === undefined && entry.kind.id === kind.id);
        if (builtin >= 0) kinds.splice(builtin, 1);
        kinds.push({ kind, folder });
      }
    }
    return kinds;
  }

  /** Whether a document is the template of a kind of a configuration in use. */
  isTemplate(uri: vscode.Uri): boolean {
    return this.templates.has(uri.toString());
  }

  /** The configuration for a document, or undefined when none applies. */
  forDocument(uri: vscode.Uri): Promise<ConfigLookup | undefined> {
    const start = startFolder(uri);
    if (!start) return Promise.resolve(undefined);
    const key = start.toString();
    let found = this.byFolder.get(key);
    if (!found) {
      found = this.discovery.find(start, stopFolder(uri, start)).then((config) => config && { uri: config.path, folder: config.folder, config: config.config });
      this.byFolder.set(key, found);
    }
    return found;
  }

  dispose(): void {
    for (const disposable of this.disposables) disposable.dispose();
  }

  private newDiscovery(): AsyncConfigDiscovery<vscode.Uri> {
    return asyncConfigDiscovery(vscodeConfigHost, (found) => this.show(found));
  }

  private show(found: FoundConfig<vscode.Uri>): void {
    const diagnostics: vscode.Diagnostic[] = [];
    if (found.error) {
      const at = found.error.at ? toPosition(found.error.at) : new vscode.Position(0, 0);
      diagnostics.push(configDiagnostic(new vscode.Range(at, at), found.error.message, vscode.DiagnosticSeverity.Error));
    }
    for (const warning of found.warnings) {
      diagnostics.push(configDiagnostic(new vscode.Range(0, 0, 0, 1), warning, vscode.DiagnosticSeverity.Warning));
    }
    for (const problem of found.problems) {
      const at = toPosition(problem);
      diagnostics.push(configDiagnostic(new vscode.Range(at, at.translate(0, 1)), `"${problem.key}": ${problem.message}`, vscode.DiagnosticSeverity.Error));
    }
    for (const kind of found.config.kinds ?? []) if (kind.source !== undefined) this.templates.add(kind.source);
    this.diagnostics.set(found.path, diagnostics);
    for (const diagnostic of diagnostics) this.log.warn(`${found.path.toString(true)}: ${diagnostic.message}`);
    this.log.info(`using ${found.path.toString(true)}`);
  }
}

function isNotFound(error: unknown): boolean {
  return error instanceof vscode.FileSystemError && (error.code === 'FileNotFound' || error.code === 'FileNotADirectory');
}

/** As the CLI words its file errors (cli/readTextFile.ts `describeFsError`). */
function describeFileSystemError(error: unknown): string {
  if (error instanceof vscode.FileSystemError) {
    if (error.code === 'FileNotFound') return 'no such file';
    if (error.code === 'NoPermissions') return 'permission denied';
    if (error.code === 'FileIsADirectory') return 'it is a folder';
  }
  return error instanceof Error ? error.message : String(error);
}

/** The path of a document relative to a folder, with `/`, or undefined when it is not inside it. */
export function relativePath(folder: vscode.Uri, uri: vscode.Uri): string | undefined {
  if (folder.scheme !== uri.scheme || folder.authority !== uri.authority) return undefined;
  const relative = posix.relative(folder.path, uri.path);
  return relative.startsWith('..') || posix.isAbsolute(relative) ? undefined : relative;
}

function startFolder(uri: vscode.Uri): vscode.Uri | undefined {
  if (uri.scheme === 'untitled') {
    // An untitled report created for a folder (*New Report…* of a folder's kind) carries its future path.
    const base = vscode.workspace.workspaceFolders?.[0]?.uri;
    if (base && uri.path.startsWith('/') && uri.path.lastIndexOf('/') > 0) return base.with({ path: posix.dirname(uri.path) });
    return base;
  }
  return vscode.Uri.joinPath(uri, '..');
}

/** Walk up to the document's workspace folder; outside any, to the file system's root. */
function stopFolder(uri: vscode.Uri, start: vscode.Uri): vscode.Uri {
  const folder = vscode.workspace.getWorkspaceFolder(uri)?.uri;
  if (folder) return folder;
  return uri.scheme === 'file' ? start.with({ path: '/' }) : start;
}

function configDiagnostic(range: vscode.Range, message: string, severity: vscode.DiagnosticSeverity): vscode.Diagnostic {
  const diagnostic = new vscode.Diagnostic(range, message, severity);
  diagnostic.source = 'mlreport';
  return diagnostic;
}
