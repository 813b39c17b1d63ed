import yaml from 'js-yaml';
import type { Root } from 'mdast';
import { lineEnd, pastBreak } from './lines';

export interface FrontMatter {
  /** Offsets of the whole block, fences included, in the document. */
  start: number;
  end: number;
  /** Offset of the YAML text (the line after the opening `---`). */
  yamlStart: number;
  yamlText: string;
  /**
   * The parsed mapping (`{}` for an empty block); undefined when the block is not a mapping. When the
   * YAML is invalid (`error` is set), it holds only the top-level `key: value` lines that parse on their
   * own, so the kind is still known and the body is still linted.
   */
  data: Readonly<Record<string, unknown>> | undefined;
  error: FrontMatterError | undefined;
}

export interface FrontMatterError {
  message: string;
  /** Offset in the document. */
  offset: number;
}

/** A top-level `key: value` line of the front matter, with document offsets. */
export interface FrontMatterEntry {
  key: string;
  keyStart: number;
  keyEnd: number;
  /** The value's text on the key's line, without a trailing comment; empty when the value is on later lines or absent. */
  value: string;
  valueStart: number;
  valueEnd: number;
}

/**
 * Loading is bounded: js-yaml builds aliases as shared references (no alias bomb expansion; never
 * deep-walk `data`), stops nesting at depth 100, and the JSON schema has no custom tags.
 */
export function readFrontMatter(tree: Root, text: string): FrontMatter | undefined {
  const node = tree.children[0];
  if (node?.type !== 'yaml' || !node.position) return undefined;
  const start = node.position.start.offset ?? 0;
  const end = node.position.end.offset ?? start;
  const yamlStart = Math.min(end, pastBreak(text, lineEnd(text, start)));
  const yamlText = node.value;
  const block = { start, end, yamlStart, yamlText };
  let loaded: unknown;
  try {
    loaded = yaml.load(yamlText, { schema: yaml.JSON_SCHEMA });
  } catch (caught) {
    return { ...block, data: salvage(block), error: toError(caught, yamlText, yamlStart) };
  }
  if (loaded === undefined || loaded === null) return { ...block, data: {}, error: undefined };
  if (isMapping(loaded)) return { ...block, data: loaded, error: undefined };
  const what = Array.isArray(loaded) ? 'a list' : `a single ${typeof loaded} value`;
  return { ...block, data: undefined, error: { message: `Front matter is ${what}, not a mapping of keys to values such as "type: ...".`, offset: yamlStart } };
}

const ENTRY = /^("[^"\r\n]*"|'[^'\r\n]*'|[A-Za-z_][\w.-]*)[ \t]*:(?=[ \t]|$)[ \t]*/;

/**
 * The front matter's top-level `key: value` lines, in order (a repeated key appears each time).
 * YAML lets the top-level keys share any indentation: the first key's sets it.
 */
export function frontMatterEntries(fm: Pick<FrontMatter, 'yamlStart' | 'yamlText'>): FrontMatterEntry[] {
  const entries: FrontMatterEntry[] = [];
  const lineBreak = /\r\n|\n|\r/g;
  const indent = /^(?:[ \t]*(?:#[^\r\n]*)?(?:\r\n|\n|\r))*( *)/.exec(fm.yamlText)?.[1]?.length ?? 0;
  let lineStart = 0;
  while (lineStart <= fm.yamlText.length) {
    lineBreak.lastIndex = lineStart;
    const found = lineBreak.exec(fm.yamlText);
    const lineEnd = found ? found.index : fm.yamlText.length;
    const line = fm.yamlText.slice(lineStart + indent, lineEnd);
    const match = fm.yamlText.slice(lineStart, lineStart + indent).trim() === '' && line[0] !== ' ' ? ENTRY.exec(line) : null;
    if (match?.[1]) {
      const rawKey = match[1];
      const key = rawKey.startsWith('"') || rawKey.startsWith("'") ? rawKey.slice(1, -1) : rawKey;
      const value = valueText(line.slice(match[0].length));
      const keyStart = fm.yamlStart + lineStart + indent;
      const valueStart = keyStart + match[0].length;
      entries.push({
        key,
        keyStart,
        keyEnd: keyStart + rawKey.length,
        value,
        valueStart,
        valueEnd: valueStart + value.length,
      });
    }
    if (!found) break;
    lineStart = lineEnd + found[0].length;
  }
  return entries;
}

/** A value's text without a trailing ` # comment` (kept inside quotes) and trailing spaces. */
function valueText(rest: string): string {
  const quote = rest[0];
  if (quote === '"' || quote === "'") {
    const close = rest.indexOf(quote, 1);
    if (close > 0) return rest.slice(0, close + 1);
  }
  const comment = rest.search(/(^|[ \t])#/);
  return (comment < 0 ? rest : rest.slice(0, comment)).trimEnd();
}

/** Top-level one-line entries that load on their own, for a front matter whose YAML as a whole is invalid. */
function salvage(fm: Pick<FrontMatter, 'yamlStart' | 'yamlText'>): Record<string, unknown> {
  const data: Record<string, unknown> = {};
  for (const entry of frontMatterEntries(fm)) {
    if (!entry.value) continue;
    try {
      const line = fm.yamlText.slice(entry.keyStart - fm.yamlStart, entry.valueEnd - fm.yamlStart);
      const loaded: unknown = yaml.load(line, { schema: yaml.JSON_SCHEMA });
      if (isMapping(loaded) && Object.hasOwn(loaded, entry.key)) data[entry.key] = loaded[entry.key];
    } catch {
      // a broken line stays out of the salvaged data
    }
  }
  return data;
}

function isMapping(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function toError(caught: unknown, yamlText: string, yamlStart: number): FrontMatterError {
  if (caught instanceof yaml.YAMLException) {
    const mark = caught.mark as { position?: number } | undefined;
    // js-yaml drops a leading BOM before it counts positions.
    const skipped = yamlText.charCodeAt(0) === 0xfeff ? 1 : 0;
    const position = Math.min(yamlText.length, typeof mark?.position === 'number' ? mark.position + skipped : 0);
    const offset = yamlStart + position;
    if (caught.reason === 'duplicated mapping key') {
      const key = ENTRY.exec(yamlText.slice(position))?.[1];
      if (key) return { message: `Front matter key ${key.startsWith('"') || key.startsWith("'") ? key : `"${key}"`} appears more than once.`, offset };
    }
    if (/maxDepth/.test(caught.reason)) return { message: 'Front matter is nested too deeply to read (more than 100 levels).', offset };
    return { message: `Invalid YAML in front matter: ${caught.reason}.`, offset };
  }
  if (caught instanceof RangeError) return { message: 'Front matter is nested too deeply to read.', offset: yamlStart };
  return { message: `Invalid YAML in front matter: ${String(caught)}`, offset: yamlStart };
}
