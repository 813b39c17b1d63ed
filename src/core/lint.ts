import type { ChunkCache, ParsedDocument, PlacedChunk } from './parse/document';
import { CHUNKS_PER_STEP, finish, parseDocumentSteps, prepareChunks } from './parse/document';
import type { UnitSpan } from './parse/chunks';
import { resplitUnits, splitUnits, splitUnitsSteps } from './parse/chunks';
import type { ChunkParse } from './parse/chunkParse';
import { releaseTree, skippedLines } from './parse/chunkParse';
import { releaseDecoded } from './rules/facts/reportFacts';
import { sniffDeclaredType } from './parse/declaredType';
import { withoutBom } from './text/bom';
import { LineIndex } from './text/lineIndex';
import { RULE_IDS, RULES } from './rules';
import { UNUSED_SUPPRESSION, unusedSuppression } from './rules/unusedSuppression';
import { directives, suppress } from './suppressions';
import type { ChunkRule, DocumentRule, Rule } from './rules/types';
import type { SectionMap } from './sections/sectionMap';
import { contentParts, partLabels } from './sections/sectionContent';
import { inNotApplicable, mapSections } from './sections/sectionMap';
import { findKind } from './templates/registry';
import type { ReportKind } from './templates/types';
import type { Finding, Fix, RawFinding, RuleSetting, Severity } from './types';

export interface LintOptions {
  /** Lint as this kind whatever the front matter says (the CLI's `--kind`). */
  kind?: string;
  /** Per-rule severity, or `off`. */
  rules?: Readonly<Record<string, RuleSetting>>;
  /** Kinds besides the built-in ones. */
  kinds?: readonly ReportKind[];
  /** Rules to run instead of the built-in ones (tests use it to simulate a failing rule). */
  ruleSet?: readonly Rule[];
}

export interface InternalError {
  rule: string;
  error: unknown;
}

export interface LintResult {
  /** The kind the document was linted as; undefined when it is not a report. */
  kind: ReportKind | undefined;
  /** The front matter's `type:` value, if any. */
  declaredType: string | undefined;
  /** Why the document was not linted, when `kind` is undefined. */
  notReport: string | undefined;
  findings: Finding[];
  doc: ParsedDocument;
  sections: SectionMap | undefined;
  /** Rules that threw; each also appears once as an `internal-error` finding. */
  internalErrors: InternalError[];
  /** Ids of the rules that ran (not turned off; opt-in rules only where enabled). */
  activeRules: readonly string[];
}

export const INTERNAL_ERROR_RULE = 'internal-error';

export interface UpdateAsyncOptions {
  /** How long to parse before letting the event loop run (default 10 ms). */
  sliceMs?: number;
  /** Asked after every slice; true drops this update. */
  isCancelled?: () => boolean;
}

const DEFAULT_SLICE_MS = 10;

const nextTurn = (): Promise<void> => new Promise((resolve) => (typeof setImmediate === 'function' ? setImmediate(resolve) : setTimeout(resolve, 0)));

/** Lints one document from scratch. */
export function lint(text: string, options: LintOptions = {}): LintResult {
  return new ReportLinter(options).update(text);
}

/**
 * Lints successive versions of one document, reusing the parse and the chunk rules' findings of every
 * chunk whose text did not change. `update(text)` returns exactly what `lint(text)` would.
 */
export class ReportLinter {
  private chunks = new Map<string, ChunkParse>();
  /** Per kind, rule and first-ness (`chunkRuleKey`): each chunk parse's findings. One map per key, not per chunk, keeps the memory per chunk small. */
  private chunkFindings = new Map<string, WeakMap<ChunkParse, RawFinding[] | Error>>();
  /** Parses an `updateAsync` made before it was cancelled, for the next update to use. */
  private prepared = new Map<string, ChunkParse>();
  /** The chunk parses the document rules have prepared, with the kind they were prepared for. */
  private preparedChunks = new WeakMap<ChunkParse, ReportKind>();

