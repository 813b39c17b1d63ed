import * as vscode from 'vscode';
import type { OutlineNode } from '../core';
import { buildOutline, sectionInsertion } from '../core';
import type { OutlineProvider } from './outlineView';
import { describeStatus } from './outlineView';
import { toPosition, toTextEdit } from './positions';
import type { ReportDocuments } from './reportDocuments';

/**
 * Selects a section's heading line (or, given `columns`, the label on that line that stands for a
 * subsection) and scrolls it into view. `line` and `columns` are 1-based, as the core counts.
 */
export async function revealSection(uri: vscode.Uri | string, line: number, columns?: readonly [number, number]): Promise<vscode.TextEditor> {
  const target = typeof uri === 'string' ? vscode.Uri.parse(uri) : uri;
  const document = await vscode.workspace.openTextDocument(target);
  const editor = await vscode.window.showTextDocument(document, { preserveFocus: false });
  const start = toPosition({ line, column: columns?.[0] ?? 1 });
  const heading = new vscode.Range(start, columns ? toPosition({ line, column: columns[1] }) : document.lineAt(start.line).range.end);
  editor.selection = new vscode.Selection(heading.start, heading.end);
  editor.revealRange(heading, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  return editor;
}

interface SectionPick extends vscode.QuickPickItem {
  node: OutlineNode;
}

/**
 * *Insert Section…*: the kind's sections, missing ones first; a missing one is inserted from the
 * template where it belongs, a present one is revealed. `target` is a section id (commands) or an
 * outline node (the outline view's inline action).
 */
export async function insertSection(documents: ReportDocuments, outlineView: OutlineProvider, target?: unknown): Promise<boolean> {
  const fromOutline = isOutlineNode(target);
  const editor = fromOutline && outlineView.document ? await vscode.window.showTextDocument(outlineView.document) : vscode.window.activeTextEditor;
  const result = editor && (await documents.forCommand(editor.document));
  const outline = result && buildOutline(result);
  if (!editor || !result || !outline) {
    void vscode.window.showInformationMessage('ML Report: the active editor is not a report (its front matter has no known "type:").');
    return false;
  }
  const all = flatten(outline.nodes);
  const wanted = fromOutline ? target.id : typeof target === 'string' ? target : (await pickSection(all))?.id;
  const node = all.find((candidate) => candidate.id === wanted);
  if (!node) return false;
  if (node.heading) {
    await revealSection(editor.document.uri, node.heading.line, node.heading.columns);
    return true;
  }
  const insertion = sectionInsertion(result, node.id);
  if (!insertion) return false;
  const edit = new vscode.WorkspaceEdit();
  edit.set(editor.document.uri, [toTextEdit(result, insertion)]);
  if (!(await vscode.workspace.applyEdit(edit))) return false;
  const after = documents.current(editor.document);
  const inserted = after && flatten(buildOutline(after)?.nodes ?? []).find((candidate) => candidate.id === node.id)?.heading;
  if (inserted) await revealSection(editor.document.uri, inserted.line);
  return true;
}

function flatten(nodes: readonly OutlineNode[]): OutlineNode[] {
  return nodes.flatMap((node) => [node, ...node.children]);
}

async function pickSection(nodes: readonly OutlineNode[]): Promise<OutlineNode | undefined> {
  const absent = nodes.filter((node) => !node.heading);
  const present = nodes.filter((node) => node.heading);
  const item = (node: OutlineNode): SectionPick => {
    const parent = node.level > 2 ? nodes.find((candidate) => candidate.children.includes(node)) : undefined;
    return {
      label: `${node.heading ? '$(go-to-file)' : '$(add)'} ${node.title}`,
      description: [parent ? `in ${parent.title}` : undefined, describeStatus(node)].filter(Boolean).join(' · '),
      detail: node.heading ? `Present at line ${node.heading.line}: go to it` : 'Insert from the template where it belongs',
      node,
    };
  };
  const separator = (label: string): vscode.QuickPickItem => ({ label, kind: vscode.QuickPickItemKind.Separator });
  const items: (SectionPick | vscode.QuickPickItem)[] = [
    ...(absent.length > 0 ? [separator('Missing'), ...absent.map(item)] : []),
    ...(present.length > 0 ? [separator('Present'), ...present.map(item)] : []),
  ];
  const picked = await vscode.window.showQuickPick(items, { title: 'Insert Section', placeHolder: 'Which section? Missing ones first.', matchOnDescription: true });
  return picked && 'node' in picked ? (picked as SectionPick).node : undefined;
}

function isOutlineNode(value: unknown): value is OutlineNode {
  return typeof value === 'object' && value !== null && typeof (value as { id?: unknown }).id === 'string' && 'status' in value;
}
