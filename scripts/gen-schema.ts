// Writes schemas/mlreport.schema.json, the JSON schema VS Code validates `.mlreport.json` with: its rule
// ids and kind ids come from the rules and the kinds registry. `npm run gen`; a unit test keeps it in sync.
import { DEFAULT_CONFIG_KIND, RULE_SETTINGS } from '../src/core/config';
import { RULES } from '../src/core/rules';
import type { Rule } from '../src/core/rules/types';
import { BUILTIN_KINDS } from '../src/core/templates/registry';
import type { ReportKind } from '../src/core/templates/types';
import { orList } from './genText';

export const SCHEMA_FILE = 'schemas/mlreport.schema.json';

export function renderSchema(rules: readonly Rule[] = RULES, kinds: readonly ReportKind[] = BUILTIN_KINDS): string {
  const schema = {
    $schema: 'http://json-schema.org/draft-07/schema#',
    title: 'mlreport configuration (.mlreport.json)',
    description: 'Configuration shared by the mlreport CLI and the ML Report VS Code extension.',
    type: 'object',
    properties: {
      $schema: { type: 'string' },
      rules: {
        type: 'object',
        description: `Severity of each rule: ${orList(RULE_SETTINGS)}.`,
        properties: Object.fromEntries(rules.map((rule) => [rule.id, {
          enum: [...RULE_SETTINGS],
          description: `${rule.description} Default: ${rule.defaultSeverity}.`,
        }])),
        additionalProperties: false,
      },
      files: {
        type: 'array',
        items: { type: 'string' },
        description: 'Globs, relative to this file\'s folder, of Markdown files that are reports even without a front matter type:.',
      },
      kind: {
        type: 'string',
        examples: kinds.map((kind) => kind.id),
        default: DEFAULT_CONFIG_KIND,
        description: 'The kind the files matched by files are linted as, unless they declare a known type:. A built-in kind id or the type: of one of the templates in kinds.',
      },
      kinds: {
        type: 'array',
        items: { type: 'string', pattern: '\\.(md|markdown)$' },
        description: 'Template files, relative to this file\'s folder and inside it, each compiled into a report kind whose id is its front matter type: (see docs/templates.md). A template whose type: is a built-in id replaces that kind.',
      },
      sections: {
        type: 'object',
        description: 'Per kind id: sections made optional and other titles that count as a section, without copying its template.',
        additionalProperties: {
          type: 'object',
          properties: {
            optional: { type: 'array', items: { type: 'string' }, description: 'Titles of sections or subsections that a report may leave out.' },
            aliases: {
              type: 'object',
              additionalProperties: { type: 'array', items: { type: 'string' } },
              description: 'Section title → other titles that count as that section.',
            },
          },
          additionalProperties: false,
        },
      },
      overrides: {
        type: 'array',
        description: 'Rule settings for the files matching globs (relative to this file\'s folder), applied in order after rules.',
        items: {
          type: 'object',
          properties: {
            files: { type: 'array', items: { type: 'string' }, minItems: 1, description: 'Globs of the files this override applies to.' },
            rules: { $ref: '#/properties/rules' },
          },
          required: ['files', 'rules'],
          additionalProperties: false,
        },
      },
    },
    additionalProperties: false,
  };
  return `${JSON.stringify(schema, null, 2)}\n`;
}
