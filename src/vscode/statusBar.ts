import * as vscode from 'vscode';
import type { Outline } from '../core';
import { COMMANDS } from './commandIds';
import { plural } from './outlineView';

/** What the status bar shows for the active editor: nothing, a report's completeness, or the size note. */
export type StatusBarState =
  | { kind: 'hidden' }
  | { kind: 'report'; outline: Outline }
  | { kind: 'tooLarge'; limit: number };

export class ReportStatusBar implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('mlreport.status', vscode.StatusBarAlignment.Right, 100);

  constructor() {
    this.item.name = 'ML Report';
  }

  /** The text shown, or undefined when hidden (for tests). */
  get text(): string | undefined {
    return this.visible ? this.item.text : undefined;
  }

  private visible = false;

  show(state: StatusBarState): void {
    if (state.kind === 'hidden') {
      this.visible = false;
      this.item.hide();
      return;
    }
    if (state.kind === 'tooLarge') {
      this.item.text = '$(warning) ML Report: lints on save';
      this.item.tooltip = `This file is larger than mlreport.maxLiveLintSize (${state.limit.toLocaleString('en')} bytes), so it is linted on save and by "Lint All Reports in Workspace" instead of as you type.`;
      this.item.command = undefined;
    } else {
      const { outline } = state;
      this.item.text = `$(checklist) ${outline.completeness}% · ${plural(outline.placeholders, 'placeholder')}`;
      this.item.tooltip = `${outline.kindName}: ${outline.completeness}% of the required sections are present and complete; ${plural(outline.placeholders, 'unfilled placeholder')}. Click to go to the next placeholder.`;
      this.item.command = COMMANDS.nextPlaceholder;
    }
    this.visible = true;
    this.item.show();
  }

  dispose(): void {
    this.item.dispose();
  }
}
