import * as vscode from 'vscode';

export type Log = vscode.LogOutputChannel;

/** The `ML Report` output channel: logs and internal errors, never a modal. */
export function createLog(): Log {
  return vscode.window.createOutputChannel('ML Report', { log: true });
}

export function describeError(error: unknown): string {
  return error instanceof Error ? (error.stack ?? error.message) : String(error);
}
