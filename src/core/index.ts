/** mlreport's engine, for programs: `require('mlreport/core')`. */
export { lint, ReportLinter, INTERNAL_ERROR_RULE } from './lint';
export type { LintOptions, LintResult, RuleSetting, InternalError } from './lint';
export { RULES, RULE_IDS } from './rules';
export type { Rule, DocumentRule, ChunkRule, DocumentContext, ChunkContext } from './rules/types';
export { BUILTIN_KINDS, findKind, allKinds } from './templates/registry';
export type { ReportKind, SectionSpec, PlaceholderInventory } from './templates/types';
export { normalizeTitle } from './templates/headingMatch';
export { mapSections } from './sections';
export type { SectionMap, SectionOccurrence } from './sections';
export { parseDocument } from './parse/document';
export type { ParsedDocument, DocumentHeading } from './parse/document';
export { LineIndex } from './text/lineIndex';
export { toJsonDiagnostic } from './diagnostic';
export type { JsonDiagnostic } from './diagnostic';
export type { Finding, RawFinding, Fix, TextEdit, Point, Range, Severity } from './types';
