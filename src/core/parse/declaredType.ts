/**
 * The report kind a document declares, read from its first lines without parsing Markdown, so an editor
 * can ask on every keystroke and the linter can guess the kind before the parse is done.
 */
const OPENING = /^\uFEFF?---[ \t]*(?:\r\n|\n|\r)/;
const CLOSING = /^---[ \t]*$/m;
const TYPE_LINE = /^type[ \t]*:[ \t]*(.*)$/m;

/** The front matter's top-level `type:` value, read without parsing the document; undefined without one. */
export function sniffDeclaredType(text: string): string | undefined {
  const opening = OPENING.exec(text);
  if (!opening) return undefined;
  const rest = text.slice(opening[0].length);
  const closing = CLOSING.exec(rest);
  if (!closing) return undefined;
  const match = TYPE_LINE.exec(rest.slice(0, closing.index));
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
