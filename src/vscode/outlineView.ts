import * as vscode from 'vscode';
import type { Outline, OutlineNode, SectionStatus } from '../core';
import { statusText } from '../core';
import { COMMANDS } from './commandIds';

export const OUTLINE_VIEW_ID = 'mlreport.outline';

interface StatusLook {
  icon: string;
  color: string | undefined;
  contextValue: 'present' | 'missing';
}

const LOOKS: Readonly<Record<SectionStatus, StatusLook>> = {
  complete: { icon: 'pass', color: 'testing.iconPassed', contextValue: 'present' },
  placeholders: { icon: 'edit', color: 'list.warningForeground', contextValue: 'present' },
  problems: { icon: 'warning', color: 'problemsWarningIcon.foreground', contextValue: 'present' },
  'n/a': { icon: 'pass', color: 'disabledForeground', contextValue: 'present' },
  missing: { icon: 'circle-slash', color: 'problemsErrorIcon.foreground', contextValue: 'missing' },
  optional: { icon: 'circle-large-outline', color: undefined, contextValue: 'missing' },
};

/**
 * The `ML Report` outline: the kind's sections in template order with their status. Tests read the
 * tree through `getChildren` / `getTreeItem` and the last `outline`.
 */
export class OutlineProvider implements vscode.TreeDataProvider<OutlineNode> {
  private readonly changed = new vscode.EventEmitter<OutlineNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  /** The outline shown, or undefined when the active editor is not a report. */
  outline: Outline | undefined;
  /** The document the outline is for. */
  document: vscode.TextDocument | undefined;

  show(document: vscode.TextDocument | undefined, outline: Outline | undefined): void {
    this.document = outline ? document : undefined;
    this.outline = outline;
    this.changed.fire(undefined);
  }

  getChildren(element?: OutlineNode): OutlineNode[] {
    return element ? element.children : (this.outline?.nodes ?? []);
  }

  getParent(element: OutlineNode): OutlineNode | undefined {
    return this.outline?.nodes.find((node) => node.children.includes(element));
  }

  getTreeItem(node: OutlineNode): vscode.TreeItem {
    const look = LOOKS[node.status];
    const collapsed = node.children.length === 0
      ? vscode.TreeItemCollapsibleState.None
      : vscode.TreeItemCollapsibleState.Collapsed;
    const item = new vscode.TreeItem(node.title, collapsed);
    item.id = `${this.document?.uri.toString() ?? ''}#${node.id}`;
    item.description = describeStatus(node);
    item.iconPath = new vscode.ThemeIcon(look.icon, look.color === undefined ? undefined : new vscode.ThemeColor(look.color));
    item.tooltip = tooltip(node);
    item.contextValue = look.contextValue;
    if (node.heading && this.document) {
      item.command = {
        command: COMMANDS.revealSection,
        title: 'Go to Section',
        arguments: [this.document.uri, node.heading.line, ...(node.heading.columns ? [node.heading.columns] : [])],
      };
    }
    return item;
  }

  dispose(): void {
    this.changed.dispose();
  }
}

/** A short status, so that a long title stays readable in a narrow view: `complete`, `3 to fill`, `missing`… */
export function describeStatus(node: OutlineNode): string {
  return statusText(node);
}

const WHERE: Readonly<Record<NonNullable<OutlineNode['presentBy']>, string>> = {
  heading: 'Line',
  label: 'Written as a label at line',
  section: 'Covered by the text of its section, line',
};

export function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}

function tooltip(node: OutlineNode): vscode.MarkdownString {
  const text = new vscode.MarkdownString();
  text.appendMarkdown(`**${escape(node.title)}**${node.required ? '' : ' (optional)'}: ${escape(statusText(node))}\n\n`);
  switch (node.status) {
    case 'missing':
    case 'optional':
      text.appendMarkdown('Not in the report. Use *Insert Section* (the + button) to add it from the template where it belongs.');
      break;
    case 'complete':
      text.appendMarkdown('Present and complete: every required subsection, no placeholders, no problems.');
      break;
    case 'n/a':
      text.appendMarkdown('Marked not applicable, which counts as complete.');
      break;
    default: {
      const missing = node.children.filter((child) => child.status === 'missing').map((child) => child.title);
      text.appendMarkdown(`${plural(node.placeholders, 'unfilled placeholder')}, ${plural(node.problems, 'other problem')}.`);
      if (missing.length > 0) text.appendMarkdown(`\n\nMissing: ${missing.map(escape).join(', ')}.`);
    }
  }
  if (node.heading && node.presentBy) text.appendMarkdown(`\n\n${WHERE[node.presentBy]} ${node.heading.line}.`);
  return text;
}

function escape(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+\-.!|<>]/g, '\\$&');
}