  /** The last version linted, its chunks and its result: the next version is split from it, and the same text gets the same result. */
  private last: { text: string; spans: UnitSpan[]; result: LintResult } | undefined;

  constructor(private readonly options: LintOptions = {}) {}

  update(input: string): LintResult {
    const text = withoutBom(input);
    if (this.last?.text === text) return this.last.result;
    return finish(this.updateSteps(text, this.spansOf(text), this.linesOf(text)));
  }

  /** The line index of a text: the last version's, but for the part edited. */
  private linesOf(text: string): LineIndex {
    return this.last ? LineIndex.afterEdit(this.last.result.doc.lines, text) : new LineIndex(text);
  }

  /** The chunks of a text: those of the last version, but for the section edited. */
  private spansOf(text: string): UnitSpan[] {
    return this.last ? resplitUnits(this.last, text) : splitUnits(text);
  }

  /** Parses what the caches lack, places the chunks and checks the document, in steps (see `parseDocumentSteps`). */
  private *updateSteps(text: string, spans: UnitSpan[], lines: LineIndex): Generator<void, LintResult> {
    const previous = this.chunks;
    const prepared = this.prepared;
    const used = new Map<string, ChunkParse>();
    const cache: ChunkCache = {
      // Most chunks are the last version's: looked up there first. A key in two of these maps has
      // parses of the same text in both, equal but for what was computed from them.
      get: (key) => {
        const hit = previous.get(key) ?? prepared.get(key) ?? used.get(key);
        if (hit) used.set(key, hit);
        return hit;
      },
      set: (key, value) => used.set(key, value),
    };
    const doc = yield* parseDocumentSteps(text, cache, { spans, lines });
    const result = yield* this.checkSteps(doc);
    // Only now, when nothing can interrupt: an update that ran meanwhile (between the steps of an
    // `updateAsync`) left caches that are as valid as these.
    this.chunks = used;
    this.prepared = new Map();
    this.last = { text, spans, result };
    return result;
  }

  /**
   * What `update` returns, without blocking for long: the chunks that need a parse are parsed in
   * slices of about `sliceMs`, and between slices the event loop runs. Resolves to undefined, without
   * changing the result of the next update, when `isCancelled` says so after a slice (a newer version
   * arrived); the parses made so far are kept for the next update.
   */
  async updateAsync(input: string, options: UpdateAsyncOptions = {}): Promise<LintResult | undefined> {
    const { sliceMs = DEFAULT_SLICE_MS, isCancelled = () => false } = options;
    const text = withoutBom(input);
    if (this.last?.text === text) return isCancelled() ? undefined : this.last.result;
    let sliceStart = performance.now();
    let spans: UnitSpan[];
    if (this.last) spans = this.spansOf(text);
    else {
      // A first lint splits the whole text: in slices too.
      const splitting = splitUnitsSteps(text);
      for (let step = splitting.next(); ; step = splitting.next()) {
        if (step.done) {
          spans = step.value;
          break;
        }
        if (performance.now() - sliceStart < sliceMs) continue;
        await nextTurn();
        if (isCancelled()) return undefined;
        sliceStart = performance.now();
      }
    }
    const prepared = this.prepared;
    const cache: ChunkCache = {
      get: (key) => prepared.get(key) ?? this.chunks.get(key),
      set: (key, value) => prepared.set(key, value),
    };
    const lines = this.linesOf(text);
    for (const step of this.prepareSteps(text, spans, lines, cache)) {
      void step;
      if (performance.now() - sliceStart < sliceMs) continue;
      await nextTurn();
      if (isCancelled()) return undefined;
      sliceStart = performance.now();
    }
    if (prepared !== this.prepared) return this.updateAsync(input, options); // an update ran meanwhile and used them
    if (isCancelled()) return undefined;
    if (this.last?.text === text) return this.last.result;
    // The document-level work, in slices too: a report of thousands of chunks takes tens of milliseconds.
    const steps = this.updateSteps(text, spans, lines);
    for (let step = steps.next(); ; step = steps.next()) {
      if (step.done) return step.value;
      if (performance.now() - sliceStart < sliceMs) continue;
      await nextTurn();
      if (isCancelled()) return undefined;
      sliceStart = performance.now();
    }
  }

