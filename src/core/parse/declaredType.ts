/**
 * The report kind a document declares, read from its first lines without parsing Markdown, so an editor
 * can ask on every keystroke and the linter can guess the kind before the parse is done.
 */
import { withoutBom } from '../text/bom';
import { frontMatterBlock } from './lines';

const TYPE_LINE = /^type[ \t]*:[ \t]*(.*)$/m;

/** The front matter's top-level `type:` value, read without parsing the document; undefined without one. */
export function sniffDeclaredType(text: string): string | undefined {
  const source = withoutBom(text);
  const block = frontMatterBlock(source);
  if (!block) return undefined;
  const match = TYPE_LINE.exec(source.slice(block.contentStart, block.closeStart));
  return match ? unquote(stripComment((match[1] ?? '').trim())) : undefined;
}

function stripComment(value: string): string {
  if (value.startsWith('"') || value.startsWith("'")) return value;
  return value.replace(/[ \t]+#.*$/, '');
}

function unquote(value: string): string {
  const quoted = /^(["'])(.*)\1[ \t]*(?:#.*)?$/.exec(value);
  return quoted ? (quoted[2] ?? '') : value;
}
