/**
 * A report kind compiled from an annotated template (see docs/templates.md):
 * - the kind id is the front matter's `type:`, the required front matter its keys;
 * - sections and subsections are its headings;
 * - filler is inferred (inferFiller.ts) and adjusted by `<!-- mlreport: … -->` annotations.
 */
import yaml from 'js-yaml';
import type { Heading, Root, RootContent } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { parseMarkdown } from '../../parse/markdown';
import { stripNumbering } from '../headingMatch';
import type { Guidance, KindGuidance, KindRoles, ReportKind, SectionSpec } from '../types';
import type { Annotation, TemplateProblem } from './annotations';
import { stripAnnotations } from './annotations';
import type { BlockMarks } from './inferFiller';
import { FillerCollector, NO_MARKS } from './inferFiller';

export type { TemplateProblem } from './annotations';

export interface CompileOptions {
  /** Where the template came from (a path), kept on the kind. */
  source?: string;
}

export interface CompiledTemplate {
  /** Undefined when the template has no `type:`. */
  kind: ReportKind | undefined;
  /** Mistakes in the template; the kind is built from the rest. */
  problems: TemplateProblem[];
}

/** Directives placed under a heading, about its section. */
const HEADING_DIRECTIVES = ['optional', 'aliases', 'guidance', 'example'];
/** Directives placed above a block, about its filler. */
const BLOCK_DIRECTIVES = ['keep', 'filler-labels', 'example-table', 'example-rows', 'keep-columns', 'filler-columns'];
/**
 * Directives about the whole kind, anywhere (`role` with section ids; without, it is under a heading;
 * `slot NAME what to write`, `slot-example NAME an example`).
 */
const KIND_DIRECTIVES = ['name', 'description', 'rules', 'role', 'slot', 'slot-example'];
export const TEMPLATE_DIRECTIVES: readonly string[] = [...KIND_DIRECTIVES, ...HEADING_DIRECTIVES, ...BLOCK_DIRECTIVES];
/** The parts a section can play (`KindRoles`), for `<!-- mlreport: role … -->`. */
export const ROLE_NAMES: readonly (keyof KindRoles)[] = ['setup', 'environment', 'dataDescription', 'dataSplits', 'results', 'outcomes', 'claims', 'significance', 'successCriteria', 'objectives', 'code'];
const FRONT_MATTER_DIRECTIVES = ['optional'];

interface MutableSection {
  id: string;
  title: string;
  level: number;
  required: boolean;
  aliases: string[];
  children: MutableSection[];
  line: number;
  /** What the section asks for and an example (`guidance` / `example` annotations), shown on hover. */
  guidance: Partial<Guidance>;
}

