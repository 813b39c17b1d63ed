import { SectionInserter } from '../sections/insertionPlan';
import type { LintResult } from '../lint';
import type { SectionOccurrence } from '../sections/sectionMap';
import { subsectionsByParent, topLevel } from '../sections/sectionMap';
import { toSnippet } from './snippet';
import type { CatalogSnippet } from './snippetCatalog';
import { snippetCatalog } from './snippetCatalog';
import type { ReportKind, SectionSpec } from '../templates/types';

/** Why a snippet is offered where it is in the list. */
export type SnippetNeed = 'missing' | 'template' | 'table' | 'present' | 'optional' | 'other';

export interface SnippetSuggestion {
  snippet: CatalogSnippet;
  need: SnippetNeed;
  /** A short word for the list: `missing section`, `already in the report`… */
  detail: string;
}

const NEED_ORDER: readonly SnippetNeed[] = ['missing', 'template', 'table', 'present', 'optional', 'other'];

const DETAILS: Readonly<Record<SnippetNeed, string>> = {
  missing: 'missing from this report',
  template: 'whole template',
  table: 'table',
  present: 'already in this report',
  optional: 'optional section',
  other: 'other report kind',
};

/**
 * The `mlr-` snippets ordered by what the report needs: in a report, the sections it lacks first (in
 * template order), then its kind's tables, the sections it has, and the other kinds' snippets; in any
 * other Markdown file, the whole templates first.
 */
export function snippetSuggestions(result: LintResult | undefined, kinds: readonly ReportKind[]): SnippetSuggestion[] {
  const kind = result?.kind;
  const sections = result?.sections;
  const need = (snippet: CatalogSnippet): SnippetNeed => {
    if (!kind || !sections) return snippet.type === 'template' ? 'template' : snippet.type === 'table' ? 'table' : 'other';
    if (snippet.kindId !== kind.id) return 'other';
    if (snippet.type === 'template') return 'present';
    if (snippet.type === 'table') return 'table';
    const spec = kind.sections.find((candidate) => candidate.id === snippet.sectionId);
    if (snippet.sectionId !== undefined && sections.byId.has(snippet.sectionId)) return 'present';
    return spec?.required ? 'missing' : 'optional';
  };
  const suggestions = snippetCatalog(kinds).map((snippet, index) => ({ snippet, need: need(snippet), index }));
  suggestions.sort((a, b) => NEED_ORDER.indexOf(a.need) - NEED_ORDER.indexOf(b.need) || a.index - b.index);
  return suggestions.map(({ snippet, need: reason }) => ({ snippet, need: reason, detail: DETAILS[reason] }));
}

export interface HeadingSuggestion {
  sectionId: string;
  /** The heading's title as the document would number it: `3. Model`. */
  title: string;
  /** `heading`: the heading line only; `body`: the heading with the template's text for the section. */
  type: 'heading' | 'body';
  /** Replaces the line up to the cursor (the typed `## …`), in VS Code snippet syntax. */
  insert: string;
  required: boolean;
  detail: string;
}

const HEADING_PREFIX = /^(#{1,6})[ \t]/;

/**
 * Headings to complete at the start of a line: `## ` (the document's section level) offers the sections
 * the report lacks, `### ` (one deeper) the subsections the current section lacks, in template order,
 * required ones first. Each comes twice: the heading alone, and the heading with the template's body.
 * `line` is 1-based; `typed` is the line's text before the cursor.
 */
export function headingSuggestions(result: LintResult, line: number, typed: string): HeadingSuggestion[] {
  const { kind, sections } = result;
  const marks = HEADING_PREFIX.exec(typed)?.[1];
  if (!kind || !sections || !marks) return [];
  const tops = topLevel(sections);
  const sectionDepth = tops[0]?.heading.depth ?? 2;
  const depth = marks.length;
  let candidates: readonly SectionSpec[];
  if (depth === sectionDepth) {
    candidates = kind.sections.filter((spec) => !sections.byId.has(spec.id));
  } else if (depth === sectionDepth + 1) {
    const offset = result.doc.lines.lineStart(line);
    const current = currentSection(tops, offset);
    if (!current) return [];
    const present = new Set((subsectionsByParent(sections).get(current) ?? []).map((child) => child.spec.id));
    candidates = current.spec.children.filter((child) => !present.has(child.id));
  } else {
    return [];
  }
  const ordered = [...candidates.filter((spec) => spec.required), ...candidates.filter((spec) => !spec.required)];
  const inserter = new SectionInserter(result.doc, kind, sections);
  return ordered.flatMap((spec): HeadingSuggestion[] => {
    const rendered = inserter.rendered(spec.id, depth);
    if (!rendered) return [];
    const where = spec.required ? 'Missing' : 'Optional';
    return [
      { sectionId: spec.id, title: rendered.title, type: 'heading', insert: `${marks} ${escape(rendered.title)}`, required: spec.required, detail: `${where} section: insert its heading` },
      {
        sectionId: spec.id,
        title: rendered.title,
        type: 'body',
        insert: toSnippet(rendered.block, { choices: kind.placeholders.choices }),
        required: spec.required,
        detail: `${where} section: insert its heading and the template's text for it`,
      },
    ];
  });
}

/** The top-level section whose extent holds an offset. */
export function currentSection(tops: readonly SectionOccurrence[], offset: number): SectionOccurrence | undefined {
  let found: SectionOccurrence | undefined;
  for (const occurrence of tops) {
    if (occurrence.heading.start > offset) break;
    if (offset <= occurrence.end) found = occurrence;
  }
  return found;
}

function escape(text: string): string {
  return text.replace(/[\\$}]/g, '\\$&');
}
