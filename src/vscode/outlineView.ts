import * as vscode from 'vscode';
import type { Checklist, ChecklistItem, LineIndex, Outline, OutlineNode, SectionStatus } from '../core';
import { statusText } from '../core';
import { COMMANDS } from './commandIds';

export const OUTLINE_VIEW_ID = 'mlreport.outline';
/** The id of the Reproducibility group; its items are `reproducibility/<rule id>`. */
export const REPRODUCIBILITY_ID = 'reproducibility';

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

  /** The reproducibility checklist shown as the last group, when the report's kind has one. */
  checklist: Checklist | undefined;
  private group: OutlineNode | undefined;
  private readonly items = new Map<OutlineNode, ChecklistItem>();

  show(document: vscode.TextDocument | undefined, outline: Outline | undefined, checklist?: { checklist: Checklist; lines: LineIndex }): void {
    this.document = outline ? document : undefined;
    this.outline = outline;
    this.checklist = outline ? checklist?.checklist : undefined;
    this.items.clear();
    this.group = outline && checklist ? this.checklistGroup(checklist.checklist, checklist.lines) : undefined;
    this.changed.fire(undefined);
  }

  getChildren(element?: OutlineNode): OutlineNode[] {
    if (element) return element.children;
    const nodes = this.outline?.nodes ?? [];
    return this.group ? [...nodes, this.group] : nodes;
  }

  getParent(element: OutlineNode): OutlineNode | undefined {
    return this.getChildren().find((node) => node.children.includes(element));
  }

  getTreeItem(node: OutlineNode): vscode.TreeItem {
    if (node === this.group) return this.groupItem(node);
    const checked = this.items.get(node);
    if (checked) return this.checklistItem(node, checked);
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

  /** The checklist as a group of nodes: each item goes to where the report states it, or where it belongs. */
  private checklistGroup(checklist: Checklist, lines: LineIndex): OutlineNode {
    const children = checklist.items.map((item): OutlineNode => {
      const location = item.location;
      let heading: OutlineNode['heading'];
      if (location) {
        const start = lines.point(location.start);
        const end = lines.point(location.end);
        heading = { line: location.line, start: location.start, end: location.end, ...(start.line === end.line && end.column > start.column ? { columns: [start.column, end.column] as [number, number] } : {}) };
      }
      const node: OutlineNode = {
        id: `${REPRODUCIBILITY_ID}/${item.rule}`,
        title: item.title,
        level: 3,
        required: false,
        status: item.ok ? 'complete' : 'problems',
        placeholders: 0,
        problems: item.problems.length,
        heading,
        presentBy: heading ? 'heading' : undefined,
        children: [],
      };
      this.items.set(node, item);
      return node;
    });
    return {
      id: REPRODUCIBILITY_ID,
      title: 'Reproducibility',
      level: 2,
      required: false,
      status: checklist.passed === checklist.total ? 'complete' : 'problems',
      placeholders: 0,
      problems: checklist.total - checklist.passed,
      heading: undefined,
      presentBy: undefined,
      children,
    };
  }

  private groupItem(node: OutlineNode): vscode.TreeItem {
    const item = new vscode.TreeItem(node.title, vscode.TreeItemCollapsibleState.Expanded);
    item.id = `${this.document?.uri.toString() ?? ''}#${node.id}`;
    item.description = `${node.children.length - node.problems}/${node.children.length}`;
    item.iconPath = new vscode.ThemeIcon('checklist');
    item.tooltip = 'The reproducibility checklist (NeurIPS checklist, ML Reproducibility Checklist, REFORMS): ✓ stated, ✗ missing or contradicted. Click an item to go to it.';
    item.contextValue = 'reproducibility';
    return item;
  }

  private checklistItem(node: OutlineNode, checked: ChecklistItem): vscode.TreeItem {
    const item = new vscode.TreeItem(`${checked.ok ? '✓' : '✗'} ${checked.title}`, vscode.TreeItemCollapsibleState.None);
    item.id = `${this.document?.uri.toString() ?? ''}#${node.id}`;
    const where = checked.location ? `line ${checked.location.line}` : '';
    item.description = checked.ok ? (checked.stated ? where : 'nothing to check') : `${plural(checked.problems.length, 'problem')}${where ? ` · ${where}` : ''}`;
    item.iconPath = new vscode.ThemeIcon(checked.ok ? 'pass' : 'error', new vscode.ThemeColor(checked.ok ? 'testing.iconPassed' : 'problemsErrorIcon.foreground'));
    const tooltip = new vscode.MarkdownString();
    tooltip.appendMarkdown(`**${escape(checked.title)}** (\`${checked.rule}\`)\n\n${escape(checked.source)}\n\n`);
    if (checked.ok) tooltip.appendMarkdown(checked.stated ? `Stated at ${where}.` : 'Nothing in the report to check.');
    else for (const problem of checked.problems) tooltip.appendMarkdown(`- ${escape(problem)}\n`);
    item.tooltip = tooltip;
    item.contextValue = checked.ok ? 'reproducibility-met' : 'reproducibility-missing';
    if (node.heading && this.document) {
      item.command = {
        command: COMMANDS.revealSection,
        title: checked.ok ? 'Go to Where It Is Stated' : 'Go to Where It Belongs',
        arguments: [this.document.uri, node.heading.line, ...(node.heading.columns ? [node.heading.columns] : [])],
      };
    }
    return item;
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