export function compileTemplate(annotated: string, options: CompileOptions = {}): CompiledTemplate {
  const source = annotated.replace(/^\uFEFF/, '');
  const stripped = stripAnnotations(source);
  const problems = [...stripped.problems];
  const text = stripped.text;
  const tree = parseMarkdown(text);

  const frontMatter = readKeys(tree, problems);
  const optionalKeys = new Set<string>();
  for (const annotation of stripped.frontMatter) {
    if (!FRONT_MATTER_DIRECTIVES.includes(annotation.directive)) {
      problems.push({ message: `unknown front matter annotation "${annotation.directive}" (known: ${FRONT_MATTER_DIRECTIVES.join(', ')})`, line: annotation.line });
    } else if (annotation.key === 'type') {
      problems.push({ message: '"type" names the kind and is always required', line: annotation.line });
    } else optionalKeys.add(annotation.key);
  }
  const id = typeof frontMatter.values['type'] === 'string' ? frontMatter.values['type'].trim() : '';
  if (id === '') problems.push({ message: 'the template has no front matter "type:" naming its kind', line: 1 });

  const blocks = tree.children.filter((node) => node.type !== 'yaml');
  const sections = buildSections(blocks);
  const marks = new Map<RootContent, BlockMarks>();
  let name = '';
  let description = '';
  const optInRules: string[] = [];
  const roles: Partial<Record<keyof KindRoles, string[]>> = {};
  const roleAnnotations: Annotation[] = [];
  const slots: Record<string, Partial<Guidance>> = {};
  for (const annotation of stripped.annotations) {
    const problem = (message: string): void => void problems.push({ message, line: annotation.line });
    if (!annotation.topLevel) {
      problem(`"${annotation.directive}": annotations must start a line outside lists and quotes`);
      continue;
    }
    if (annotation.directive === 'name') name = annotation.args;
    else if (annotation.directive === 'description') description = annotation.args;
    else if (annotation.directive === 'rules') {
      const ids = annotation.args.split(/[\s,]+/).filter((id) => id !== '');
      if (ids.length === 0) problem('"rules" needs the ids of the rules the kind turns on: <!-- mlreport: rules code-version results-variance -->');
      optInRules.push(...ids.filter((id) => !optInRules.includes(id)));
    } else if (annotation.directive === 'role') roleAnnotations.push(annotation);
    else if (annotation.directive === 'slot' || annotation.directive === 'slot-example') {
      const match = /^\{?\{?([A-Za-z][A-Za-z0-9_]*)\}?\}?\s+(\S[\s\S]*)$/.exec(annotation.args);
      if (!match) {
        problem(`"${annotation.directive}" needs a slot name and a text: <!-- mlreport: ${annotation.directive} AUTHORS … -->`);
        continue;
      }
      const slot = (slots[match[1] as string] ??= {});
      if (annotation.directive === 'slot') slot.what = match[2] as string;
      else slot.example = match[2] as string;
    } else if (HEADING_DIRECTIVES.includes(annotation.directive)) applyToSection(annotation, blocks, sections.byNode, problem);
    else if (BLOCK_DIRECTIVES.includes(annotation.directive)) {
      const target = blocks.find((node) => (node.position?.start.line ?? 0) >= annotation.anchor);
      if (!target || target.type === 'heading' || target.type === 'thematicBreak') {
        problem(`"${annotation.directive}" must be directly above the paragraph, list, quote, table or code it is about`);
        continue;
      }
      const updated = applyToBlock(annotation, marks.get(target) ?? NO_MARKS, problem);
      marks.set(target, updated);
    } else {
      problem(`unknown annotation "${annotation.directive}" (known: ${TEMPLATE_DIRECTIVES.join(', ')})`);
    }
  }

  for (const annotation of roleAnnotations) {
    applyRole(annotation, blocks, sections.byNode, sections.roots, roles, (message) => void problems.push({ message, line: annotation.line }));
  }

  const collector = new FillerCollector(text);
  for (const node of blocks) collector.block(node, marks.get(node) ?? NO_MARKS);
  if (id === '') return { kind: undefined, problems };
  const kind: ReportKind = {
    id,
    name: name || humanName(id),
    description,
    template: text,
    sections: sections.roots.map(freeze),
    requiredFrontMatter: frontMatter.keys.filter((key) => !optionalKeys.has(key)),
    placeholders: collector.result(),
  };
  if (Object.keys(roles).length > 0) kind.roles = roles;
  if (optInRules.length > 0) kind.optInRules = optInRules;
  if (options.source !== undefined) kind.source = options.source;
  const guidance = kindGuidance(sections.roots, slots);
  if (guidance) kind.guidance = guidance;
  return { kind, problems };
}

