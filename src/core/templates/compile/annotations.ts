/**
 * The `<!-- mlreport: … -->` annotations of a template and the template without them. An annotation is
 * an HTML comment on a line of its own; removing it (and a blank line it leaves doubled) gives the
 * text a report is created from. In the front matter an annotation is a YAML comment at the end of a
 * key's line (`tags: [a, b]  # mlreport: optional`).
 */
import type { Html, Nodes, Root } from 'mdast';
import { parseMarkdown } from '../../parse/markdown';

export interface Annotation {
  /** The first word: `optional`, `aliases`, `keep`, … */
  directive: string;
  /** The rest, trimmed. */
  args: string;
  /** 1-based line in the annotated template. */
  line: number;
  /** 1-based line of the stripped template where the text after the annotation starts. */
  anchor: number;
  /** Whether it sits at the top level of the document (not inside a list or quote). */
  topLevel: boolean;
}

export interface FrontMatterAnnotation {
  key: string;
  directive: string;
  args: string;
  line: number;
}

export interface TemplateProblem {
  message: string;
  /** 1-based line in the annotated template. */
  line: number;
}

export interface StrippedTemplate {
  /** The template without annotations: what reports are created from. */
  text: string;
  annotations: Annotation[];
  frontMatter: FrontMatterAnnotation[];
  problems: TemplateProblem[];
}

const ANNOTATION = /^<!--[ \t]*mlreport:([\s\S]*?)-->$/;
const MENTION = /<!--[ \t]*mlreport:/;
const YAML_ANNOTATION = /^([^\s#:][^:\r\n]*?)[ \t]*:(.*?)[ \t]+#[ \t]*mlreport:[ \t]*(.*)$/;

export function stripAnnotations(annotated: string): StrippedTemplate {
  const lines = annotated.split('\n');
  const problems: TemplateProblem[] = [];
  const tree = parseMarkdown(annotated);
  const found: { directive: string; args: string; first: number; last: number; topLevel: boolean }[] = [];
  const frontMatter: FrontMatterAnnotation[] = [];
  const frontMatterEnd = frontMatterLines(tree);

  visitHtml(tree, (node, topLevel) => {
    const first = node.position?.start.line ?? 0;
    const last = node.position?.end.line ?? first;
    const match = ANNOTATION.exec(node.value.trim());
    if (!match) {
      if (MENTION.test(node.value)) problems.push({ message: 'an mlreport annotation must be alone on its line, as "<!-- mlreport: … -->"', line: first });
      return;
    }
    const whole = lines.slice(first - 1, last).join('\n').trim();
    if (whole !== node.value.trim()) {
      problems.push({ message: 'an mlreport annotation must be alone on its line, as "<!-- mlreport: … -->"', line: first });
      return;
    }
    const body = (match[1] ?? '').trim();
    const space = body.search(/\s/);
    const directive = space < 0 ? body : body.slice(0, space);
    found.push({ directive, args: space < 0 ? '' : body.slice(space).trim(), first, last, topLevel });
  });
  visitInlineHtml(tree, (node) => {
    if (MENTION.test(node.value)) problems.push({ message: 'an mlreport annotation must be alone on its line, as "<!-- mlreport: … -->"', line: node.position?.start.line ?? 0 });
  });

  for (let index = 1; index < frontMatterEnd; index++) {
    const match = YAML_ANNOTATION.exec(lines[index] ?? '');
    if (!match) continue;
    const body = (match[3] ?? '').trim();
    const space = body.search(/\s/);
    frontMatter.push({ key: (match[1] ?? '').trim(), directive: space < 0 ? body : body.slice(0, space), args: space < 0 ? '' : body.slice(space).trim(), line: index + 1 });
    lines[index] = (lines[index] ?? '').replace(/[ \t]+#[ \t]*mlreport:.*$/, '');
  }

  found.sort((a, b) => a.first - b.first);
  problems.sort((a, b) => a.line - b.line);
  const removed = new Set<number>();
  for (const annotation of found) for (let line = annotation.first; line <= annotation.last; line++) removed.add(line);
  // A blank line on both sides of a removed run: drop the one after, so no blank line is doubled.
  for (const annotation of found) {
    let before = annotation.first - 1;
    while (removed.has(before)) before--;
    let after = annotation.last + 1;
    while (removed.has(after)) after++;
    const blank = (line: number): boolean => line >= 1 && line <= lines.length && (lines[line - 1] ?? '').trim() === '';
    if (blank(before) && blank(after) && after < lines.length) removed.add(after);
    else if (before < 1 && blank(after) && after < lines.length) removed.add(after);
  }
  const kept: string[] = [];
  const strippedLine: number[] = [];
  lines.forEach((line, index) => {
    strippedLine.push(kept.length + 1);
    if (!removed.has(index + 1)) kept.push(line);
  });
  const annotations = found.map((annotation) => ({
    directive: annotation.directive,
    args: annotation.args,
    line: annotation.first,
    anchor: strippedLine[annotation.last] ?? kept.length + 1,
    topLevel: annotation.topLevel,
  }));
  return { text: kept.join('\n'), annotations, frontMatter, problems };
}

/** The line after the front matter's closing fence (1-based), or 0 without front matter. */
function frontMatterLines(tree: Root): number {
  const first = tree.children[0];
  return first?.type === 'yaml' ? (first.position?.end.line ?? 0) : 0;
}

/** Calls `visit` on every HTML block, telling whether it is a direct child of the document. */
function visitHtml(tree: Root, visit: (node: Html, topLevel: boolean) => void): void {
  const stack: { node: Nodes; topLevel: boolean }[] = tree.children.map((node) => ({ node, topLevel: true }));
  for (let item = stack.pop(); item; item = stack.pop()) {
    const { node } = item;
    if (node.type === 'html') visit(node, item.topLevel);
    else if ('children' in node && node.type !== 'paragraph' && node.type !== 'heading' && node.type !== 'tableCell') {
      for (const child of node.children) stack.push({ node: child as Nodes, topLevel: false });
    }
  }
}

/** Calls `visit` on every HTML node inside a paragraph, heading or table cell. */
function visitInlineHtml(tree: Root, visit: (node: Html) => void): void {
  const stack: { node: Nodes; inline: boolean }[] = tree.children.map((node) => ({ node, inline: false }));
  for (let item = stack.pop(); item; item = stack.pop()) {
    const { node } = item;
    if (node.type === 'html' && item.inline) visit(node);
    else if ('children' in node) {
      const inline = item.inline || node.type === 'paragraph' || node.type === 'heading' || node.type === 'tableCell';
      for (const child of node.children) stack.push({ node: child as Nodes, inline });
    }
  }
}
