/**
 * Inline suppressions in reports, as HTML comments no reader sees:
 * - `<!-- mlreport-disable-next-line RULE -->`: findings starting on the next line;
 * - `<!-- mlreport-disable RULE -->` … `<!-- mlreport-enable RULE -->`: findings starting in between
 *   (to the end of the report without an enable);
 * - `<!-- mlreport-disable-file RULE -->`: every finding of the report.
 * Without a rule id a comment covers every rule; several ids are separated by spaces. A suppression
 * that suppresses nothing is reported (`unused-suppression`), with a fix that removes it.
 */
import type { Nodes } from 'mdast';
import type { ChunkParse } from './parse/chunkParse';
import type { ParsedDocument } from './parse/document';
import type { Finding, RawFinding, RuleSetting } from './types';

type DirectiveKind = 'disable-next-line' | 'disable' | 'enable' | 'disable-file';

interface Directive {
  kind: DirectiveKind;
  /** Empty: every rule. */
  rules: readonly string[];
  /** Offsets of the comment in the chunk (`directives`) or the document (`suppress`). */
  start: number;
  end: number;
}

const DIRECTIVE = /^<!--[ \t]*mlreport-(disable-next-line|disable-file|disable|enable)(?=\s|-->)([\s\S]*?)-->$/;

const byChunk = new WeakMap<ChunkParse, readonly Directive[]>();

/** The suppression comments of one chunk (cached per parse). */
export function directives(parse: ChunkParse): readonly Directive[] {
  let found = byChunk.get(parse);
  if (!found) {
    found = parse.text.includes('mlreport-') ? collect(parse.tree) : [];
    byChunk.set(parse, found);
  }
  return found;
}

function collect(tree: Nodes): Directive[] {
  const found: Directive[] = [];
  const stack: Nodes[] = [tree];
  for (let node = stack.pop(); node; node = stack.pop()) {
    if (node.type === 'html') {
      const match = DIRECTIVE.exec(node.value.trim());
      const start = node.position?.start.offset;
      const end = node.position?.end.offset;
      if (match && start !== undefined && end !== undefined) {
        const rules = (match[2] ?? '').split(/[\s,]+/).filter((id) => id !== '' && id !== '--');
        found.push({ kind: match[1] as DirectiveKind, rules, start, end });
      }
    } else if ('children' in node) {
      for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i] as Nodes);
    }
  }
  return found;
}

export interface SuppressionOptions {
  /** The rules' settings: a suppression of a rule that is off is not reported as unused. */
  rules?: Readonly<Record<string, RuleSetting>> | undefined;
  /** Known rule ids, to tell an unknown id apart. */
  ruleIds: readonly string[];
  /** Findings of these rules are never suppressed (`internal-error`). */
  unsuppressible: readonly string[];
}

/** The findings that no suppression covers, and the unused suppressions as raw findings (document offsets). */
export function suppress(doc: ParsedDocument, findings: readonly Finding[], options: SuppressionOptions): { kept: Finding[]; unused: RawFinding[] } {
  const all: Directive[] = doc.chunks.flatMap((chunk) => directives(chunk.parse).map((d) => ({ ...d, start: d.start + chunk.start, end: d.end + chunk.start })));
  if (all.length === 0) return { kept: [...findings], unused: [] };
  const lineOf = (offset: number): number => doc.lines.point(offset).line;
  /** Per directive, per rule id it names ('' for all), whether it suppressed something. */
  const used = new Map<Directive, Set<string>>();
  const covers = (directive: Directive, rule: string): string | undefined => {
    if (directive.rules.length === 0) return '';
    return directive.rules.includes(rule) ? rule : undefined;
  };

  interface Region { directive: Directive; rule: string; from: number; to: number }
  const regions: Region[] = [];
  const open = new Map<string, Region>();
  for (const directive of all) {
    if (directive.kind === 'disable') {
      for (const rule of directive.rules.length === 0 ? [''] : directive.rules) {
        if (open.has(rule)) continue;
        const region = { directive, rule, from: directive.end, to: Number.POSITIVE_INFINITY };
        open.set(rule, region);
        regions.push(region);
      }
    } else if (directive.kind === 'enable') {
      const closing = directive.rules.length === 0 ? [...open.keys()] : directive.rules;
      for (const rule of closing) {
        const region = open.get(rule);
        if (region) region.to = directive.start;
        open.delete(rule);
      }
    }
  }
  const nextLine = all.filter((d) => d.kind === 'disable-next-line').map((directive) => ({ directive, line: lineOf(directive.end) + 1 }));
  const wholeFile = all.filter((d) => d.kind === 'disable-file');

  const mark = (directive: Directive, key: string): void => {
    let set = used.get(directive);
    if (!set) used.set(directive, (set = new Set()));
    set.add(key);
  };
  const kept: Finding[] = [];
  for (const finding of findings) {
    if (options.unsuppressible.includes(finding.rule)) {
      kept.push(finding);
      continue;
    }
    let suppressed = false;
    for (const directive of wholeFile) {
      const key = covers(directive, finding.rule);
      if (key !== undefined) {
        mark(directive, key);
        suppressed = true;
      }
    }
    for (const { directive, line } of nextLine) {
      const key = covers(directive, finding.rule);
      if (key !== undefined && finding.range.start.line === line) {
        mark(directive, key);
        suppressed = true;
      }
    }
    const at = finding.range.start.offset;
    for (const region of regions) {
      if (at >= region.from && at < region.to && (region.rule === '' || region.rule === finding.rule)) {
        mark(region.directive, region.rule);
        suppressed = true;
      }
    }
    if (!suppressed) kept.push(finding);
  }

  const unused: RawFinding[] = [];
  for (const directive of all) {
    if (directive.kind === 'enable') continue;
    const marks = used.get(directive);
    const named = directive.rules.length === 0 ? [''] : directive.rules;
    for (const rule of named) {
      if (marks?.has(rule)) continue;
      if (rule !== '' && options.rules?.[rule] === 'off') continue;
      const what = rule === '' ? 'any rule' : `"${rule}"`;
      const unknown = rule !== '' && !options.ruleIds.includes(rule) ? ` ("${rule}" is not a rule id)` : '';
      unused.push({
        message: `This suppression of ${what} suppresses nothing${unknown}; remove it.`,
        start: directive.start,
        end: directive.end,
        data: { directive: directive.kind, ...(rule === '' ? {} : { suppressedRule: rule }) },
        fix: { title: 'Remove the unused suppression', edits: [removal(doc.text, directive)] },
      });
    }
  }
  return { kept, unused };
}

/** Removes a comment, and its line when it is alone on it. */
function removal(text: string, directive: Directive): { start: number; end: number; newText: string } {
  const lineStart = text.lastIndexOf('\n', directive.start - 1) + 1;
  const breakAt = text.indexOf('\n', directive.end);
  const lineEnd = breakAt < 0 ? text.length : breakAt;
  const alone = text.slice(lineStart, directive.start).trim() === '' && text.slice(directive.end, lineEnd).trim() === '';
  if (alone) return { start: lineStart, end: breakAt < 0 ? lineEnd : breakAt + 1, newText: '' };
  return { start: directive.start, end: directive.end, newText: '' };
}
