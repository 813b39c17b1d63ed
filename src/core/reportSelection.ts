/**
 * Which documents an editor lints as reports, and with which options: a document is a report when its
 * front matter `type:` names a known kind, or when the user's globs say it is one. Cheap, so an editor
 * can ask on every keystroke without parsing Markdown files that are not reports.
 */
import { DEFAULT_CONFIG_KIND } from './config';
import type { ReportConfig } from './config';
import type { LintOptions, RuleSetting } from './lint';
import { findKind } from './templates/registry';
import type { ReportKind } from './templates/types';

const OPENING = /^\uFEFF?---[ \t]*(?:\r\n|\n|\r)/;
const CLOSING = /^---[ \t]*$/m;
const TYPE_LINE = /^type[ \t]*:[ \t]*(.*)$/m;

/** The front matter's top-level `type:` value, read without parsing the document; undefined without one. */
export function sniffDeclaredType(text: string): string | undefined {
  const opening = OPENING.exec(text);
  if (!opening) return undefined;
  const rest = text.slice(opening[0].length);
  const closing = CLOSING.exec(rest);
  if (!closing) return undefined;
  const match = TYPE_LINE.exec(rest.slice(0, closing.index));
  return match ? unquote(stripComment((match[1] ?? '').trim())) : undefined;
}

export interface ReportSelectionInput {
  /** The document's `type:` (see `sniffDeclaredType`). */
  declaredType: string | undefined;
  /** Whether the document matches the editor's or the config file's `files` globs. */
  matchesFiles: boolean;
  /** The `.mlreport.json` that applies, if any. */
  config: ReportConfig | undefined;
  /** Rule severities from the editor's settings; they override the config file's. */
  settingsRules: Readonly<Record<string, RuleSetting>>;
  kinds?: readonly ReportKind[];
}

/** The lint options for a document, or undefined when it is not a report. */
export function reportLintOptions(input: ReportSelectionInput): LintOptions | undefined {
  const rules = { ...input.config?.rules, ...input.settingsRules };
  const extra = input.kinds ? { kinds: input.kinds } : {};
  if (input.declaredType !== undefined && findKind(input.declaredType, input.kinds)) return { rules, ...extra };
  if (!input.matchesFiles) return undefined;
  return { kind: input.config?.kind ?? DEFAULT_CONFIG_KIND, rules, ...extra };
}

function stripComment(value: string): string {
  if (value.startsWith('"') || value.startsWith("'")) return value;
  return value.replace(/[ \t]+#.*$/, '');
}

function unquote(value: string): string {
  const quoted = /^(["'])(.*)\1[ \t]*(?:#.*)?$/.exec(value);
  return quoted ? (quoted[2] ?? '') : value;
}