  /** Parses the chunks the cache lacks and checks each new one as soon as it is parsed, one step at a time. */
  private *prepareSteps(text: string, spans: readonly UnitSpan[], lines: LineIndex, cache: ChunkCache): Generator<void> {
    // The kind the check will most likely use; a wrong guess costs only the work, never the result.
    const kind = findKind(this.options.kind ?? sniffDeclaredType(text) ?? '', this.options.kinds);
    const rules = kind ? (this.options.ruleSet ?? RULES).filter((rule) => ruleIsOn(rule, kind, this.options.rules?.[rule.id])) : [];
    const chunkRules = rules.filter((rule): rule is ChunkRule => rule.scope === 'chunk');
    const preparers = preparersOf(rules);
    const first = spans[0];
    // Each new chunk is checked as soon as it is parsed, and its tree let go, but the first chunk's
    // (its front matter and first-chunk rules are read in the check): on a long report, trees kept
    // until the check made most of the live heap, and the garbage collector's pauses grew with it.
    const fresh: [string, ChunkParse][] = [];
    const noting: ChunkCache = {
      get: (key) => cache.get(key),
      set: (key, parse) => {
        fresh.push([key, parse]);
        return cache.set(key, parse);
      },
    };
    const settle = function* (this: ReportLinter): Generator<void> {
      if (!kind) return;
      while (fresh.length > 0) {
        const [key, parse] = fresh.shift() as [string, ChunkParse];
        for (const rule of chunkRules) this.chunkRule(rule, parse, false, kind, chunkRuleKey(kind, rule, false));
        this.prepareChunk(preparers, parse, kind);
        contentParts(parse);
        partLabels(parse);
        directives(parse);
        if (key !== first?.key) releaseTree(parse);
        yield;
      }
    };
    for (const step of prepareChunks(text, noting, { spans, lines })) {
      void step;
      yield;
      yield* settle.call(this);
    }
    yield* settle.call(this);
  }

