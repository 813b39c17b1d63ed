// Writes snippets/markdown.json from the report kinds: the whole template, one snippet per section of
// each kind, and the common tables (src/core/features/snippetCatalog.ts). `npm run gen`; a unit test
// keeps the file in sync.
import { BUILTIN_KINDS } from '../src/core/templates/registry';
import { snippetCatalog } from '../src/core/features/snippetCatalog';
import type { ReportKind } from '../src/core/templates/types';

export const SNIPPETS_FILE = 'snippets/markdown.json';

interface SnippetEntry {
  prefix: string;
  description: string;
  body: string[];
}

export function renderSnippets(kinds: readonly ReportKind[] = BUILTIN_KINDS): string {
  const snippets: Record<string, SnippetEntry> = {};
  for (const { name, prefix, description, body } of snippetCatalog(kinds)) snippets[name] = { prefix, description, body: lines(body) };
  return `${JSON.stringify(snippets, null, 2)}\n`;
}

function lines(body: string): string[] {
  return body.replace(/\n$/, '').split('\n');
}
