import type { Severity } from '../../core/types';
import type { Formatter } from './types';

const COMMANDS: Record<Severity, string> = { error: 'error', warning: 'warning', info: 'notice' };

/** GitHub Actions workflow commands: each finding becomes an annotation on its file and lines. */
export const formatGithub: Formatter = (report) => {
  const lines: string[] = [];
  for (const file of report.files) {
    for (const finding of file.findings) {
      const { start, end } = finding.range;
      const properties = [
        `file=${escapeProperty(file.shownAs)}`,
        `line=${start.line}`,
        `col=${start.column}`,
        `endLine=${end.line}`,
        `endColumn=${end.column}`,
        `title=${escapeProperty(finding.rule)}`,
      ];
      lines.push(`::${COMMANDS[finding.severity]} ${properties.join(',')}::${escapeData(finding.message)}`);
    }
  }
  return lines.map((line) => `${line}\n`).join('');
};

export function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

export function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}
