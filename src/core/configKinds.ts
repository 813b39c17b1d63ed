/**
 * The kinds a configuration brings: its `kinds` templates, read through a host and compiled, and the
 * `sections` adjustments applied to them or to built-in kinds. Written as steps that ask a host to
 * resolve or read a path, so the CLI (node:fs) and the editor (vscode.workspace.fs) share it.
 */
import type { ConfigProblem, ConfigTextParse, ReportConfig, SectionAdjustment } from './config';
import { DEFAULT_CONFIG_KIND } from './config';
import { RULE_IDS } from './rules';
import type { CompiledTemplate } from './templates/compile/compileTemplate';
import { compileTemplate } from './templates/compile/compileTemplate';
import { normalizeTitle } from './templates/headingMatch';
import { allKinds, findKind } from './templates/registry';
import type { ReportKind, SectionSpec } from './templates/types';
import type { JsonPath } from './text/jsonLocations';

export interface KindPaths<P> {
  join(folder: P, name: string): P;
  key(path: P): string;
}

/** `read` a file's text; `real` resolve symbolic links (a host that has none answers with the path itself). */
export type KindQuestion<P> = { read: P } | { real: P };
export type KindAnswer<P> = { text: string } | { problem: string } | { path: P };
export type KindSteps<P, T> = Generator<KindQuestion<P>, T, KindAnswer<P>>;

export interface ConfigKinds {
  config: ReportConfig;
  problems: ConfigProblem[];
  warnings: string[];
}

/** Reads and compiles the configuration's templates and applies its `sections`. */
export function* loadConfigKinds<P>(parsed: ConfigTextParse, folder: P, paths: KindPaths<P>): KindSteps<P, ConfigKinds> {
  const config: ReportConfig = { ...parsed.config };
  const problems: ConfigProblem[] = [];
  const warnings: string[] = [];
  const problem = (path: JsonPath, message: string): void => void problems.push(parsed.locate(path, message));
  const custom: ReportKind[] = [];
  const firstKey = new Map<string, { path: string; key: JsonPath }>();

  if (config.templates && config.templates.length > 0) {
    const realFolder = yield* askReal(folder);
    for (const template of config.templates) {
      const file = paths.join(folder, template.path);
      const real = yield* askReal(file);
      if ('problem' in real) {
        problem(template.key, `template "${template.path}" cannot be read: ${real.problem}`);
        continue;
      }
      if ('path' in realFolder && !inside(paths.key(realFolder.path), paths.key(real.path))) {
        problem(template.key, `template "${template.path}" is a link to a file outside the configuration file's folder; it is refused`);
        continue;
      }
      const read = yield* askRead(file);
      if ('problem' in read) {
        problem(template.key, `template "${template.path}" cannot be read: ${read.problem}`);
        continue;
      }
      const compiled = compileCached(read.text, paths.key(file));
      for (const mistake of compiled.problems) problem(template.key, `template "${template.path}" line ${mistake.line}: ${mistake.message}`);
      const kind = compiled.kind;
      if (!kind) continue;
      for (const rule of kind.optInRules ?? []) {
        if (!RULE_IDS.includes(rule)) problem(template.key, `template "${template.path}": "rules" names "${rule}", which is not a rule id (known rules: ${RULE_IDS.join(', ')})`);
      }
      const earlier = firstKey.get(kind.id);
      if (earlier) {
        problem(template.key, `template "${template.path}" has type "${kind.id}", as "${earlier.path}" does; it is ignored`);
        continue;
      }
      firstKey.set(kind.id, { path: template.path, key: template.key });
      custom.push(kind);
    }
  }

  const adjusted = applySections(custom, config.sections ?? {}, problem);
  if (adjusted.length > 0) config.kinds = adjusted;
  if (config.templates && !findKind(config.kind, adjusted)) {
    warnings.push(`"kind": "${config.kind}" is not a report kind (known kinds: ${allKinds(adjusted).map((kind) => kind.id).join(', ')}); "${DEFAULT_CONFIG_KIND}" is used`);
    config.kind = DEFAULT_CONFIG_KIND;
  }
  return { config, problems, warnings };
}

