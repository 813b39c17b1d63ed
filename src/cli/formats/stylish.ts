import type { Severity } from '../../core/types';
import { styles } from './ansi';
import type { Styles } from './ansi';
import type { Formatter } from './types';

/** The human format, after eslint's: per file, aligned `line:col  severity  message  rule`, then a total. */
export const formatStylish: Formatter = (report, options) => {
  const s = styles(options.color);
  const out: string[] = [];
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const file of report.files) {
    if (file.findings.length === 0) continue;
    const rows = file.findings.map((finding) => {
      counts[finding.severity]++;
      return {
        line: String(finding.range.start.line),
        column: String(finding.range.start.column),
        severity: finding.severity,
        message: finding.message.replace(/\s*[\r\n]+\s*/g, ' '),
        rule: finding.rule,
      };
    });
    const width = (pick: (row: (typeof rows)[number]) => string): number => Math.max(...rows.map((row) => pick(row).length));
    const lineWidth = width((row) => row.line);
    const columnWidth = width((row) => row.column);
    const severityWidth = width((row) => row.severity);
    const messageWidth = width((row) => row.message);
    out.push('', s.underline(file.shownAs));
    for (const row of rows) {
      const position = `${row.line.padStart(lineWidth)}:${row.column.padEnd(columnWidth)}`;
      const severity = paint(s, row.severity, row.severity.padEnd(severityWidth));
      out.push(`  ${s.dim(position)}  ${severity}  ${row.message.padEnd(messageWidth)}  ${s.dim(row.rule)}`.trimEnd());
    }
  }
  const total = counts.error + counts.warning + counts.info;
  if (total === 0) {
    const n = report.files.length;
    return n === 0 ? '' : `${s.green('✔')} ${plural(n, 'report')} linted, no problems\n`;
  }
  const summary = `✖ ${plural(total, 'problem')} (${plural(counts.error, 'error')}, ${plural(counts.warning, 'warning')}, ${plural(counts.info, 'info')})`;
  const worst: Severity = counts.error > 0 ? 'error' : counts.warning > 0 ? 'warning' : 'info';
  out.push('', s.bold(paint(s, worst, summary)), '');
  return out.join('\n');
};

function paint(s: Styles, severity: Severity, text: string): string {
  return severity === 'error' ? s.red(text) : severity === 'warning' ? s.yellow(text) : s.cyan(text);
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}
