// Writes snippets/markdown.json from the report kinds: the whole template, one snippet per section of
// each kind, and the common tables. `npm run gen`; a unit test keeps the file in sync.
import { BUILTIN_KINDS } from '../src/core/templates/registry';
import { sectionSnippet, snippetSource, tableSnippet } from '../src/core/features/sectionSnippet';
import { toSnippet } from '../src/core/features/snippet';
import type { ReportKind } from '../src/core/templates/types';

export const SNIPPETS_FILE = 'snippets/markdown.json';

interface SnippetEntry {
  prefix: string;
  description: string;
  body: string[];
}

const KIND_SHORT: Readonly<Record<string, string>> = { 'ml-experiment-report': 'exp', 'ml-task-spec': 'spec' };

/** The common tables: where the template keeps each, and its snippet prefix. */
const TABLES = [
  { name: 'Results table', prefix: 'mlr-table-results', section: 'results/quantitative-results' },
  { name: 'Hyperparameters table', prefix: 'mlr-table-hyperparameters', section: 'training/hyperparameters' },
  { name: 'Data splits table', prefix: 'mlr-table-data-splits', section: 'dataset/data-splits' },
  { name: 'Ablation table', prefix: 'mlr-table-ablation', section: 'analysis/ablation-study' },
  { name: 'Inference speed table', prefix: 'mlr-table-inference-speed', section: 'deployment-considerations/inference-speed' },
  { name: 'Model specification table', prefix: 'mlr-table-model-spec', section: 'model/model-specifications' },
] as const;

const TABLE_KIND = 'ml-experiment-report';

export function renderSnippets(kinds: readonly ReportKind[] = BUILTIN_KINDS): string {
  const snippets: Record<string, SnippetEntry> = {};
  for (const kind of kinds) {
    const short = KIND_SHORT[kind.id] ?? kind.id;
    snippets[`${kind.name}: whole template`] = {
      prefix: `mlr-${short}-template`,
      description: `The whole ${kind.name} template (${kind.id}), dated today.`,
      body: lines(toSnippet(kind.template, { choices: kind.placeholders.choices })),
    };
    for (const section of kind.sections) {
      const body = sectionSnippet(kind, section.id);
      if (body === undefined) continue;
      snippets[`${kind.name}: ${section.title}`] = {
        prefix: `mlr-${short}-${section.id}`,
        description: `The "${section.title}" section of the ${kind.name} template${section.children.length > 0 ? ', with its subsections' : ''}.`,
        body: lines(body),
      };
    }
  }
  const tableKind = kinds.find((kind) => kind.id === TABLE_KIND);
  for (const table of TABLES) {
    const section = tableKind && snippetSource(tableKind, table.section);
    const body = section && tableSnippet(section);
    if (!body) throw new Error(`No table in the template's section "${table.section}" for snippet ${table.prefix}.`);
    snippets[table.name] = { prefix: table.prefix, description: `${table.name} from the ML Experiment Report template.`, body: lines(body) };
  }
  return `${JSON.stringify(snippets, null, 2)}\n`;
}

function lines(body: string): string[] {
  return body.replace(/\n$/, '').split('\n');
}
