import type { Root } from 'mdast';
import { gfmFootnoteFromMarkdown } from 'mdast-util-gfm-footnote';
import { gfmStrikethroughFromMarkdown } from 'mdast-util-gfm-strikethrough';
import { gfmTableFromMarkdown } from 'mdast-util-gfm-table';
import { gfmTaskListItemFromMarkdown } from 'mdast-util-gfm-task-list-item';
import { gfmFootnote } from 'micromark-extension-gfm-footnote';
import { gfmStrikethrough } from 'micromark-extension-gfm-strikethrough';
import { gfmTable } from 'micromark-extension-gfm-table';
import { gfmTaskListItem } from 'micromark-extension-gfm-task-list-item';
import remarkFrontmatter from 'remark-frontmatter';
import remarkParse from 'remark-parse';
import type { Processor } from 'unified';
import { unified } from 'unified';
import { limitComplexity } from './limits';
import { endPoint } from './lines';
import './micromarkEditMap';

/**
 * GitHub Flavored Markdown as remark-gfm parses it (tables, task lists, footnotes, strikethrough) but
 * for autolink literals: bare `https://…`, `www.…` and e-mail addresses stay text instead of becoming
 * links. No rule reads links, and recognising them costs about a fifth of the parse.
 */
function gfmWithoutAutolinkLiterals(this: Processor): void {
  const data = this.data();
  (data.micromarkExtensions ??= []).push(gfmFootnote(), gfmStrikethrough(), gfmTable(), gfmTaskListItem());
  (data.fromMarkdownExtensions ??= []).push([gfmFootnoteFromMarkdown(), gfmStrikethroughFromMarkdown(), gfmTableFromMarkdown(), gfmTaskListItemFromMarkdown()]);
}

const processor = unified().use(remarkParse).use(gfmWithoutAutolinkLiterals).use(remarkFrontmatter, ['yaml']).freeze();

/**
 * The one place Markdown is parsed: remark with GFM and YAML front matter. Positions are relative to
 * `text`. Lines that would make the parse slow are blanked first (see limits.ts), and a parse that
 * still fails yields an empty tree marked with the reason rather than an exception.
 */
export function parseMarkdown(text: string): Root {
  const limited = limitComplexity(text);
  try {
    return processor.parse(limited.text);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return { type: 'root', children: [], position: { start: { line: 1, column: 1, offset: 0 }, end: endPoint(text) }, data: { parseError: reason } };
  }
}

declare module 'mdast' {
  interface RootData {
    /** Why remark failed on the text; the tree is then empty. */
    parseError?: string;
  }
}
