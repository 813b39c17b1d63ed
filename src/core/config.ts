/**
 * The `.mlreport.json` configuration shared by the CLI and the extension: validation only (data in,
 * normalized options and problem messages out). Which file applies is configDiscovery.ts's; reading it, the adapters'.
 */
import picomatch from 'picomatch';
import { jsonErrorOffset } from './text/jsonError';
import type { JsonPath } from './text/jsonLocations';
import { jsonLocations, locate } from './text/jsonLocations';
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
  /** `"kinds"`: template files, relative to the config file's folder, each compiled into a kind. */
  templates?: readonly TemplateRef[];
  /** `"sections"`: per kind id, sections made optional and extra aliases, by section title. */
  sections?: Readonly<Record<string, SectionAdjustment>>;
  /** `"overrides"`: rule settings for files matching globs, applied in order after `rules`. */
  overrides?: readonly RuleOverride[];
  /** The kinds this configuration adds or changes: its templates' kinds and kinds `sections` adjusts. Set once the templates are read (configKinds.ts). */
  kinds?: readonly ReportKind[];
}

export interface TemplateRef {
  /** Normalized, relative to the config file's folder, `/` separators. */
  path: string;
  /** Where it is in the configuration: `["kinds", 0]`. */
  key: JsonPath;
}

export interface SectionAdjustment {
  optional: readonly string[];
  aliases: Readonly<Record<string, readonly string[]>>;
}

export interface RuleOverride {
  /** Globs relative to the config file's folder. */
  files: readonly string[];
  rules: Readonly<Record<string, RuleSetting>>;
}

/** A mistake in a configuration that does not make it unusable: the rest applies, but the CLI exits 2. */
export interface ConfigProblem {
  /** The key it is about, as a path: `kinds[0]`, `sections.eval-note.optional[1]`. */
  key: string;
  message: string;
  /** 1-based, in the configuration file. */
  line: number;
  column: number;
  offset: number;
}

/** Names a JSON path as a key: `["sections", "eval-note", "optional", 1]` → `sections.eval-note.optional[1]`. */
export function keyName(path: JsonPath): string {
  return path.map((part, index) => (typeof part === 'number' ? `[${part}]` : index === 0 ? part : `.${part}`)).join('');
}

export interface ConfigParse {
  config: ReportConfig;
  /** One message per unknown key, unknown rule id or invalid value; the valid rest is kept. */
  problems: string[];
  /** Mistakes in `kinds`, `sections` and `overrides`, by key; the valid rest is kept. */
  errors: { path: JsonPath; message: string }[];
}

export interface ConfigTextParse extends ConfigParse {
  /** Set when the text is not JSON; `config` is then the default. */
  syntaxError: { message: string; line: number; column: number; offset: number } | undefined;
  /** `errors`, with their lines. */
  located: ConfigProblem[];
  /** Locates a further problem (found while reading the templates) at its key. */
  locate(path: JsonPath, message: string): ConfigProblem;
}

export interface ConfigParseOptions {
  /** Kinds besides the built-in ones that `kind` may name. */
  kinds?: readonly ReportKind[];
}

const KNOWN_KEYS = ['rules', 'files', 'kind', 'kinds', 'sections', 'overrides'];
/** Editors add `$schema` to JSON files; it is not ours but not a mistake either. */
const IGNORED_KEYS = ['$schema'];

export function defaultConfig(): ReportConfig {
  return { rules: {}, files: [], kind: DEFAULT_CONFIG_KIND };
}