/** The same template text compiles to the same kind object, so caches keyed by kind keep working across reloads. */
const compiled = new Map<string, CompiledTemplate>();
const COMPILED_KEPT = 64;

function compileCached(text: string, source: string): CompiledTemplate {
  const key = `${source}\u0000${text}`;
  let result = compiled.get(key);
  if (!result) {
    result = compileTemplate(text, { source });
    if (compiled.size >= COMPILED_KEPT) compiled.delete(compiled.keys().next().value as string);
    compiled.set(key, result);
  }
  return result;
}

function inside(folder: string, path: string): boolean {
  if (!path.startsWith(folder)) return false;
  const next = path.charAt(folder.length);
  return next === '/' || next === '\\' || folder.endsWith('/') || folder.endsWith('\\');
}

/**
 * The custom kinds, and the built-in kinds `sections` names, with its sections made optional and its
 * aliases added. Unknown kind ids and section titles are problems.
 */
function applySections(custom: readonly ReportKind[], sections: Readonly<Record<string, SectionAdjustment>>, problem: (path: JsonPath, message: string) => void): ReportKind[] {
  const result = [...custom];
  for (const [kindId, adjustment] of Object.entries(sections)) {
    const index = result.findIndex((kind) => kind.id === kindId);
    const kind = index >= 0 ? result[index] : findKind(kindId);
    if (!kind) {
      problem(['sections', kindId], `"${kindId}" is not a report kind (known kinds: ${allKinds(result).map((k) => k.id).join(', ')}); it is ignored`);
      continue;
    }
    const optional = new Set<string>();
    const aliases = new Map<string, string[]>();
    adjustment.optional.forEach((title, n) => {
      const spec = findByTitle(kind, title);
      if (spec) optional.add(spec.id);
      else problem(['sections', kindId, 'optional', n], unknownSection(kind, title));
    });
    for (const [title, names] of Object.entries(adjustment.aliases)) {
      const spec = findByTitle(kind, title);
      if (spec) aliases.set(spec.id, [...(aliases.get(spec.id) ?? []), ...names]);
      else problem(['sections', kindId, 'aliases', title], unknownSection(kind, title));
    }
    if (optional.size === 0 && aliases.size === 0) continue;
    const adjust = (spec: SectionSpec): SectionSpec => ({
      ...spec,
      required: spec.required && !optional.has(spec.id),
      aliases: [...spec.aliases, ...(aliases.get(spec.id) ?? [])],
      children: spec.children.map(adjust),
    });
    const changed: ReportKind = { ...kind, sections: kind.sections.map(adjust) };
    if (index >= 0) result[index] = changed;
    else result.push(changed);
  }
  return result;
}

/** A section or subsection by its title, one of its aliases or its id. */
function findByTitle(kind: ReportKind, title: string): SectionSpec | undefined {
  const key = normalizeTitle(title);
  const all = kind.sections.flatMap((spec) => [spec, ...spec.children]);
  return all.find((spec) => spec.id === title || normalizeTitle(spec.title) === key) ?? all.find((spec) => spec.aliases.some((alias) => normalizeTitle(alias) === key));
}

function unknownSection(kind: ReportKind, title: string): string {
  const titles = kind.sections.map((spec) => spec.title);
  return `"${title}" is not a section of ${kind.id} (its sections: ${titles.join(', ')}); it is ignored`;
}

function* askReal<P>(path: P): KindSteps<P, { path: P } | { problem: string }> {
  const answer = yield { real: path };
  if ('path' in answer || 'problem' in answer) return answer;
  throw new Error('a link resolution was answered with file contents');
}

function* askRead<P>(path: P): KindSteps<P, { text: string } | { problem: string }> {
  const answer = yield { read: path };
  if ('text' in answer || 'problem' in answer) return answer;
  throw new Error('a read was answered with a path');
}
