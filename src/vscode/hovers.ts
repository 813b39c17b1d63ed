import * as vscode from 'vscode';
import { hoverAt } from '../core';
import { offsetRange, toOffset } from './positions';
import type { ReportDocuments } from './reportDocuments';

/** Hovers in a report: on a placeholder, what belongs there; on a section heading, what the section still needs. */
export class ReportHovers implements vscode.HoverProvider {
  constructor(private readonly documents: ReportDocuments) {}

  provideHover(document: vscode.TextDocument, position: vscode.Position): vscode.Hover | undefined {
    const result = this.documents.current(document);
    if (!result) return undefined;
    const content = hoverAt(result, toOffset(result, position));
    if (!content) return undefined;
    const markdown = new vscode.MarkdownString(content.markdown);
    markdown.supportThemeIcons = false;
    return new vscode.Hover(markdown, offsetRange(result, content.start, content.end));
  }
}