  private *checkSteps(doc: ParsedDocument): Generator<void, LintResult> {
    const declared = doc.frontMatter?.data?.['type'];
    const declaredType = typeof declared === 'string' ? declared : undefined;
    const kind = findKind(this.options.kind ?? declaredType ?? '', this.options.kinds);
    const base = { declaredType, doc, internalErrors: [] as InternalError[], activeRules: [] as string[] };
    if (!kind) {
      const notReport = this.options.kind
        ? `unknown kind "${this.options.kind}"`
        : declaredType
          ? `front matter type "${declaredType}" is not a report kind`
          : 'no front matter "type:" naming a report kind';
      return { ...base, kind, notReport, findings: [], sections: undefined };
    }
    const sections = mapSections(doc, kind);
    yield;
    const findings: Finding[] = [];
    const failed = new Map<string, unknown>();
    const active = (this.options.ruleSet ?? RULES).filter((rule) => ruleIsOn(rule, kind, this.options.rules?.[rule.id]));
    const emitterOf = (rule: Rule): ((raw: RawFinding, shift: number) => void) => {
      const configured = this.options.rules?.[rule.id];
      const setting = configured === 'off' ? undefined : configured;
      return (raw, shift) => {
        if (!Number.isInteger(raw.start) || !Number.isInteger(raw.end) || raw.start > raw.end) {
          if (!failed.has(rule.id)) failed.set(rule.id, new Error(`it returned a finding with an invalid range (${String(raw.start)}..${String(raw.end)})`));
          return;
        }
        if (rule.quietWhereNotApplicable && sections.notApplicable.length > 0 && inNotApplicable(sections, raw.start + shift)) return;
        findings.push(resolve(doc, rule.id, setting ?? raw.severity ?? rule.defaultSeverity, raw, shift));
      };
    };
    // The chunk rules' findings, kept per chunk parse: one pass over the chunks for all of them.
    const chunkRules = active.filter((rule): rule is ChunkRule => rule.scope === 'chunk').map((rule) => ({
      rule,
      emit: emitterOf(rule),
      keys: [chunkRuleKey(kind, rule, false), chunkRuleKey(kind, rule, true)] as const,
    }));
    for (let index = 0; index < doc.chunks.length; index++) {
      if (index % CHUNKS_PER_STEP === CHUNKS_PER_STEP - 1) yield;
      const chunk = doc.chunks[index] as PlacedChunk;
      for (const { rule, emit, keys } of chunkRules) {
        const result = this.chunkRule(rule, chunk.parse, index === 0, kind, keys[index === 0 ? 1 : 0]);
        if (result instanceof Error) {
          if (!failed.has(rule.id)) failed.set(rule.id, result);
        } else {
          for (const raw of result) emit(raw, chunk.start);
        }
      }
      const unparsed = notParsed(chunk.parse);
      if (unparsed) findings.push(resolve(doc, INTERNAL_ERROR_RULE, 'warning', unparsed, chunk.start));
    }
    for (const rule of active) {
      if (rule.scope !== 'document') continue;
      const emit = emitterOf(rule);
      try {
        for (const raw of rule.check({ doc, kind, sections })) emit(raw, 0);
      } catch (error) {
        failed.set(rule.id, error);
      }
      // Each document rule is a step of its own: together they take tens of milliseconds on a 2 MB report.
      yield;
    }
    const activeRules = active.map((rule) => rule.id);
    const internalErrors = activeRules.filter((rule) => failed.has(rule)).map((rule) => ({ rule, error: failed.get(rule) }));
    for (const { rule, error } of internalErrors) {
      findings.push(resolve(doc, INTERNAL_ERROR_RULE, 'error', {
        message: `Rule "${rule}" failed: ${error instanceof Error ? error.message : String(error)}. Its findings may be missing; the other rules ran normally.`,
        start: 0,
        end: 0,
      }, 0));
    }
    const { kept, unused } = suppress(doc, findings, { rules: this.options.rules, ruleIds: RULE_IDS, unsuppressible: [INTERNAL_ERROR_RULE] });
    const unusedSetting = this.options.rules?.[UNUSED_SUPPRESSION];
    if (unusedSetting !== 'off') for (const raw of unused) kept.push(resolve(doc, UNUSED_SUPPRESSION, unusedSetting ?? unusedSuppression.defaultSeverity, raw, 0));
    kept.sort((a, b) => a.range.start.offset - b.range.start.offset || a.range.end.offset - b.range.end.offset || a.rule.localeCompare(b.rule));
    // Every rule and the suppressions have read the trees, and what they found is kept with each
    // parse: the trees, most of a parse's memory, can go (a later reader parses the chunk again), and
    // so can the strings of the statements the facts index decoded (made again from offsets if read).
    for (const chunk of doc.chunks) releaseTree(chunk.parse);
    releaseDecoded();
    return { ...base, kind, notReport: undefined, findings: kept, sections, internalErrors, activeRules };
  }

  /**
   * Runs the document rules' `prepare` on a chunk, once per parse and kind; returns whether it ran.
   * A `prepare` that throws is left to fail again in its rule's check, which reports it.
   */
  private prepareChunk(preparers: readonly Preparer[], parse: ChunkParse, kind: ReportKind): boolean {
    if (preparers.length === 0 || this.preparedChunks.get(parse) === kind) return false;
    for (const prepare of preparers) {
      try {
        prepare(parse, kind);
      } catch {
        // reported by the rule's check
      }
    }
    this.preparedChunks.set(parse, kind);
    return true;
  }

