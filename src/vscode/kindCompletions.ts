import * as vscode from 'vscode';
import { sectionSnippet } from '../core/features/sectionSnippet';
import type { ReportKind } from '../core/templates/types';
import type { ReportDocuments } from './reportDocuments';
import { templateSnippet } from './templateCommands';

/**
 * `mlr-` snippets for the custom kinds (those compiled from a configuration's templates): the whole
 * template and one per section, like the static snippets/markdown.json offers for the built-in kinds.
 * Offered in a report of that kind.
 */
export class KindCompletions implements vscode.CompletionItemProvider {
  static readonly triggerCharacters = ['-'];

  constructor(private readonly documents: ReportDocuments) {}

  provideCompletionItems(document: vscode.TextDocument, position: vscode.Position): vscode.CompletionItem[] {
    const kind = this.documents.last(document.uri)?.kind;
    if (!kind || kind.source === undefined) return [];
    const before = document.lineAt(position.line).text.slice(0, position.character);
    const typed = /(?:^|\s)(m(?:l(?:r(?:-[\w-]*)?)?)?)$/.exec(before)?.[1];
    if (typed === undefined) return [];
    const range = new vscode.Range(position.translate(0, -typed.length), position);
    return kindItems(kind).map(({ label, detail, snippet }) => {
      const item = new vscode.CompletionItem(label, vscode.CompletionItemKind.Snippet);
      item.detail = detail;
      item.insertText = snippet;
      item.range = range;
      item.documentation = new vscode.MarkdownString().appendCodeblock(snippet.value.replace(/\$\{\d+:([^}]*)\}/g, '$1'), 'markdown');
      return item;
    });
  }
}

const itemsByKind = new WeakMap<ReportKind, { label: string; detail: string; snippet: vscode.SnippetString }[]>();

function kindItems(kind: ReportKind): { label: string; detail: string; snippet: vscode.SnippetString }[] {
  let items = itemsByKind.get(kind);
  if (!items) {
    items = [{ label: `mlr-${kind.id}-template`, detail: `${kind.name}: whole template`, snippet: templateSnippet(kind) }];
    for (const spec of kind.sections.flatMap((section) => [section, ...section.children])) {
      const body = sectionSnippet(kind, spec.id);
      if (body !== undefined) items.push({ label: `mlr-${kind.id}-${spec.id.replace(/\//g, '-')}`, detail: `${kind.name}: ${spec.title}`, snippet: new vscode.SnippetString(body) });
    }
    itemsByKind.set(kind, items);
  }
  return items;
}
