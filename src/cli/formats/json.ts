import { toJsonDiagnostic } from '../../core/features/diagnostic';
import type { JsonDiagnostic } from '../../core/features/diagnostic';
import type { Formatter } from './types';

/** The public JSON contract: one array, one entry per file linted. */
export interface JsonFileResult {
  file: string;
  kind: string;
  diagnostics: JsonDiagnostic[];
}

export const formatJson: Formatter = (report) => {
  const results: JsonFileResult[] = report.files.map((file) => ({
    file: file.shownAs,
    kind: file.kind,
    diagnostics: file.findings.map(toJsonDiagnostic),
  }));
  return `${JSON.stringify(results)}\n`;
};
