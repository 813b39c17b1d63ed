import type { Finding } from '../../core/types';

export interface LintedFile {
  /** Absolute path. */
  path: string;
  /** The path as printed: relative to the working folder, `/` separators. */
  shownAs: string;
  /** The kind the file was linted as. */
  kind: string;
  findings: readonly Finding[];
}

/** Everything one `mlreport lint` run found, for a formatter to print. */
export interface LintReport {
  cwd: string;
  files: readonly LintedFile[];
  /** Files that could not be linted (also reported on standard error), for formats that record them. */
  failures: readonly { shownAs: string; message: string }[];
}

export interface FormatOptions {
  color: boolean;
}

export type Formatter = (report: LintReport, options: FormatOptions) => string;
