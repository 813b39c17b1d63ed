import type { ChunkParse } from '../parse/chunkParse';
import type { ParsedDocument } from '../parse/document';
import type { SectionMap } from '../sections/sectionMap';
import type { ReportKind } from '../templates/types';
import type { RawFinding, Severity } from '../types';

/** What a document rule reads: the one shared parse, the kind and the section map. Offsets are the document's. */
export interface DocumentContext {
  doc: ParsedDocument;
  kind: ReportKind;
  sections: SectionMap;
}

/**
 * What a chunk rule reads: one chunk's parse, on its own. Offsets in and out are relative to the
 * chunk, so results are cached by chunk text and reused while the chunk is unchanged.
 */
export interface ChunkContext {
  chunk: ChunkParse;
  kind: ReportKind;
  /** The first chunk holds the front matter and anything before the first split heading. */
  isFirst: boolean;
}

interface RuleInfo {
  /** Rule id, as users configure it and the CLI prints it. */
  id: string;
  description: string;
  defaultSeverity: Severity;
  /** Its findings inside a section marked not applicable (`N/A: …`) are dropped: that section is complete. */
  quietWhereNotApplicable?: boolean;
  /**
   * Off unless the kind lists the rule in `optInRules` or the configuration gives it a severity
   * (the reproducibility rules, which need the kind's `roles`).
   */
  optIn?: boolean;
}

export interface DocumentRule extends RuleInfo {
  scope: 'document';
  check(ctx: DocumentContext): RawFinding[];
  /**
   * Work on one chunk that `check` will need, kept with the chunk's parse (such as answering the
   * rule's statement tests). `updateAsync` calls it for each new chunk between its slices, so that a
   * first lint does not do it all inside `check`; `check` must not rely on it. Returns whether there
   * was work to do.
   */
  prepare?(chunk: ChunkParse, kind: ReportKind): boolean;
}

export interface ChunkRule extends RuleInfo {
  scope: 'chunk';
  check(ctx: ChunkContext): RawFinding[];
}

export type Rule = DocumentRule | ChunkRule;
