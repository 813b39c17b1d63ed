// Every generated file and how to render it. `npm run gen` writes them; test/unit/generated.test.ts
// fails when one is stale.
import { README_FILE, withLayerTable } from './check-layers';
import { BUILTIN_KINDS_MODULE, compileBuiltinKinds, renderBuiltinKindsModule } from './gen-kinds';
import { MANIFEST_FILE, renderManifest } from './gen-manifest';
import { renderSchema, SCHEMA_FILE } from './gen-schema';
import { renderSnippets, SNIPPETS_FILE } from './gen-snippets';
import { renderTemplateModule, TEMPLATE_MODULE_FILE } from './gen-templates.mjs';

export interface GeneratedFile {
  path: string;
  /** The file's content as generated; `current` is its content now (package.json and the README are generated only in part). */
  render(current: string): string;
}

export const GENERATED_FILES: readonly GeneratedFile[] = [
  { path: TEMPLATE_MODULE_FILE, render: () => renderTemplateModule() },
  { path: BUILTIN_KINDS_MODULE, render: () => renderBuiltinKindsModule() },
  // From the kinds as the templates compile now, not as the (maybe stale) generated module holds them.
  { path: SNIPPETS_FILE, render: () => renderSnippets(compileBuiltinKinds()) },
  { path: SCHEMA_FILE, render: () => renderSchema() },
  { path: MANIFEST_FILE, render: (current) => renderManifest(current) },
  { path: README_FILE, render: (current) => withLayerTable(current) },
];
