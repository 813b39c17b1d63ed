// Bundles the extension, the CLI and the core library with esbuild (CommonJS, `vscode` external).
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { build } from 'esbuild';
import { renderTemplateModule, TEMPLATE_MODULE_FILE } from './gen-templates.mjs';

writeFileSync(TEMPLATE_MODULE_FILE, renderTemplateModule());
// The built-in kinds are compiled from the templates (TypeScript, so in a child process).
execFileSync(process.execPath, ['--import', 'tsx', 'scripts/gen-kinds.ts'], { stdio: 'inherit' });

const watch = process.argv.includes('--watch');
const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: true,
  minify: !process.argv.includes('--no-minify'),
  logLevel: 'warning',
  legalComments: 'none',
};

const entries = [
  { entryPoints: ['src/vscode/extension.ts'], outfile: 'dist/extension.js', external: ['vscode'] },
  { entryPoints: ['src/cli/main.ts'], outfile: 'dist/cli.js', banner: { js: '#!/usr/bin/env node' } },
  // The CLI's worker threads (src/cli/parallelLint.ts) run this file beside dist/cli.js.
  { entryPoints: ['src/cli/lintWorker.ts'], outfile: 'dist/lintWorker.js' },
  { entryPoints: ['src/core/index.ts'], outfile: 'dist/core.js' },
];

if (watch) {
  const { context } = await import('esbuild');
  for (const entry of entries) await (await context({ ...common, ...entry })).watch();
} else {
  await Promise.all(entries.map((entry) => build({ ...common, ...entry })));
}
