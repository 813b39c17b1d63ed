import type { Finding, Severity } from '../types';

/** A finding as the CLI's JSON output and the fixture files write it: 1-based lines and columns. */
export interface JsonDiagnostic {
  rule: string;
  severity: Severity;
  message: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

export function toJsonDiagnostic(finding: Finding): JsonDiagnostic {
  return {
    rule: finding.rule,
    severity: finding.severity,
    message: finding.message,
    line: finding.range.start.line,
    column: finding.range.start.column,
    endLine: finding.range.end.line,
    endColumn: finding.range.end.column,
  };
}
