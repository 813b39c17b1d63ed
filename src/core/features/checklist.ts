import type { LintResult } from '../lint';
import { assessCodeVersion, CODE_VERSION } from '../rules/codeVersion';
import { assessSplits, DATA_SPLIT_CONSISTENCY } from '../rules/dataSplitConsistency';
import type { Assessment, Role } from '../rules/facts/roles';
import { assessObjectives, OBJECTIVES_STATUS } from '../rules/objectivesStatus';
import { assessEnvironment, REPRODUCIBILITY_ENVIRONMENT } from '../rules/reproducibilityEnvironment';
import { assessSeeds, REPRODUCIBILITY_SEEDS } from '../rules/reproducibilitySeeds';
import { assessVariance, RESULTS_VARIANCE } from '../rules/resultsVariance';
import { assessSignificance, SIGNIFICANCE_CLAIM } from '../rules/significanceClaim';
import { assessCoverage, SUCCESS_CRITERIA_COVERAGE } from '../rules/successCriteriaCoverage';
import type { DocumentContext } from '../rules/types';
import type { SectionMap } from '../sections/sectionMap';

/** A place in the report: 1-based line, document offsets, and the section it is in. */
export interface ChecklistLocation {
  line: number;
  start: number;
  end: number;
  /** The heading text of the innermost section holding it, if any. */
  section: string | undefined;
}

export interface ChecklistItem {
  /** The rule that checks the item. */
  rule: string;
  /** What the item asks for: `Random seeds recorded`. */
  title: string;
  /** The reviewing checklist it comes from. */
  source: string;
  /** True when the rule has no finding. */
  ok: boolean;
  /** Where the report states it, or (see `stated`) where it belongs or goes wrong. */
  location: ChecklistLocation | undefined;
  /** Whether `location` is where the report states the item. */
  stated: boolean;
  /** The rule's findings, when not ok. */
  problems: string[];
}

export interface Checklist {
  items: ChecklistItem[];
  passed: number;
  total: number;
}

interface ItemSpec {
  rule: string;
  title: string;
  source: string;
  assess: (ctx: DocumentContext) => Assessment;
  /** The item is left out for kinds without a section of this role (a task spec has no objectives table). */
  needs?: Role;
}

/** The checklist items in the order the README lists their rules. */
export const CHECKLIST_ITEMS: readonly ItemSpec[] = [
  { rule: REPRODUCIBILITY_SEEDS, title: 'Random seeds recorded', source: 'ML Reproducibility Checklist (Pineau et al.)', assess: assessSeeds },
  { rule: REPRODUCIBILITY_ENVIRONMENT, title: 'Hardware and software versions stated', source: 'NeurIPS checklist items 3 and 8 (compute)', assess: assessEnvironment },
  { rule: RESULTS_VARIANCE, title: 'Number of runs and spread of results', source: 'NeurIPS checklist item 7; ML Reproducibility Checklist', assess: assessVariance },
  { rule: DATA_SPLIT_CONSISTENCY, title: 'Data splits add up', source: 'ML Reproducibility Checklist (data splits); REFORMS', assess: assessSplits },
  { rule: SUCCESS_CRITERIA_COVERAGE, title: 'Every success metric reported', source: 'Task-spec guide (comparable results)', assess: assessCoverage },
  { rule: OBJECTIVES_STATUS, title: 'Every objective has a status', source: 'Experiment report template (Did We Meet Objectives?)', assess: assessObjectives, needs: 'objectives' },
  { rule: CODE_VERSION, title: 'Code identified by repository and version', source: 'REFORMS (code identity)', assess: assessCodeVersion },
  { rule: SIGNIFICANCE_CLAIM, title: 'Claimed differences backed by a test or spread', source: 'NeurIPS checklist item 7 (statistical significance)', assess: assessSignificance },
];

/**
 * The reproducibility checklist of a linted report: one item per reproducibility rule that ran, in
 * README order; undefined when the document is not a report or none of these rules ran.
 */
export function buildChecklist(result: LintResult): Checklist | undefined {
  const { kind, sections, doc } = result;
  if (!kind || !sections) return undefined;
  const ctx: DocumentContext = { doc, kind, sections };
  const items: ChecklistItem[] = [];
  for (const spec of CHECKLIST_ITEMS) {
    if (!result.activeRules.includes(spec.rule) || (spec.needs && !kind.roles?.[spec.needs]?.length)) continue;
    const findings = result.findings.filter((finding) => finding.rule === spec.rule);
    const first = findings[0];
    let span: { start: number; end: number } | undefined;
    let stated = false;
    if (first) span = { start: first.range.start.offset, end: first.range.end.offset };
    else {
      const assessment = spec.assess(ctx);
      stated = assessment.stated !== undefined;
      span = assessment.stated ?? assessment.place;
    }
    items.push({
      rule: spec.rule,
      title: spec.title,
      source: spec.source,
      ok: findings.length === 0,
      location: span && locate(result, sections, span),
      stated,
      problems: findings.map((finding) => finding.message),
    });
  }
  if (items.length === 0) return undefined;
  return { items, passed: items.filter((item) => item.ok).length, total: items.length };
}

function locate(result: LintResult, sections: SectionMap, span: { start: number; end: number }): ChecklistLocation {
  let section: string | undefined;
  for (const occurrence of sections.occurrences) {
    if (occurrence.heading.start <= span.start && span.start < occurrence.end) section = occurrence.heading.text;
  }
  return { line: result.doc.lines.point(span.start).line, start: span.start, end: span.end, section };
}

/** The checklist as Markdown for a review or a pull request: each item with Yes/No and where the report states it. */
export function checklistMarkdown(checklist: Checklist, file: string, kindName: string): string {
  const lines = [`### Reproducibility checklist: ${file}`, '', `${kindName} · ${checklist.passed}/${checklist.total} items met`, ''];
  for (const item of checklist.items) {
    const where = item.location ? `line ${item.location.line}${item.location.section ? ` (${item.location.section})` : ''}` : undefined;
    if (item.ok) {
      lines.push(`- [x] **${item.title}**: Yes${item.stated && where ? `, stated at ${where}` : ' (nothing in the report to check)'}`);
    } else {
      lines.push(`- [ ] **${item.title}**: No${where ? `, see ${where}` : ''}`);
      for (const problem of item.problems) lines.push(`  - ${problem}`);
    }
  }
  return `${lines.join('\n')}\n`;
}