  /** A chunk rule's findings for one chunk parse, computed once per parse, kind, rule and first-ness (`key`). */
  private chunkRule(rule: ChunkRule, parse: ChunkParse, isFirst: boolean, kind: ReportKind, key: string): RawFinding[] | Error {
    let byChunk = this.chunkFindings.get(key);
    if (!byChunk) {
      byChunk = new WeakMap();
      this.chunkFindings.set(key, byChunk);
    }
    let result = byChunk.get(parse);
    if (!result) {
      try {
        const found = rule.check({ chunk: parse, kind, isFirst });
        result = found.length > 0 ? found : NO_FINDINGS;
      } catch (error) {
        result = error instanceof Error ? error : new Error(String(error));
      }
      byChunk.set(parse, result);
    }
    return result;
  }
}

/** Whether a rule runs: not turned off, and an opt-in rule only when the kind enables it or the setting gives it a severity. */
export function ruleIsOn(rule: Rule, kind: ReportKind, setting: RuleSetting | undefined): boolean {
  if (setting === 'off') return false;
  return !rule.optIn || setting !== undefined || (kind.optInRules?.includes(rule.id) ?? false);
}

/** What most chunks give most chunk rules, shared. */
const NO_FINDINGS: RawFinding[] = [];

type Preparer = NonNullable<DocumentRule['prepare']>;

/** The distinct `prepare` functions of the document rules among these. */
function preparersOf(rules: readonly Rule[]): Preparer[] {
  const found = new Set<Preparer>();
  for (const rule of rules) if (rule.scope === 'document' && rule.prepare) found.add(rule.prepare);
  return [...found];
}

function chunkRuleKey(kind: ReportKind, rule: ChunkRule, isFirst: boolean): string {
  return `${kind.id}\u0000${rule.id}\u0000${isFirst ? 1 : 0}`;
}

const unparsedByChunk = new WeakMap<ChunkParse, RawFinding | null>();

/** The lines of a chunk that were left out of its parse (see parse/limits.ts), as one finding; cached per parse. */
function notParsed(parse: ChunkParse): RawFinding | undefined {
  let finding = unparsedByChunk.get(parse);
  if (finding === undefined) {
    finding = describeNotParsed(parse) ?? null;
    unparsedByChunk.set(parse, finding);
  }
  return finding ?? undefined;
}

function describeNotParsed(parse: ChunkParse): RawFinding | undefined {
  const error = parse.parseError;
  if (error) {
    return { message: `This section could not be parsed as Markdown (${error}), so it was not checked.`, start: 0, end: parse.text.search(/\r|\n|$/) };
  }
  const skipped = skippedLines(parse);
  const first = skipped[0];
  if (!first) return undefined;
  const more = skipped.length > 1 ? ` (and ${skipped.length - 1} more place${skipped.length > 2 ? 's' : ''} in this section)` : '';
  return {
    message: `These lines were not checked: ${first.reason}${more}. mlreport leaves such lines out of its Markdown parse so that linting stays fast.`,
    start: first.start,
    end: first.end,
  };
}

function resolve(doc: ParsedDocument, rule: string, severity: Severity, raw: RawFinding, shift: number): Finding {
  const finding: Finding = {
    rule,
    severity,
    message: raw.message,
    range: { start: doc.lines.point(raw.start + shift), end: doc.lines.point(raw.end + shift) },
  };
  if (raw.fix) finding.fix = shiftFix(raw.fix, shift);
  if (raw.data) finding.data = raw.data;
  return finding;
}

function shiftFix(fix: Fix, shift: number): Fix {
  if (shift === 0) return fix;
  return { title: fix.title, edits: fix.edits.map((edit) => ({ ...edit, start: edit.start + shift, end: edit.end + shift })) };
}
