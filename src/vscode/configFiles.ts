import { posix } from 'node:path';
import * as vscode from 'vscode';
import type { ReportConfig } from '../core/config';
import { CONFIG_FILE_NAME, parseConfigText } from '../core/config';
import type { Log } from './log';
import { toPosition } from './positions';

/** A `.mlreport.json` that applies to a document. */
export interface ConfigLookup {
  uri: vscode.Uri;
  /** The folder holding it: its `files` globs are relative to it. */
  folder: vscode.Uri;
  config: ReportConfig;
}

/**
 * Finds and reads the workspace's `.mlreport.json` files through `vscode.workspace.fs` (so virtual
 * workspaces work): the nearest one walking up from a document's folder to its workspace folder.
 * Re-read when one changes; its problems show as diagnostics on the file itself.
 */
export class ConfigFiles implements vscode.Disposable {
  private readonly byFolder = new Map<string, Promise<ConfigLookup | undefined>>();
  private readonly changed = new vscode.EventEmitter<void>();
  private readonly disposables: vscode.Disposable[] = [this.changed];
  readonly onDidChange = this.changed.event;

  constructor(private readonly diagnostics: vscode.DiagnosticCollection, private readonly log: Log) {
    const watcher = vscode.workspace.createFileSystemWatcher(`**/${CONFIG_FILE_NAME}`);
    const reset = (uri: vscode.Uri): void => {
      this.log.info(`${CONFIG_FILE_NAME} changed: ${uri.toString(true)}`);
      this.diagnostics.delete(uri);
      this.byFolder.clear();
      this.changed.fire();
    };
    this.disposables.push(watcher, watcher.onDidCreate(reset), watcher.onDidChange(reset), watcher.onDidDelete(reset));
  }

  /** The configuration for a document, or undefined when none applies. */
  forDocument(uri: vscode.Uri): Promise<ConfigLookup | undefined> {
    const start = startFolder(uri);
    if (!start) return Promise.resolve(undefined);
    return this.lookup(start, stopFolder(uri, start));
  }

  dispose(): void {
    for (const disposable of this.disposables) disposable.dispose();
  }

  private lookup(folder: vscode.Uri, stop: vscode.Uri): Promise<ConfigLookup | undefined> {
    const key = folder.toString();
    let found = this.byFolder.get(key);
    if (!found) {
      found = this.read(folder).then((lookup) => {
        if (lookup) return lookup;
        const parent = vscode.Uri.joinPath(folder, '..');
        if (folder.path === stop.path || parent.path === folder.path) return undefined;
        return this.lookup(parent, stop);
      });
      this.byFolder.set(key, found);
    }
    return found;
  }

  private async read(folder: vscode.Uri): Promise<ConfigLookup | undefined> {
    const uri = vscode.Uri.joinPath(folder, CONFIG_FILE_NAME);
    let bytes: Uint8Array;
    try {
      bytes = await vscode.workspace.fs.readFile(uri);
    } catch {
      return undefined;
    }
    const parsed = parseConfigText(new TextDecoder('utf-8').decode(bytes));
    const diagnostics: vscode.Diagnostic[] = [];
    if (parsed.syntaxError) {
      const at = toPosition(parsed.syntaxError);
      diagnostics.push(configDiagnostic(new vscode.Range(at, at), parsed.syntaxError.message, vscode.DiagnosticSeverity.Error));
    }
    for (const problem of parsed.problems) {
      diagnostics.push(configDiagnostic(new vscode.Range(0, 0, 0, 1), problem, vscode.DiagnosticSeverity.Warning));
    }
    this.diagnostics.set(uri, diagnostics);
    for (const diagnostic of diagnostics) this.log.warn(`${uri.toString(true)}: ${diagnostic.message}`);
    this.log.info(`using ${uri.toString(true)}`);
    return { uri, folder, config: parsed.config };
  }
}

/** The path of a document relative to a folder, with `/`, or undefined when it is not inside it. */
export function relativePath(folder: vscode.Uri, uri: vscode.Uri): string | undefined {
  if (folder.scheme !== uri.scheme || folder.authority !== uri.authority) return undefined;
  const relative = posix.relative(folder.path, uri.path);
  return relative.startsWith('..') || posix.isAbsolute(relative) ? undefined : relative;
}

function startFolder(uri: vscode.Uri): vscode.Uri | undefined {
  if (uri.scheme === 'untitled') return vscode.workspace.workspaceFolders?.[0]?.uri;
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
