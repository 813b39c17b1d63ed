import type { Root } from 'mdast';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';

const processor = unified().use(remarkParse).use(remarkGfm).use(remarkFrontmatter, ['yaml']).freeze();

/** The one place Markdown is parsed: remark with GFM and YAML front matter. Positions are relative to `text`. */
export function parseMarkdown(text: string): Root {
  return processor.parse(text);
}
