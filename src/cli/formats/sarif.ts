import { pathToFileURL } from 'node:url';
import { INTERNAL_ERROR_RULE } from '../../core/lint';
import { RULES } from '../../core/rules';
import type { Severity } from '../../core/types';
import { DOCS_URL, VERSION, ruleHelpUri } from '../version';
import type { Formatter } from './types';

const SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';
const LEVELS: Record<Severity, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', info: 'note' };
const SOURCE_ROOT = '%SRCROOT%';

const RULE_DESCRIPTIONS: readonly { id: string; description: string }[] = [
  ...RULES.map((rule) => ({ id: rule.id, description: rule.description })),
  { id: INTERNAL_ERROR_RULE, description: 'A rule failed while linting this file; the other rules ran normally.' },
];

/** SARIF 2.1.0, for code scanning: one run, every rule in the driver, one result per finding. */
export const formatSarif: Formatter = (report) => {
  const ruleIndex = new Map(RULE_DESCRIPTIONS.map((rule, index) => [rule.id, index]));
  const results = report.files.flatMap((file) =>
    file.findings.map((finding) => ({
      ruleId: finding.rule,
      ...(ruleIndex.has(finding.rule) ? { ruleIndex: ruleIndex.get(finding.rule) } : {}),
      level: LEVELS[finding.severity],
      message: { text: finding.message },
      locations: [
        {
          physicalLocation: {
            artifactLocation: artifactLocation(file.shownAs, file.path),
            region: {
              startLine: finding.range.start.line,
              startColumn: finding.range.start.column,
              endLine: finding.range.end.line,
              endColumn: finding.range.end.column,
            },
          },
        },
      ],
    })),
  );
  const log = {
    $schema: SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'mlreport',
            version: VERSION,
            semanticVersion: VERSION,
            informationUri: DOCS_URL,
            rules: RULE_DESCRIPTIONS.map((rule) => ({
              id: rule.id,
              shortDescription: { text: rule.description },
              helpUri: ruleHelpUri(rule.id),
            })),
          },
        },
        originalUriBaseIds: { [SOURCE_ROOT]: { uri: folderUri(report.cwd) } },
        columnKind: 'utf16CodeUnits',
        invocations: [
          {
            executionSuccessful: report.failures.length === 0,
            toolExecutionNotifications: report.failures.map((failure) => ({
              level: 'error',
              message: { text: `${failure.shownAs}: ${failure.message}` },
            })),
          },
        ],
        results,
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
};

/** Relative to the working folder (forward slashes, percent-encoded) when inside it, else an absolute file URI. */
function artifactLocation(shownAs: string, path: string): { uri: string; uriBaseId?: string } {
  if (shownAs.startsWith('../') || shownAs === '..' || /^([a-zA-Z]:)?\//.test(shownAs)) {
    return { uri: pathToFileURL(path).href };
  }
  return { uri: shownAs.split('/').map(encodeURIComponent).join('/'), uriBaseId: SOURCE_ROOT };
}

function folderUri(folder: string): string {
  const href = pathToFileURL(folder).href;
  return href.endsWith('/') ? href : `${href}/`;
}
