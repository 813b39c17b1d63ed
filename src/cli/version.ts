import pkg from '../../package.json';

export const VERSION: string = pkg.version;

const manifest = pkg as { repository?: string | { url?: string } };
const repository = typeof manifest.repository === 'string' ? manifest.repository : manifest.repository?.url;

/** The project's page, whose README documents each rule under the anchor `rule-<id>` (as the extension links them). */
export const DOCS_URL: string = (repository ?? 'https://github.com/mlreport/mlreport').replace(/^git\+/, '').replace(/\.git$/, '');

export function ruleHelpUri(ruleId: string): string {
  return `${DOCS_URL}#rule-${ruleId}`;
}
