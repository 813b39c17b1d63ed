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

/**
 * Which of a kind's sections play which part in a report, for the rules that look for facts by
 * meaning rather than by heading. Each list holds section ids (a section includes its subsections);
 * the first id present in the report is where a missing fact belongs.
 */
export interface KindRoles {
  /** The training or experimental setup: where seeds are recorded. */
  setup?: readonly string[];
  /** Where hardware and software versions are stated. */
  environment?: readonly string[];
  /** The data description, which states the dataset's size. */
  dataDescription?: readonly string[];
  /** Where the train/validation/test split is given, as a table or in prose. */
  dataSplits?: readonly string[];
  /** Where results are reported: their spread and number of runs belong here. */
  results?: readonly string[];
  /** The parts that report outcomes, where every success metric must show up. */
  outcomes?: readonly string[];
  /** The parts whose claims of a difference need a test, a confidence interval or a spread. */
  claims?: readonly string[];
  /** Where a significance test belongs. */
  significance?: readonly string[];
  /** The success criteria, or the metrics the problem definition names. */
  successCriteria?: readonly string[];
  /** The table of objectives with a status per success criterion. */
  objectives?: readonly string[];
  /** Where the code is identified: repository and commit, tag or version. */
  code?: readonly string[];
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
  /** Which sections play which part, for the reproducibility rules. */
  roles?: KindRoles;
  /**
   * Rules that are off unless a kind lists them here (or the configuration gives them a severity):
   * the reproducibility rules, which need `roles` to know where to look.
   */
  optInRules?: readonly string[];
  /** The template file the kind was compiled from, when it came from one (a team's custom kind). */
  source?: string;
  /** What belongs in each slot and section, shown on hover; a kind may leave it out. */
  guidance?: KindGuidance;
}

/** A short word on what to write, and an example. */
export interface Guidance {
  what: string;
  example?: string;
}

export interface KindGuidance {
  /** By slot name: `AUTHORS`. */
  slots?: Readonly<Record<string, Guidance>>;
  /** By section id: `training` or `training/hyperparameters`. */
  sections?: Readonly<Record<string, Guidance>>;
}
