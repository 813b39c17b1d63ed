import * as vscode from 'vscode';
import type { RuleSetting } from '../core';
import { parseRuleSetting } from '../core/config';

export const SECTION = 'mlreport';

export interface ExtensionSettings {
  enable: boolean;
  debounceMs: number;
  rules: Readonly<Record<string, RuleSetting>>;
  files: readonly string[];
  maxLiveLintSize: number;
}

export const DEFAULT_DEBOUNCE_MS = 300;
export const DEFAULT_MAX_LIVE_LINT_SIZE = 2_000_000;

/** The `mlreport.*` settings for a resource; invalid values fall back to the defaults (and are reported). */
export function readSettings(scope: vscode.Uri | undefined, problems: string[] = []): ExtensionSettings {
  const config = vscode.workspace.getConfiguration(SECTION, scope);
  return {
    enable: config.get<unknown>('enable') !== false,
    debounceMs: nonNegative(config.get<unknown>('debounceMs'), DEFAULT_DEBOUNCE_MS),
    rules: ruleSettings(config.get<unknown>('rules'), problems),
    files: globs(config.get<unknown>('files')),
    maxLiveLintSize: nonNegative(config.get<unknown>('maxLiveLintSize'), DEFAULT_MAX_LIVE_LINT_SIZE),
  };
}

function nonNegative(value: unknown, fallback: number): number {
  return typeof value === 'number' && Number.isFinite(value) && value >= 0 ? value : fallback;
}

function ruleSettings(value: unknown, problems: string[]): Record<string, RuleSetting> {
  const rules: Record<string, RuleSetting> = {};
  if (typeof value !== 'object' || value === null) return rules;
  for (const [id, setting] of Object.entries(value as Record<string, unknown>)) {
    const parsed = parseRuleSetting(id, setting);
    if (typeof parsed === 'string') rules[id] = parsed;
    else problems.push(`setting mlreport.rules: ${parsed.problem}; it is ignored`);
  }
  return rules;
}

function globs(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((entry): entry is string => typeof entry === 'string' && entry.trim() !== '') : [];
}
