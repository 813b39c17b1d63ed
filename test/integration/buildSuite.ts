// Bundles the integration suite for VS Code's extension host: index.js (with mocha inside, so
// any host's Node can load it) and one bundle per *.test.ts, with `vscode` left to the host.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';

const suiteDir = join(__dirname, 'suite');

/** Writes the bundles into `outDir` and returns the test files' names. */
export async function buildSuite(outDir: string): Promise<string[]> {
  const tests = readdirSync(suiteDir).filter((name) => name.endsWith('.test.ts')).sort();
  await build({
    entryPoints: [join(suiteDir, 'index.ts'), ...tests.map((name) => join(suiteDir, name))],
    outdir: outDir,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    sourcemap: 'inline',
    external: ['vscode'],
    logLevel: 'warning',
    // mocha's parallel mode (unused here) resolves its worker files at run time.
    logOverride: { 'require-resolve-not-external': 'silent' },
  });
  return tests;
}
