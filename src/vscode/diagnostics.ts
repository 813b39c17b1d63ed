import * as vscode from 'vscode';
import type { Finding, Severity } from '../core';
import { toRange } from './positions';

export const DIAGNOSTIC_SOURCE = 'mlreport';

const SEVERITIES: Readonly<Record<Severity, vscode.DiagnosticSeverity>> = {
  error: vscode.DiagnosticSeverity.Error,
  warning: vscode.DiagnosticSeverity.Warning,
  info: vscode.DiagnosticSeverity.Information,
};

/** Where the README documents a rule. */
export type RuleLink = (ruleId: string) => vscode.Uri;

const DEFAULT_REPOSITORY = 'https://github.com/mlreport/mlreport';

/** Links to the rules in the README of the repository named in the extension's package.json. */
export function ruleLinks(context: vscode.ExtensionContext): RuleLink {
  const manifest = context.extension.packageJSON as { repository?: string | { url?: string } };
  const repository = typeof manifest.repository === 'string' ? manifest.repository : manifest.repository?.url;
  const readme = vscode.Uri.parse((repository ?? DEFAULT_REPOSITORY).replace(/^git\+/, '').replace(/\.git$/, ''));
  return (ruleId) => readme.with({ fragment: `rule-${ruleId}` });
}

export function toDiagnostic(finding: Finding, link: RuleLink): vscode.Diagnostic {
  const diagnostic = new vscode.Diagnostic(toRange(finding.range), finding.message, SEVERITIES[finding.severity]);
  diagnostic.source = DIAGNOSTIC_SOURCE;
  diagnostic.code = { value: finding.rule, target: link(finding.rule) };
  return diagnostic;
}

/** The rule id of one of our diagnostics. */
export function diagnosticRule(diagnostic: vscode.Diagnostic): string | undefined {
  if (diagnostic.source !== DIAGNOSTIC_SOURCE) return undefined;
  const code = diagnostic.code;
  if (typeof code === 'object' && code !== null) return String(code.value);
  return code === undefined ? undefined : String(code);
}
