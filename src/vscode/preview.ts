import * as vscode from 'vscode';
import { BUILTIN_KINDS, previewSpans } from '../core';
import { SECTION } from './settings';

/** The parts of markdown-it this plugin touches. */
interface Token {
  type: string;
  content: string;
  children: Token[] | null;
}

interface CoreState {
  tokens: Token[];
  Token: new (type: string, tag: string, nesting: number) => Token;
}

interface MarkdownIt {
  core: { ruler: { push(name: string, rule: (state: CoreState) => void): void } };
  utils: { escapeHtml(text: string): string };
}

const MARKERS = [...new Set(BUILTIN_KINDS.flatMap((kind) => kind.placeholders.inline))];
const CHOICES = [...new Set(BUILTIN_KINDS.flatMap((kind) => kind.placeholders.choices))];

/**
 * A markdown-it plugin for VS Code's built-in Markdown preview (`markdown.markdownItPlugins`): unfilled
 * placeholders in prose become `<mark class="mlreport-placeholder">`, styled by media/preview.css.
 * `mlreport.preview.highlightPlaceholders` turns it off (read at each render).
 */
export function extendMarkdownIt<T>(md: T): T {
  const it = md as unknown as MarkdownIt;
  it.core.ruler.push('mlreport_placeholders', (state) => {
    if (!vscode.workspace.getConfiguration(SECTION).get<boolean>('preview.highlightPlaceholders', true)) return;
    for (const block of state.tokens) {
      if (block.type !== 'inline' || !block.children) continue;
      block.children = block.children.flatMap((token) => (token.type === 'text' ? highlight(token, state, it) : [token]));
    }
  });
  return md;
}

function highlight(token: Token, state: CoreState, it: MarkdownIt): Token[] {
  const spans = previewSpans(token.content, MARKERS, CHOICES);
  if (spans.length === 0) return [token];
  const out: Token[] = [];
  let at = 0;
  const text = (content: string): void => {
    if (content === '') return;
    const piece = new state.Token('text', '', 0);
    piece.content = content;
    out.push(piece);
  };
  for (const span of spans) {
    text(token.content.slice(at, span.start));
    const html = new state.Token('html_inline', '', 0);
    const title = span.type === 'todo' ? 'To-do marker left in the report' : 'Unfilled placeholder';
    html.content = `<mark class="mlreport-placeholder mlreport-${span.type}" title="${title}">${it.utils.escapeHtml(token.content.slice(span.start, span.end))}</mark>`;
    out.push(html);
    at = span.end;
  }
  text(token.content.slice(at));
  return out;
}
