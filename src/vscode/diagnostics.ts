import { readFileSync } from 'node:fs';
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

/**
 * Links to the README shipped inside the extension, at the line of the rule's section (`#L85`, which
 * VS Code opens at that line): they work offline, unlike the repository's web page.
 */
export function ruleLinks(context: vscode.ExtensionContext): RuleLink {
  // A .vsix holds the README as `readme.md` (vsce renames it); a development checkout as `README.md`.
  for (const name of ['README.md', 'readme.md']) {
    const readme = vscode.Uri.joinPath(context.extensionUri, name);
    const text = readText(readme);
    if (text !== undefined) return ruleLinksIn(readme, text);
  }
  return ruleLinksIn(vscode.Uri.joinPath(context.extensionUri, 'README.md'), undefined);
}

/** Rule links into a README whose text is given (undefined when it could not be read: the README itself). */
function ruleLinksIn(readme: vscode.Uri, readmeText: string | undefined): RuleLink {
  const lines = new Map<string, number>();
  (readmeText ?? '').split(/\r\n|\n|\r/).forEach((line, index) => {
    const rule = /^#{2,4} Rule: ([a-z0-9-]+)\s*$/.exec(line)?.[1];
    if (rule && !lines.has(rule)) lines.set(rule, index + 1);
  });
  return (ruleId) => {
    const line = lines.get(ruleId);
    return line === undefined ? readme : readme.with({ fragment: `L${line}` });
  };
}

function readText(uri: vscode.Uri): string | undefined {
  try {
    return readFileSync(uri.fsPath, 'utf8');
  } catch {
    return undefined;
  }
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
