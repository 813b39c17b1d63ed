import * as vscode from 'vscode';
import type { LintResult } from '../core';
import { BUILTIN_KINDS, headingSuggestions, snippetSuggestions } from '../core';
import type { ReportDocuments } from './reportDocuments';

/**
 * Completions that appear without Ctrl+Space (Markdown turns quick suggestions off): typing `mlr-`
 * offers the snippets, ordered by what the report needs; `## ` or `### ` at a line's start offers
 * the headings of the sections the report lacks.
 */
export class ReportCompletions implements vscode.CompletionItemProvider {
  static readonly triggerCharacters = ['-', ' '];

  constructor(private readonly documents: ReportDocuments) {}

  provideCompletionItems(document: vscode.TextDocument, position: vscode.Position): vscode.CompletionItem[] | undefined {
    const typed = document.lineAt(position.line).text.slice(0, position.character);
    // Every `-` and space asks: look at the line first, lint (if the text changed) only when it matters.
    const snippet = /(?:^|[^\w-])(mlr-[\w-]*)$/.exec(typed);
    if (snippet) return this.snippets(this.documents.current(document), position, (snippet[1] as string).length);
    if (!/^#{1,6}[ \t]/.test(typed)) return undefined;
    const result = this.documents.current(document);
    return result && this.headings(result, position, typed);
  }

  private snippets(result: LintResult | undefined, position: vscode.Position, typedLength: number): vscode.CompletionItem[] {
    const range = new vscode.Range(position.translate(0, -typedLength), position);
    return snippetSuggestions(result, BUILTIN_KINDS).map(({ snippet, need, detail }, index) => {
      const item = new vscode.CompletionItem({ label: snippet.prefix, description: detail }, vscode.CompletionItemKind.Snippet);
      item.insertText = new vscode.SnippetString(snippet.body);
      item.detail = snippet.name;
      item.documentation = new vscode.MarkdownString().appendText(snippet.description).appendCodeblock(snippet.body.slice(0, 400), 'markdown');
      item.range = range;
      item.filterText = snippet.prefix;
      item.sortText = String(index).padStart(4, '0');
      item.preselect = index === 0 && need === 'missing';
      return item;
    });
  }

  private headings(result: LintResult, position: vscode.Position, typed: string): vscode.CompletionItem[] {
    const range = new vscode.Range(position.with(undefined, 0), position);
    return headingSuggestions(result, position.line + 1, typed).map((suggestion, index) => {
      const description = suggestion.type === 'heading' ? (suggestion.required ? 'missing' : 'optional') : '+ template text';
      const item = new vscode.CompletionItem({ label: suggestion.title, description }, suggestion.type === 'heading' ? vscode.CompletionItemKind.Module : vscode.CompletionItemKind.Snippet);
      item.detail = suggestion.detail;
      item.insertText = new vscode.SnippetString(suggestion.insert);
      item.range = range;
      item.filterText = `${typed.trimEnd()} ${suggestion.title}`;
      item.sortText = String(index).padStart(4, '0');
      item.preselect = index === 0;
      return item;
    });
  }
}
