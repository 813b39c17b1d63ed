import yaml from 'js-yaml';
import type { Root } from 'mdast';

export interface FrontMatter {
  /** Offsets of the whole block, fences included, in the document. */
  start: number;
  end: number;
  /** Offset of the YAML text (the line after the opening `---`). */
  yamlStart: number;
  yamlText: string;
  /** The parsed mapping, or undefined when the YAML is invalid or not a mapping. */
  data: Readonly<Record<string, unknown>> | undefined;
  error: FrontMatterError | undefined;
}

export interface FrontMatterError {
  message: string;
  /** Offset in the document. */
  offset: number;
}

/** Loading is bounded: no alias expansion bombs (js-yaml builds shared references), no custom tags. */
export function readFrontMatter(tree: Root, text: string): FrontMatter | undefined {
  const node = tree.children[0];
  if (node?.type !== 'yaml' || !node.position) return undefined;
  const start = node.position.start.offset ?? 0;
  const end = node.position.end.offset ?? start;
  const firstBreak = text.slice(start, end).search(/\r\n|\n|\r/);
  const yamlStart = firstBreak < 0 ? end : start + firstBreak + (text.startsWith('\r\n', start + firstBreak) ? 2 : 1);
  const yamlText = node.value;
  try {
    const loaded: unknown = yaml.load(yamlText, { schema: yaml.JSON_SCHEMA, json: true });
    const data = isMapping(loaded) ? loaded : undefined;
    const error = loaded === undefined || loaded === null || data
      ? undefined
      : { message: 'Front matter is not a YAML mapping of keys to values.', offset: yamlStart };
    return { start, end, yamlStart, yamlText, data: loaded == null ? {} : data, error };
  } catch (caught) {
    return { start, end, yamlStart, yamlText, data: undefined, error: toError(caught, text, yamlStart) };
  }
}

function isMapping(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function toError(caught: unknown, text: string, yamlStart: number): FrontMatterError {
  if (caught instanceof yaml.YAMLException) {
    const mark = caught.mark as { position?: number } | undefined;
    const position = typeof mark?.position === 'number' ? mark.position : 0;
    return { message: `Invalid YAML in front matter: ${caught.reason}`, offset: mapYamlOffset(text, yamlStart, position) };
  }
  return { message: `Invalid YAML in front matter: ${String(caught)}`, offset: yamlStart };
}

/** The yaml node's value is the source text verbatim (CRLF kept), so js-yaml's index maps directly. */
function mapYamlOffset(text: string, yamlStart: number, position: number): number {
  return Math.min(text.length, yamlStart + position);
}
