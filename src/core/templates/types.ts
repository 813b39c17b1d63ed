/** One expected section of a report kind: a `##` section or a `###` subsection of one. */
export interface SectionSpec {
  /** Stable id, e.g. `objective` or `objective/research-question`. */
  id: string;
  /** The title a reader sees, without numbering: `Research Question`. */
  title: string;
  /** Heading level in the template: 2 for sections, 3 for subsections. */
  level: number;
  required: boolean;
  /** Other titles that count as this section (compared after normalisation). */
  aliases: readonly string[];
  /** Subsections, in template order (empty for subsections). */
  children: readonly SectionSpec[];
}

/**
 * The template's filler text, compiled from its annotated template (compile/inferFiller.ts). Only these
 * (and `{{NAME}}` slots) are placeholders; structure such as headings, header rows and label cells never is.
 */
export interface PlaceholderInventory {
  /** Whole paragraphs, list items, quotes or table cells that are filler: `Finding 1`, `What specific question are we trying to answer?`. */
  blocks: readonly string[];
  /** Filler after a bold label in a list item or paragraph (`**Metric 1**: Target value` → `Target value`). */
  values: readonly string[];
  /** Filler bold labels (`Metric 1`); real labels such as `Missing Values` are structure. */
  labels: readonly string[];
  /** Table body cells that are filler wherever they appear (`X examples`, `Y%`, `Dataset name`). */
  cells: readonly string[];
  /** Table body rows of example data that no real report would hold by chance (`Baseline 1 | 0.65 | 0.64 | …`): a row equal to one of these, cell by cell, is filler wherever it appears. */
  rows: readonly (readonly string[])[];
  /**
   * Example table bodies whose rows are plausible one by one (`Optimizer | AdamW | Standard for transformers`):
   * a table is filler only when its body still equals one of these, row for row; then every row is reported.
   */
  tables: readonly (readonly (readonly string[])[])[];
  /** Choice lists the template offers, unchosen: `Draft / Final / In Review`. */
  choices: readonly string[];
  /** Markers that are filler wherever they occur in text: `[link]`. */
  inline: readonly string[];
  /** Contents of code blocks that are the template's example code (compared with whitespace collapsed). */
  code: readonly string[];
}

export interface ReportKind {
  /** The front matter `type:` value that selects this kind. */
  id: string;
  /** Human name: `ML Experiment Report`. */
  name: string;
  description: string;
  /** The full template, with `{{TITLE}}`, `{{AUTHORS}}`, `{{DATE}}` slots. */
  template: string;
  sections: readonly SectionSpec[];
  requiredFrontMatter: readonly string[];
  placeholders: PlaceholderInventory;
  /** The template file the kind was compiled from, when it came from one (a team's custom kind). */
  source?: string;
}
