import { BUILTIN_KINDS } from '../core/templates/registry';
import type { ReportKind } from '../core/templates/types';

/** A *New …* command: one per built-in kind, registered for it and contributed by package.json (`npm run gen`). */
export interface NewReportCommand {
  /** The command's id without `mlreport.`: `newTaskSpec`. */
  key: string;
  command: string;
  title: string;
  kindId: string;
}

/** The prefix of a kind's id and name that its command leaves out: `ml-task-spec`, "ML Task Specification". */
const KIND_ID_PREFIX = 'ml-';
const KIND_NAME_PREFIX = 'ML ';

/** `ml-task-spec`, "ML Task Specification" → `mlreport.newTaskSpec`, "New Task Specification". */
export function newReportCommand(kind: Pick<ReportKind, 'id' | 'name'>): NewReportCommand {
  const words = withoutPrefix(kind.id, KIND_ID_PREFIX).split('-').filter((word) => word !== '');
  const pascal = words.map((word) => word.charAt(0).toUpperCase() + word.slice(1)).join('');
  const key = `new${pascal}`;
  return { key, command: `mlreport.${key}`, title: `New ${withoutPrefix(kind.name, KIND_NAME_PREFIX)}`, kindId: kind.id };
}

function withoutPrefix(text: string, prefix: string): string {
  return text.startsWith(prefix) ? text.slice(prefix.length) : text;
}

export const NEW_REPORT_COMMANDS: readonly NewReportCommand[] = BUILTIN_KINDS.map(newReportCommand);

const FIXED_COMMANDS = {
  /** *New Report…*: any kind of the workspace, custom ones included. */
  createReport: 'mlreport.createReport',
  insertTemplate: 'mlreport.insertTemplate',
  insertSection: 'mlreport.insertSection',
  nextPlaceholder: 'mlreport.nextPlaceholder',
  previousPlaceholder: 'mlreport.previousPlaceholder',
  lintWorkspace: 'mlreport.lintWorkspace',
  revealSection: 'mlreport.revealSection',
  selectSectionPlaceholders: 'mlreport.selectSectionPlaceholders',
} as const;

/** Command ids, as package.json contributes them: the fixed ones and each kind's *New …* command (`newTaskSpec`). */
export const COMMANDS = {
  ...Object.fromEntries(NEW_REPORT_COMMANDS.map((entry) => [entry.key, entry.command])),
  ...FIXED_COMMANDS,
};

/** The context key that is true while the active editor shows a report. */
export const IS_REPORT_CONTEXT = 'mlreport.isReport';
