/**
 * The `.mlreport.json` configuration shared by the CLI and the extension: validation only (data in,
 * normalized options and problem messages out). Which file applies is configDiscovery.ts's; reading it, the adapters'.
 */
import picomatch from 'picomatch';
import { jsonErrorOffset } from './text/jsonError';
import { RULE_IDS } from './rules';
import { allKinds } from './templates/registry';
import type { ReportKind } from './templates/types';
import { withoutBom } from './text/bom';
import { LineIndex } from './text/lineIndex';
import type { RuleSetting } from './types';

export const CONFIG_FILE_NAME = '.mlreport.json';
export const DEFAULT_CONFIG_KIND = 'ml-experiment-report';
export const RULE_SETTINGS: readonly RuleSetting[] = ['off', 'info', 'warning', 'error'];

export interface ReportConfig {
  /** Per-rule severity or `off` (`LintOptions.rules`). */
  rules: Readonly<Record<string, RuleSetting>>;
  /** Globs, relative to the config file's folder, of Markdown files that are reports without a `type:`. */
  files: readonly string[];
  /** The kind files matched by `files` are linted as, unless they declare a known kind. */
  kind: string;
}

export interface ConfigParse {
  config: ReportConfig;
  /** One message per unknown key, unknown rule id or invalid value; the valid rest is kept. */
  problems: string[];
}

export interface ConfigTextParse extends ConfigParse {
  /** Set when the text is not JSON; `config` is then the default. */
  syntaxError: { message: string; line: number; column: number; offset: number } | undefined;
}

export interface ConfigParseOptions {
  /** Kinds besides the built-in ones that `kind` may name. */
  kinds?: readonly ReportKind[];
}

const KNOWN_KEYS = ['rules', 'files', 'kind'];
/** Editors add `$schema` to JSON files; it is not ours but not a mistake either. */
const IGNORED_KEYS = ['$schema'];

export function defaultConfig(): ReportConfig {
  return { rules: {}, files: [], kind: DEFAULT_CONFIG_KIND };
}

/** Validates a parsed `.mlreport.json` value. Never throws. */
export function parseConfig(value: unknown, options: ConfigParseOptions = {}): ConfigParse {
  const config = defaultConfig();
  const problems: string[] = [];
  if (!isObject(value)) {
    problems.push(`the configuration must be a JSON object like {"rules": {…}}, not ${describe(value)}; it is ignored`);
    return { config, problems };
  }
  for (const key of Object.keys(value)) {
    if (!KNOWN_KEYS.includes(key) && !IGNORED_KEYS.includes(key)) {
      problems.push(`unknown key "${key}" is ignored (known keys: ${KNOWN_KEYS.join(', ')})`);
    }
  }
  if ('rules' in value) config.rules = parseRules(value['rules'], problems);
  if ('files' in value) config.files = parseFiles(value['files'], problems);
  if ('kind' in value) config.kind = parseKind(value['kind'], options.kinds, problems);
  return { config, problems };
}

/** Parses the text of a `.mlreport.json` (a leading BOM is allowed), then validates it. */
export function parseConfigText(text: string, options: ConfigParseOptions = {}): ConfigTextParse {
  const json = withoutBom(text);
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch (error) {
    const offset = jsonErrorOffset(json) ?? 0;
    const { line, column } = new LineIndex(json).point(offset);
    const reason = error instanceof Error ? error.message : String(error);
    return {
      config: defaultConfig(),
      problems: [],
      syntaxError: { message: `invalid JSON at line ${line}, column ${column}: ${reason}`, line, column, offset },
    };
  }
  return { ...parseConfig(value, options), syntaxError: undefined };
}

/**
 * Validates one rule setting, as `"rules"` in the file or `--rule id=severity` on the command line
 * give it. Returns the setting, or the problem.
 */
export function parseRuleSetting(id: string, setting: unknown): RuleSetting | { problem: string } {
  if (!RULE_IDS.includes(id)) {
    return { problem: `unknown rule "${id}" (known rules: ${RULE_IDS.join(', ')})` };
  }
  if (typeof setting === 'string' && (RULE_SETTINGS as readonly string[]).includes(setting)) {
    return setting as RuleSetting;
  }
  const hint = setting === 'warn' ? ' (did you mean "warning"?)' : '';
  return { problem: `rule "${id}": ${describe(setting)} is not a setting${hint}; use ${RULE_SETTINGS.map((s) => `"${s}"`).join(', ')}` };
}

/**
 * Whether a file is a report by the configuration's `files` globs. `relativePath` is the file's path
 * relative to the config file's folder, with `/` separators.
 */
export function matchesConfigFiles(config: ReportConfig, relativePath: string): boolean {
  if (config.files.length === 0 || relativePath.startsWith('../')) return false;
  let matcher = matchers.get(config.files);
  if (!matcher) {
    matcher = picomatch([...config.files], { dot: true });
    matchers.set(config.files, matcher);
  }
  return matcher(relativePath);
}

const matchers = new WeakMap<readonly string[], (path: string) => boolean>();

function parseRules(value: unknown, problems: string[]): Record<string, RuleSetting> {
  const rules: Record<string, RuleSetting> = {};
  if (!isObject(value)) {
    problems.push(`"rules" must be an object of rule ids to "off", "info", "warning" or "error", not ${describe(value)}; it is ignored`);
    return rules;
  }
  for (const [id, setting] of Object.entries(value)) {
    const parsed = parseRuleSetting(id, setting);
    if (typeof parsed === 'string') rules[id] = parsed;
    else problems.push(`"rules": ${parsed.problem}; it is ignored`);
  }
  return rules;
}

function parseFiles(value: unknown, problems: string[]): string[] {
  const list = typeof value === 'string' ? [value] : value;
  if (!Array.isArray(list)) {
    problems.push(`"files" must be an array of glob strings, not ${describe(value)}; it is ignored`);
    return [];
  }
  const files: string[] = [];
  for (const entry of list as unknown[]) {
    if (typeof entry === 'string' && entry.trim() !== '') files.push(entry.trim().replace(/^\.\//, ''));
    else problems.push(`"files": ${describe(entry)} is not a glob string; it is ignored`);
  }
  return files;
}

function parseKind(value: unknown, extraKinds: readonly ReportKind[] | undefined, problems: string[]): string {
  const ids = allKinds(extraKinds).map((kind) => kind.id);
  if (typeof value === 'string' && ids.includes(value)) return value;
  problems.push(`"kind": ${describe(value)} is not a report kind (known kinds: ${ids.join(', ')}); "${DEFAULT_CONFIG_KIND}" is used`);
  return DEFAULT_CONFIG_KIND;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'object') return 'an object';
  if (typeof value === 'string') return JSON.stringify(value);
  return `${typeof value} ${String(value)}`;
}
