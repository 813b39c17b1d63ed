import * as vscode from 'vscode';
import type { LintResult, Range as CoreRange, TextEdit as CoreTextEdit } from '../core';

/** A point as the core gives it: 1-based line and column, columns in UTF-16 code units like VS Code's. */
interface CorePoint {
  line: number;
  column: number;
}

/**
 * The one place where core positions become editor positions. Offsets go through the linted
 * document's own line index first (`pointAt`), never through `document.positionAt`.
 */
export function toPosition(point: CorePoint): vscode.Position {
  return new vscode.Position(Math.max(0, point.line - 1), Math.max(0, point.column - 1));
}

export function toRange(range: CoreRange): vscode.Range {
  return new vscode.Range(toPosition(range.start), toPosition(range.end));
}

/** The editor range of two offsets of a linted text. */
export function offsetRange(result: LintResult, start: number, end: number): vscode.Range {
  return new vscode.Range(toPosition(result.doc.lines.point(start)), toPosition(result.doc.lines.point(end)));
}

/** The offset of an editor position in a linted text (the inverse of `toPosition`). */
export function toOffset(result: LintResult, position: vscode.Position): number {
  return result.doc.lines.offset(position.line + 1, position.character + 1);
}

export function toTextEdit(result: LintResult, edit: CoreTextEdit): vscode.TextEdit {
  return vscode.TextEdit.replace(offsetRange(result, edit.start, edit.end), edit.newText);
}
