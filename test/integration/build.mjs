// Bundles the integration suite for VS Code's extension host into out/integration/suite/:
// index.js (with mocha inside, so any host Node can load it) and one bundle per *.test.ts,
// with `vscode` left to the host.
import { readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';

const suiteDir = 'test/integration/suite';
const outDir = 'out/integration/suite';
const tests = readdirSync(suiteDir).filter((name) => name.endsWith('.test.ts'));

rmSync(outDir, { recursive: true, force: true });
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
  // mocha's parallel mode (unused here) resolves worker files at run time.
  logOverride: { 'require-resolve-not-external': 'silent' },
});
console.log(`integration suite: bundled index.js and ${tests.length} test file(s) into ${outDir}`);
