/** Severity of a finding, as the CLI prints it and the editor shows it. */
export type Severity = 'error' | 'warning' | 'info';

/** A rule's configured severity, or `off` to skip it. */
export type RuleSetting = Severity | 'off';

/** A point in a document: 1-based line and column (UTF-16 code units, as VS Code counts), 0-based offset. */
export interface Point {
  line: number;
  column: number;
  offset: number;
}

export interface Range {
  start: Point;
  end: Point;
}

/** A replacement of the text between two offsets of the linted text. */
export interface TextEdit {
  start: number;
  end: number;
  newText: string;
}

export interface Fix {
  title: string;
  edits: TextEdit[];
}

/** A finding as rules produce it: offsets only, positions are resolved once when results are assembled. */
export interface RawFinding {
  message: string;
  start: number;
  end: number;
  /** Overrides the rule's default severity (e.g. missing subsections are information). */
  severity?: Severity;
  fix?: Fix;
  /** Rule-specific facts for adapters (e.g. the section a missing-section finding is about). */
  data?: Readonly<Record<string, string | number | boolean>>;
}

export interface Finding {
  rule: string;
  severity: Severity;
  message: string;
  range: Range;
  fix?: Fix;
  data?: Readonly<Record<string, string | number | boolean>>;
}
