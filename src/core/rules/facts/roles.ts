import { findSpec, inNotApplicable } from '../../sections/sectionMap';
import type { SectionOccurrence } from '../../sections/sectionMap';
import type { KindRoles } from '../../templates/types';
import type { RawFinding } from '../../types';
import type { DocumentContext } from '../types';
import type { Span } from './reportText';

export type Role = keyof KindRoles;

/**
 * What a reproducibility rule finds out about a report: its findings, where the report states the
 * fact the rule asks for (the checklist's ✓ links there) and where the fact belongs (its ✗ links there).
 */
export interface Assessment {
  findings: RawFinding[];
  stated: Span | undefined;
  place: Span | undefined;
}

export function roleIds(ctx: Pick<DocumentContext, 'kind'>, role: Role): readonly string[] {
  return ctx.kind.roles?.[role] ?? [];
}

/** Whether the statement sits in one of the role's sections (or one of their subsections). */
export function inRole(ids: readonly string[], located: { section: SectionOccurrence | undefined }): boolean {
  for (let section = located.section; section; section = section.parent) {
    if (ids.includes(section.spec.id)) return true;
  }
  return false;
}

/** The first section of the role that the report has, in the role's order. */
export function roleSection(ctx: Pick<DocumentContext, 'kind' | 'sections'>, role: Role): SectionOccurrence | undefined {
  for (const id of roleIds(ctx, role)) {
    const occurrence = ctx.sections.byId.get(id)?.[0];
    if (occurrence) return occurrence;
  }
  return undefined;
}

/** Where a fact of the role belongs: the heading of its first section present, else the title or the first line. */
export function rolePlace(ctx: DocumentContext, role: Role): Span {
  const occurrence = roleSection(ctx, role);
  if (occurrence) return { start: occurrence.heading.textStart, end: occurrence.heading.textEnd };
  const title = ctx.sections.title;
  if (title) return { start: title.textStart, end: title.textEnd };
  return { start: 0, end: ctx.doc.lines.lineEnd(1) };
}

/** The titles of the role's sections, for messages: `Results, Analysis or Conclusions`. */
export function roleTitles(ctx: Pick<DocumentContext, 'kind'>, role: Role, joiner = 'or'): string {
  const titles = roleIds(ctx, role).map((id) => findSpec(ctx.kind, id)?.spec.title).filter((title): title is string => title !== undefined);
  const unique = [...new Set(titles)].map((title) => `"${title}"`);
  if (unique.length <= 1) return unique[0] ?? 'the report';
  return `${unique.slice(0, -1).join(', ')} ${joiner} ${unique[unique.length - 1] as string}`;
}

export function spanOf(statement: Span): Span {
  return { start: statement.start, end: statement.end };
}

/** The first statement that satisfies `test` (by default, the first), preferring one in the role's sections. */
export function preferInRole<T extends { section: SectionOccurrence | undefined }>(items: readonly T[], ids: readonly string[], test: (item: T) => boolean = () => true): T | undefined {
  let outside: T | undefined;
  for (const item of items) {
    if (!test(item)) continue;
    if (ids.length === 0 || inRole(ids, item)) return item;
    outside ??= item;
  }
  return outside;
}

/** Whether the report marks every section of the role it has as not applicable (`N/A: …`); false when it has none. */
export function roleNotApplicable(ctx: Pick<DocumentContext, 'kind' | 'sections'>, role: Role): boolean {
  if (ctx.sections.notApplicable.length === 0) return false;
  const present = roleIds(ctx, role).flatMap((id) => ctx.sections.byId.get(id) ?? []);
  return present.length > 0 && present.every((occurrence) => inNotApplicable(ctx.sections, occurrence.heading.end));
}