function readKeys(tree: Root, problems: TemplateProblem[]): { keys: string[]; values: Record<string, unknown> } {
  const first = tree.children[0];
  if (first?.type !== 'yaml') return { keys: [], values: {} };
  try {
    const loaded: unknown = yaml.load(first.value, { schema: yaml.JSON_SCHEMA });
    if (typeof loaded === 'object' && loaded !== null && !Array.isArray(loaded)) {
      const values = loaded as Record<string, unknown>;
      return { keys: Object.keys(values), values };
    }
    problems.push({ message: 'the front matter is not a mapping of keys to values', line: 2 });
  } catch (error) {
    // Slots such as `{{TITLE}}` are flow mappings to YAML; read the keys line by line instead.
    const values: Record<string, unknown> = {};
    for (const line of first.value.split(/\r?\n/)) {
      const match = /^([^\s#:-][^:]*?)[ \t]*:[ \t]*(.*)$/.exec(line);
      if (match) values[(match[1] ?? '').trim()] = unquote((match[2] ?? '').replace(/[ \t]+#.*$/, '').trim());
    }
    if (Object.keys(values).length === 0) problems.push({ message: `the front matter is not valid YAML: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`, line: 2 });
    return { keys: Object.keys(values), values };
  }
  return { keys: [], values: {} };
}

function unquote(value: string): string {
  const quoted = /^(["'])(.*)\1$/.exec(value);
  return quoted ? (quoted[2] ?? '') : value;
}

/**
 * The section tree from the headings: a lone level-1 heading before all others is the report's title;
 * the shallowest remaining level are sections, the next one their subsections; deeper headings are
 * content of a subsection.
 */
function buildSections(blocks: readonly RootContent[]): { roots: MutableSection[]; byNode: Map<Heading, MutableSection> } {
  let headings = blocks.filter((node): node is Heading => node.type === 'heading');
  const first = headings[0];
  if (first?.depth === 1 && headings.filter((heading) => heading.depth === 1).length === 1) headings = headings.slice(1);
  const top = Math.min(...headings.map((heading) => heading.depth));
  const roots: MutableSection[] = [];
  const byNode = new Map<Heading, MutableSection>();
  let parent: MutableSection | undefined;
  const ids = new Set<string>();
  for (const heading of headings) {
    if (heading.depth > top + 1) continue;
    const title = stripNumbering(toString(heading).trim()).trim();
    if (heading.depth === top) {
      const section = makeSection(title, heading, '', ids);
      roots.push(section);
      byNode.set(heading, section);
      parent = section;
    } else if (parent) {
      const section = makeSection(title, heading, `${parent.id}/`, ids);
      parent.children.push(section);
      byNode.set(heading, section);
    }
  }
  return { roots, byNode };
}

function makeSection(title: string, heading: Heading, prefix: string, ids: Set<string>): MutableSection {
  const base = `${prefix}${slug(title) || 'section'}`;
  let id = base;
  for (let n = 2; ids.has(id); n++) id = `${base}-${n}`;
  ids.add(id);
  return { id, title, level: heading.depth, required: true, aliases: [], children: [], line: heading.position?.start.line ?? 0, guidance: {} };
}

/** A section id's part from its title: `Per-Class Performance` → `per-class-performance`. */
export function slug(title: string): string {
  return title.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
}

function applyToSection(annotation: Annotation, blocks: readonly RootContent[], sections: Map<Heading, MutableSection>, problem: (message: string) => void): void {
  const before = blocks.filter((node) => (node.position?.end.line ?? 0) < annotation.anchor);
  const heading = before[before.length - 1];
  const section = heading?.type === 'heading' ? sections.get(heading) : undefined;
  if (!section) {
    problem(`"${annotation.directive}" must be on the line under the heading of a section or subsection`);
    return;
  }
  if (annotation.directive === 'optional') section.required = false;
  else if (annotation.directive === 'guidance' || annotation.directive === 'example') {
    if (annotation.args === '') problem(`"${annotation.directive}" needs a text: <!-- mlreport: ${annotation.directive} … -->`);
    else if (annotation.directive === 'guidance') section.guidance.what = annotation.args;
    else section.guidance.example = annotation.args;
  } else {
    const aliases = annotation.args.split(/;(?=\s|$)/).map((alias) => alias.trim()).filter((alias) => alias !== '');
    if (aliases.length === 0) problem('"aliases" needs titles separated by ";": <!-- mlreport: aliases Evaluation; Metrics -->');
    section.aliases.push(...aliases);
  }
}

/**
 * `role NAME`, on the line under a heading: that section plays the part (in template order with the
 * others); `role NAME id id …`, anywhere: these sections, in this order (the first one a report has is
 * where a missing fact belongs).
 */
function applyRole(
  annotation: Annotation,
  blocks: readonly RootContent[],
  byNode: Map<Heading, MutableSection>,
  roots: readonly MutableSection[],
  roles: Partial<Record<keyof KindRoles, string[]>>,
  problem: (message: string) => void,
): void {
  const [role, ...ids] = annotation.args.split(/[\s,]+/).filter((part) => part !== '');
  if (!role || !(ROLE_NAMES as readonly string[]).includes(role)) {
    problem(`"role" needs one of ${ROLE_NAMES.join(', ')}${role ? `, not "${role}"` : ''}`);
    return;
  }
  const list = (roles[role as keyof KindRoles] ??= []);
  if (ids.length === 0) {
    const before = blocks.filter((node) => (node.position?.end.line ?? 0) < annotation.anchor);
    const heading = before[before.length - 1];
    const section = heading?.type === 'heading' ? byNode.get(heading) : undefined;
    if (!section) problem(`"role ${role}" without section ids must be on the line under a heading`);
    else if (!list.includes(section.id)) list.push(section.id);
    return;
  }
  const known = new Set(roots.flatMap((root) => [root.id, ...root.children.map((child) => child.id)]));
  for (const id of ids) {
    if (!known.has(id)) problem(`"role ${role}": "${id}" is not a section id of this template (ids look like "results" or "results/quantitative-results")`);
    else if (!list.includes(id)) list.push(id);
  }
}

function applyToBlock(annotation: Annotation, marks: BlockMarks, problem: (message: string) => void): BlockMarks {
  switch (annotation.directive) {
    case 'keep':
      return { ...marks, keep: true };
    case 'filler-labels':
      return { ...marks, fillerLabels: true };
    case 'example-table':
      return { ...marks, exampleTable: true };
    case 'example-rows': {
      if (annotation.args === '') return { ...marks, exampleRows: 'all' };
      const rows = numbers(annotation.args);
      if (!rows) problem(`"example-rows": "${annotation.args}" is not a list of row numbers such as "2-3 5"`);
      return { ...marks, exampleRows: rows ?? 'all' };
    }
    default: {
      const columns = numbers(annotation.args);
      if (!columns || columns.length === 0) {
        problem(`"${annotation.directive}" needs column numbers such as "1 3"`);
        return marks;
      }
      return annotation.directive === 'keep-columns' ? { ...marks, keepColumns: columns } : { ...marks, fillerColumns: columns };
    }
  }
}

/** `2-3 5` → [2, 3, 5]; undefined when the text is not such a list. */
function numbers(text: string): number[] | undefined {
  const out: number[] = [];
  for (const part of text.split(/[\s,]+/).filter((piece) => piece !== '')) {
    const match = /^(\d{1,4})(?:-(\d{1,4}))?$/.exec(part);
    if (!match) return undefined;
    const from = Number(match[1]);
    const to = match[2] === undefined ? from : Number(match[2]);
    if (from < 1 || to < from) return undefined;
    for (let n = from; n <= to; n++) out.push(n);
  }
  return out;
}

/** The `guidance`, `example` and `slot` annotations as the kind's guidance; an example without a text is dropped. */
function kindGuidance(roots: readonly MutableSection[], slotNotes: Readonly<Record<string, Partial<Guidance>>>): KindGuidance | undefined {
  const complete = (note: Partial<Guidance>): Guidance | undefined => (note.what ? { what: note.what, ...(note.example ? { example: note.example } : {}) } : undefined);
  const sections: Record<string, Guidance> = {};
  for (const section of roots.flatMap((root) => [root, ...root.children])) {
    const guidance = complete(section.guidance);
    if (guidance) sections[section.id] = guidance;
  }
  const slots: Record<string, Guidance> = {};
  for (const [name, note] of Object.entries(slotNotes)) {
    const guidance = complete(note);
    if (guidance) slots[name] = guidance;
  }
  if (Object.keys(sections).length === 0 && Object.keys(slots).length === 0) return undefined;
  return { ...(Object.keys(slots).length > 0 ? { slots } : {}), ...(Object.keys(sections).length > 0 ? { sections } : {}) };
}

function freeze(section: MutableSection): SectionSpec {
  return { id: section.id, title: section.title, level: section.level, required: section.required, aliases: section.aliases, children: section.children.map(freeze) };
}

/** `eval-note` → `Eval Note`. */
function humanName(id: string): string {
  return id.split(/[-_\s]+/).filter((word) => word !== '').map((word) => word.charAt(0).toUpperCase() + word.slice(1)).join(' ');
}
