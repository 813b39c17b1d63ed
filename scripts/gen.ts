// `npm run gen`: writes every generated file (scripts/generatedFiles.ts) from the code that owns its facts.
import { readFileSync, writeFileSync } from 'node:fs';
import { renderTemplateModule, TEMPLATE_MODULE_FILE } from './gen-templates.mjs';

function writeIfChanged(path: string, render: (current: string) => string): void {
  let current = '';
  try {
    current = readFileSync(path, 'utf8');
  } catch {
    // Not there yet: written below.
  }
  const next = render(current);
  if (next === current) return;
  writeFileSync(path, next);
  console.log(`wrote ${path}`);
}

async function main(): Promise<void> {
  // The kinds read the template text module, so it is written before they are loaded; and the files
  // below read the compiled kinds, so those are written before the registry loads them.
  writeIfChanged(TEMPLATE_MODULE_FILE, () => renderTemplateModule());
  const { BUILTIN_KINDS_MODULE, renderBuiltinKindsModule } = await import('./gen-kinds');
  writeIfChanged(BUILTIN_KINDS_MODULE, () => renderBuiltinKindsModule());
  const { GENERATED_FILES } = await import('./generatedFiles');
  for (const file of GENERATED_FILES) writeIfChanged(file.path, (current) => file.render(current));
}

void main();
