import pkg from '../../package.json';

export const VERSION: string = pkg.version;

/** The README, where each rule has a section whose anchor is its id. */
export const DOCS_URL: string = (pkg as { homepage?: string }).homepage ?? 'https://www.npmjs.com/package/mlreport';

export function ruleHelpUri(ruleId: string): string {
  return `${DOCS_URL}#${ruleId}`;
}
