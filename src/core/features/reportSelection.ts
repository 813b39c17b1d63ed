/**
 * Which documents an editor lints as reports, and with which options: a document is a report when its
 * front matter `type:` names a known kind, or when the user's globs say it is one. Cheap, so an editor
 * can ask on every keystroke without parsing Markdown files that are not reports.
 */
import { DEFAULT_CONFIG_KIND, rulesForFile } from '../config';
import type { ReportConfig } from '../config';
import type { LintOptions } from '../lint';
import { findKind } from '../templates/registry';
import type { ReportKind } from '../templates/types';
import type { RuleSetting } from '../types';

export interface ReportSelectionInput {
  /** The document's `type:` (see `sniffDeclaredType` in parse/declaredType.ts). */
  declaredType: string | undefined;
  /** Whether the document matches the editor's or the config file's `files` globs. */
  matchesFiles: boolean;
  /** The `.mlreport.json` that applies, if any. */
  config: ReportConfig | undefined;
  /** Rule severities from the editor's settings; they override the config file's. */
  settingsRules: Readonly<Record<string, RuleSetting>>;
  /** Kinds besides the built-in ones; the config's kinds when not given. */
  kinds?: readonly ReportKind[];
  /** The document's path relative to the config file's folder (`/` separators), for the config's `overrides`. */
  relativePath?: string | undefined;
}

/** The lint options for a document, or undefined when it is not a report. */
export function reportLintOptions(input: ReportSelectionInput): LintOptions | undefined {
  const rules = { ...(input.config && rulesForFile(input.config, input.relativePath)), ...input.settingsRules };
  const kinds = input.kinds ?? input.config?.kinds;
  const extra = kinds ? { kinds } : {};
  if (input.declaredType !== undefined && findKind(input.declaredType, kinds)) return { rules, ...extra };
  if (!input.matchesFiles) return undefined;
  return { kind: input.config?.kind ?? DEFAULT_CONFIG_KIND, rules, ...extra };
}