/** Validates a parsed `.mlreport.json` value. Never throws. */
export function parseConfig(value: unknown, options: ConfigParseOptions = {}): ConfigParse {
  const config = defaultConfig();
  const problems: string[] = [];
  const errors: { path: JsonPath; message: string }[] = [];
  if (!isObject(value)) {
    problems.push(`the configuration must be a JSON object like {"rules": {…}}, not ${describe(value)}; it is ignored`);
    return { config, problems, errors };
  }
  for (const key of Object.keys(value)) {
    if (!KNOWN_KEYS.includes(key) && !IGNORED_KEYS.includes(key)) {
      problems.push(`unknown key "${key}" is ignored (known keys: ${KNOWN_KEYS.join(', ')})`);
    }
  }
  if ('rules' in value) config.rules = parseRules(value['rules'], problems);
  if ('files' in value) config.files = parseFiles(value['files'], problems);
  if ('kinds' in value) config.templates = parseTemplates(value['kinds'], errors);
  if ('sections' in value) config.sections = parseSections(value['sections'], errors);
  if ('overrides' in value) config.overrides = parseOverrides(value['overrides'], errors);
  // With templates of its own, the kinds `kind` may name are known once they are read (configKinds.ts).
  if ('kind' in value) {
    config.kind = config.templates && typeof value['kind'] === 'string' ? value['kind'] : parseKind(value['kind'], options.kinds, problems);
  }
  return { config, problems, errors };
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
    const none = (path: JsonPath, message: string): ConfigProblem => ({ key: keyName(path), message, line: 1, column: 1, offset: 0 });
    return {
      config: defaultConfig(),
      problems: [],
      errors: [],
      syntaxError: { message: `invalid JSON at line ${line}, column ${column}: ${reason}`, line, column, offset },
      located: [],
      locate: none,
    };
  }
  const parsed = parseConfig(value, options);
  let locations: Map<string, number> | undefined;
  let lines: LineIndex | undefined;
  const locateProblem = (path: JsonPath, message: string): ConfigProblem => {
    locations ??= jsonLocations(json);
    lines ??= new LineIndex(json);
    const offset = locate(locations, path);
    const { line, column } = lines.point(offset);
    return { key: keyName(path), message, line, column, offset };
  };
  return { ...parsed, syntaxError: undefined, located: parsed.errors.map((error) => locateProblem(error.path, error.message)), locate: locateProblem };
}

/**
 * The rules for a file: the configuration's `rules`, then each override whose globs match the file's
 * path relative to the config file's folder (`/` separators), in order.
 */
export function rulesForFile(config: ReportConfig, relativePath: string | undefined): Readonly<Record<string, RuleSetting>> {
  if (!config.overrides || config.overrides.length === 0 || relativePath === undefined || relativePath.startsWith('../')) return config.rules;
  let rules = config.rules;
  for (const override of config.overrides) {
    if (globMatcher(override.files)(relativePath)) rules = { ...rules, ...override.rules };
  }
  return rules;
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
  return globMatcher(config.files)(relativePath);
}

const matchers = new WeakMap<readonly string[], (path: string) => boolean>();

function globMatcher(globs: readonly string[]): (path: string) => boolean {
  let matcher = matchers.get(globs);
  if (!matcher) {
    matcher = picomatch([...globs], { dot: true });
    matchers.set(globs, matcher);
  }
  return matcher;
}

/**
 * A path relative to the config file's folder that stays inside it, normalized with `/`; or why not.
 * Absolute paths and `..` leaving the folder are refused, so a repository's configuration can never
 * make mlreport read files outside the repository (symbolic links are checked when reading, configKinds.ts).
 */
export function insidePath(path: string): { path: string } | { problem: string } {
  const slashed = path.replace(/\\/g, '/');
  if (slashed.startsWith('/') || /^[A-Za-z]:/.test(slashed) || /^[a-z][a-z0-9+.-]*:\/\//i.test(slashed)) {
    return { problem: `"${path}" is an absolute path; give a path relative to the configuration file's folder` };
  }
  const parts: string[] = [];
  for (const part of slashed.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') {
      if (parts.length === 0) return { problem: `"${path}" leaves the configuration file's folder; templates and globs must stay inside it` };
      parts.pop();
    } else parts.push(part);
  }
  if (parts.length === 0) return { problem: `"${path}" names no file` };
  return { path: parts.join('/') };
}

function parseTemplates(value: unknown, errors: { path: JsonPath; message: string }[]): TemplateRef[] {
  if (!Array.isArray(value)) {
    errors.push({ path: ['kinds'], message: `must be an array of template paths such as ["templates/eval-note.md"], not ${describe(value)}; it is ignored` });
    return [];
  }
  const templates: TemplateRef[] = [];
  (value as unknown[]).forEach((entry, index) => {
    const key = ['kinds', index];
    if (typeof entry !== 'string' || entry.trim() === '') {
      errors.push({ path: key, message: `${describe(entry)} is not a template path; it is ignored` });
      return;
    }
    const inside = insidePath(entry.trim());
    if ('problem' in inside) errors.push({ path: key, message: `${inside.problem}; it is refused` });
    else if (!/\.(md|markdown)$/i.test(inside.path)) errors.push({ path: key, message: `"${entry}" is not a Markdown template (.md); it is ignored` });
    else templates.push({ path: inside.path, key });
  });
  return templates;
}

