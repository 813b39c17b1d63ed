/** Command ids, as package.json contributes them. */
export const COMMANDS = {
  newExperimentReport: 'mlreport.newExperimentReport',
  newTaskSpec: 'mlreport.newTaskSpec',
  insertTemplate: 'mlreport.insertTemplate',
  insertSection: 'mlreport.insertSection',
  nextPlaceholder: 'mlreport.nextPlaceholder',
  previousPlaceholder: 'mlreport.previousPlaceholder',
  lintWorkspace: 'mlreport.lintWorkspace',
  revealSection: 'mlreport.revealSection',
} as const;

/** The context key that is true while the active editor shows a report. */
export const IS_REPORT_CONTEXT = 'mlreport.isReport';
