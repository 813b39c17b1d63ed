import * as vscode from 'vscode';
import { BUILTIN_KINDS, previewSpans } from '../core';
import { SECTION } from './settings';

/** The parts of markdown-it this plugin touches. */
interface Token {
  content: string;
}

type RenderRule = (tokens: Token[], index: number, options: unknown, env: unknown, renderer: unknown) => string;

interface MarkdownIt {
  renderer: { rules: Record<string, RenderRule | undefined> };
  utils: { escapeHtml(text: string): string };
}

const MARKERS = [...new Set(BUILTIN_KINDS.flatMap((kind) => kind.placeholders.inline))];
const CHOICES = [...new Set(BUILTIN_KINDS.flatMap((kind) => kind.placeholders.choices))];

/**
 * A markdown-it plugin for VS Code's built-in Markdown preview (`markdown.markdownItPlugins`): unfilled
 * placeholders in prose become `<mark class="mlreport-placeholder">`, styled by media/preview.css.
 * `mlreport.preview.highlightPlaceholders` turns it off (read at each render).
 *
 * A render rule, not a parse rule: the Markdown extension also parses every open Markdown document
 * for its language server (outline, folding, links), in the extension host, and that parse must not
 * pay for the highlighting.
 */
export function extendMarkdownIt<T>(md: T): T {
  const it = md as unknown as MarkdownIt;
  const plain = it.renderer.rules['text'] ?? ((tokens: Token[], index: number) => it.utils.escapeHtml(tokens[index]?.content ?? ''));
  it.renderer.rules['text'] = (tokens, index, options, env, renderer) => {
    const content = tokens[index]?.content ?? '';
    const spans = previewSpans(content, MARKERS, CHOICES);
    if (spans.length === 0 || !highlightOn()) return plain(tokens, index, options, env, renderer);
    let html = '';
    let at = 0;
    for (const span of spans) {
      html += it.utils.escapeHtml(content.slice(at, span.start));
      const title = span.type === 'todo' ? 'To-do marker left in the report' : 'Unfilled placeholder';
      html += `<mark class="mlreport-placeholder mlreport-${span.type}" title="${title}">${it.utils.escapeHtml(content.slice(span.start, span.end))}</mark>`;
      at = span.end;
    }
    return html + it.utils.escapeHtml(content.slice(at));
  };
  return md;
}

function highlightOn(): boolean {
  return vscode.workspace.getConfiguration(SECTION).get<boolean>('preview.highlightPlaceholders', true);
}