function parseSections(value: unknown, errors: { path: JsonPath; message: string }[]): Record<string, SectionAdjustment> {
  const sections: Record<string, SectionAdjustment> = {};
  if (!isObject(value)) {
    errors.push({ path: ['sections'], message: `must be an object of kind ids to {"optional": […], "aliases": {…}}, not ${describe(value)}; it is ignored` });
    return sections;
  }
  for (const [kindId, entry] of Object.entries(value)) {
    const at = ['sections', kindId];
    if (!isObject(entry)) {
      errors.push({ path: at, message: `must be an object with "optional" and/or "aliases", not ${describe(entry)}; it is ignored` });
      continue;
    }
    const optional: string[] = [];
    const aliases: Record<string, string[]> = {};
    for (const [key, part] of Object.entries(entry)) {
      if (key === 'optional') {
        if (!Array.isArray(part)) errors.push({ path: [...at, key], message: `must be an array of section titles, not ${describe(part)}; it is ignored` });
        else (part as unknown[]).forEach((title, index) => {
          if (typeof title === 'string' && title.trim() !== '') optional.push(title.trim());
          else errors.push({ path: [...at, key, index], message: `${describe(title)} is not a section title; it is ignored` });
        });
      } else if (key === 'aliases') {
        if (!isObject(part)) {
          errors.push({ path: [...at, key], message: `must be an object of section titles to arrays of other titles, not ${describe(part)}; it is ignored` });
          continue;
        }
        for (const [title, list] of Object.entries(part)) {
          const names = Array.isArray(list) ? (list as unknown[]) : [list];
          const valid = names.filter((name): name is string => typeof name === 'string' && name.trim() !== '').map((name) => name.trim());
          if (valid.length !== names.length) errors.push({ path: [...at, key, title], message: 'must be an array of titles (strings); the others are ignored' });
          if (valid.length > 0) aliases[title.trim()] = valid;
        }
      } else {
        errors.push({ path: [...at, key], message: `unknown key "${key}" (known: optional, aliases); it is ignored` });
      }
    }
    sections[kindId] = { optional, aliases };
  }
  return sections;
}

function parseOverrides(value: unknown, errors: { path: JsonPath; message: string }[]): RuleOverride[] {
  if (!Array.isArray(value)) {
    errors.push({ path: ['overrides'], message: `must be an array like [{"files": ["drafts/**"], "rules": {…}}], not ${describe(value)}; it is ignored` });
    return [];
  }
  const overrides: RuleOverride[] = [];
  (value as unknown[]).forEach((entry, index) => {
    const at = ['overrides', index];
    if (!isObject(entry)) {
      errors.push({ path: at, message: `must be an object with "files" and "rules", not ${describe(entry)}; it is ignored` });
      return;
    }
    for (const key of Object.keys(entry)) {
      if (key !== 'files' && key !== 'rules') errors.push({ path: [...at, key], message: `unknown key "${key}" (known: files, rules); it is ignored` });
    }
    const list = typeof entry['files'] === 'string' ? [entry['files']] : entry['files'];
    const files: string[] = [];
    if (!Array.isArray(list) || list.length === 0) {
      errors.push({ path: [...at, 'files'], message: `must be a non-empty array of globs, not ${describe(entry['files'])}; the override is ignored` });
      return;
    }
    (list as unknown[]).forEach((glob, g) => {
      const problem = globProblem(glob);
      if (problem) errors.push({ path: [...at, 'files', g], message: `${problem}; it is ignored` });
      else files.push((glob as string).trim().replace(/^\.\//, ''));
    });
    const rules: Record<string, RuleSetting> = {};
    if (!isObject(entry['rules'])) {
      errors.push({ path: [...at, 'rules'], message: `must be an object of rule ids to settings, not ${describe(entry['rules'])}; the override is ignored` });
      return;
    }
    for (const [id, setting] of Object.entries(entry['rules'])) {
      const parsed = parseRuleSetting(id, setting);
      if (typeof parsed === 'string') rules[id] = parsed;
      else errors.push({ path: [...at, 'rules', id], message: `${parsed.problem}; it is ignored` });
    }
    if (files.length > 0) overrides.push({ files, rules });
  });
  return overrides;
}

/** Why a glob of `overrides` cannot be used, or undefined. */
function globProblem(glob: unknown): string | undefined {
  if (typeof glob !== 'string' || glob.trim() === '') return `${describe(glob)} is not a glob string`;
  const trimmed = glob.trim();
  const inside = insidePath(trimmed.replace(/^!/, ''));
  if ('problem' in inside) return inside.problem.replace('names no file', 'matches nothing');
  try {
    picomatch.makeRe(trimmed, { strictBrackets: true });
  } catch (error) {
    return `"${trimmed}" is not a valid glob (${error instanceof Error ? error.message : String(error)})`;
  }
  return undefined;
}

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
