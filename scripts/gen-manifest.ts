// The parts of package.json that list rules and kinds: the `mlreport.rules` setting (one property per
// rule), the kind ids in the settings' descriptions, and one *New …* command per kind. The rest of
// package.json is written by hand and kept as it is. `npm run gen`; a unit test keeps the file in sync.
import { DEFAULT_CONFIG_KIND, RULE_SETTINGS } from '../src/core/config';
import { RULES } from '../src/core/rules';
import type { Rule } from '../src/core/rules/types';
import { BUILTIN_KINDS } from '../src/core/templates/registry';
import type { ReportKind } from '../src/core/templates/types';
import { newReportCommand } from '../src/vscode/commandIds';
import { code, orList } from './genText';

export const MANIFEST_FILE = 'package.json';

interface ManifestCommand {
  command: string;
  title: string;
  category?: string;
  icon?: string;
}

interface ManifestSetting {
  markdownDescription?: string;
  properties?: Record<string, unknown>;
}

interface Manifest {
  repository?: string | { url?: string };
  contributes: {
    commands: ManifestCommand[];
    configuration: { properties: Record<string, ManifestSetting> };
  };
}

const CATEGORY = 'ML Report';
const NEW_REPORT_ICON = '$(new-file)';

/** `current` (package.json's text) with its generated parts rendered afresh from the rules and kinds. */
export function renderManifest(current: string, rules: readonly Rule[] = RULES, kinds: readonly ReportKind[] = BUILTIN_KINDS): string {
  const manifest = JSON.parse(current) as Manifest;
  const contributes = manifest.contributes;
  const generated = kinds.map(newReportCommand);
  const isNewReportCommand = (command: ManifestCommand): boolean => /^mlreport\.new[A-Z]/.test(command.command);
  contributes.commands = [
    ...generated.map(({ command, title }) => ({ command, title, category: CATEGORY, icon: NEW_REPORT_ICON })),
    ...contributes.commands.filter((command) => !isNewReportCommand(command)),
  ];

  const settings = contributes.configuration.properties;
  const kindIds = orList(kinds.map((kind) => code(kind.id)));
  setting(settings, 'mlreport.enable').markdownDescription =
    `Lint ML reports (Markdown files whose front matter \`type:\` is ${kindIds}, or that match \`#mlreport.files#\`) as you type. Turn off to silence every diagnostic, the outline and the status bar item.`;
  setting(settings, 'mlreport.files').markdownDescription =
    `Globs, relative to the workspace folder, of Markdown files that are reports even without a front matter \`type:\` (they are linted as the \`kind\` of \`.mlreport.json\`, else as ${code(DEFAULT_CONFIG_KIND)}). Example: \`["reports/**/*.md"]\`. The \`files\` of \`.mlreport.json\` count too.`;
  const readme = readmeUrl(manifest);
  const rulesSetting = setting(settings, 'mlreport.rules');
  rulesSetting.markdownDescription =
    `Severity of each rule: ${orList(RULE_SETTINGS.map(code))}. Overrides \`rules\` in the workspace's \`.mlreport.json\`. Example: \`{ "section-order": "off", "table-column-count": "error" }\`.`;
  rulesSetting.properties = Object.fromEntries(rules.map((rule) => [rule.id, {
    type: 'string',
    enum: [...RULE_SETTINGS],
    markdownDescription: `[${code(rule.id)}](${readme}#rule-${rule.id}): ${rule.description} Default: ${code(rule.defaultSeverity)}.`,
  }]));
  return `${JSON.stringify(manifest, null, 2)}\n`;
}

function setting(settings: Record<string, ManifestSetting>, name: string): ManifestSetting {
  const found = settings[name];
  if (!found) throw new Error(`${MANIFEST_FILE} has no setting ${name}`);
  return found;
}

/** The README the rule links point at: the repository's page, as the extension links diagnostics. */
function readmeUrl(manifest: Manifest): string {
  const repository = typeof manifest.repository === 'string' ? manifest.repository : manifest.repository?.url;
  if (!repository) throw new Error(`${MANIFEST_FILE} has no repository url`);
  return repository.replace(/^git\+/, '').replace(/\.git$/, '');
}
