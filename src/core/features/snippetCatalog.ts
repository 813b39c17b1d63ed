import { sectionSnippet, snippetSource, tableSnippet } from './sectionSnippet';
import { toSnippet } from './snippet';
import type { ReportKind } from '../templates/types';

/** One `mlr-` snippet: the whole template of a kind, one section of it, or a common table. */
export interface CatalogSnippet {
  /** Its name in `snippets/markdown.json`: `ML Experiment Report: Results`. */
  name: string;
  prefix: string;
  description: string;
  /** VS Code snippet syntax. */
  body: string;
  kindId: string;
  /** The section it inserts (a table's section too); undefined for a whole template. */
  sectionId: string | undefined;
  type: 'template' | 'section' | 'table';
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

const catalogs = new WeakMap<readonly ReportKind[], CatalogSnippet[]>();

/**
 * Every `mlr-` snippet of the kinds, in the order of `snippets/markdown.json`: per kind its whole
 * template and its sections, then the common tables. Computed once per list of kinds.
 */
export function snippetCatalog(kinds: readonly ReportKind[]): CatalogSnippet[] {
  const cached = catalogs.get(kinds);
  if (cached) return cached;
  const snippets: CatalogSnippet[] = [];
  for (const kind of kinds) {
    const short = KIND_SHORT[kind.id] ?? kind.id;
    const choices = kind.placeholders.choices;
    snippets.push({
      name: `${kind.name}: whole template`,
      prefix: `mlr-${short}-template`,
      description: `The whole ${kind.name} template (${kind.id}), dated today.`,
      body: toSnippet(kind.template, { choices }),
      kindId: kind.id,
      sectionId: undefined,
      type: 'template',
    });
    for (const section of kind.sections) {
      const body = sectionSnippet(kind, section.id);
      if (body === undefined) continue;
      snippets.push({
        name: `${kind.name}: ${section.title}`,
        prefix: `mlr-${short}-${section.id}`,
        description: `The "${section.title}" section of the ${kind.name} template${section.children.length > 0 ? ', with its subsections' : ''}.`,
        body,
        kindId: kind.id,
        sectionId: section.id,
        type: 'section',
      });
    }
  }
  const tableKind = kinds.find((kind) => kind.id === TABLE_KIND);
  if (tableKind) {
    for (const table of TABLES) {
      const section = snippetSource(tableKind, table.section);
      const body = section && tableSnippet(section);
      if (!body) throw new Error(`No table in the template's section "${table.section}" for snippet ${table.prefix}.`);
      snippets.push({
        name: table.name,
        prefix: table.prefix,
        description: `${table.name} from the ML Experiment Report template.`,
        body,
        kindId: tableKind.id,
        sectionId: table.section,
        type: 'table',
      });
    }
  }
  catalogs.set(kinds, snippets);
  return snippets;
}
