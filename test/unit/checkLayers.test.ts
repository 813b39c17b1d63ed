import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Layer } from '../../scripts/check-layers';
import { checkLayers } from '../../scripts/check-layers';

const LAYERS: readonly (Layer | readonly Layer[])[] = [
  { name: 'base', paths: ['src/base/'] },
  { name: 'middle', paths: ['src/middle/', 'src/top.ts'] },
  [
    { name: 'left', paths: ['src/left/'] },
    { name: 'right', paths: ['src/right/'] },
  ],
];

describe('check-layers', () => {
  let root: string;

  beforeEach(() => {
    root = mkdtempSync(path.join(tmpdir(), 'mlreport-layers-'));
  });

  afterEach(() => {
    rmSync(root, { recursive: true, force: true });
  });

  function tree(files: Record<string, string>): void {
    for (const [file, text] of Object.entries(files)) {
      mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
      writeFileSync(path.join(root, file), text);
    }
  }

  it('passes a tree whose imports all point down', () => {
    tree({
      'src/base/a.ts': 'export const a = 1;\n',
      'src/base/b.ts': "import { a } from './a';\nexport const b = a;\n",
      'src/middle/m.ts': "import { b } from '../base/b';\nimport type { X } from 'some-package';\nexport const m = b;\n",
      'src/top.ts': "export { m } from './middle/m';\n",
      'src/left/l.ts': "import { m } from '../top';\nexport const l = m;\n",
      'src/right/r.ts': "import { a } from '../base/a';\nexport const r = a;\n",
    });
    const result = checkLayers(root, LAYERS);
    assert.deepEqual(result.problems, []);
    assert.equal(result.files, 6);
    assert.equal(result.imports, 5);
  });

  it('reports a cycle inside one layer, type-only imports included', () => {
    tree({
      'src/base/a.ts': "import type { C } from './c';\nexport type A = C;\n",
      'src/base/b.ts': "import type { A } from './a';\nexport type B = A;\n",
      'src/base/c.ts': "import type { B } from './b';\nexport type C = B | 1;\n",
      'src/base/d.ts': "import type { A } from './a';\nexport type D = A;\n",
    });
    assert.deepEqual(checkLayers(root, LAYERS).problems, ['import cycle: src/base/a.ts -> src/base/c.ts -> src/base/b.ts -> src/base/a.ts']);
  });

  it('reports a module importing itself and a cycle through a folder index', () => {
    tree({
      'src/base/self.ts': "export * from './self';\n",
      'src/middle/index.ts': "export { n } from './n';\n",
      'src/middle/n.ts': "import '.';\nexport const n = 1;\n",
    });
    assert.deepEqual(checkLayers(root, LAYERS).problems, [
      'import cycle: src/base/self.ts -> src/base/self.ts',
      'import cycle: src/middle/index.ts -> src/middle/n.ts -> src/middle/index.ts',
    ]);
  });

  it('reports an import of a higher layer, and one between layers side by side', () => {
    tree({
      'src/base/a.ts': "import { m } from '../middle/m';\nexport const a = m;\n",
      'src/middle/m.ts': 'export const m = 1;\n',
      'src/left/l.ts': "import { r } from '../right/r';\nexport const l = r;\n",
      'src/right/r.ts': 'export const r = 1;\n',
    });
    assert.deepEqual(checkLayers(root, LAYERS).problems, [
      'src/base/a.ts (layer base) imports src/middle/m.ts from the higher layer middle',
      'src/left/l.ts (layer left) imports src/right/r.ts from right, a layer beside it',
    ]);
  });

  it('reports a file that is in no layer', () => {
    tree({ 'src/stray.ts': 'export const s = 1;\n', 'src/base/a.ts': 'export const a = 1;\n' });
    assert.deepEqual(checkLayers(root, LAYERS).problems, ['src/stray.ts is in no layer: add it (or its folder) to LAYERS in scripts/check-layers.ts']);
  });

  it('passes the project itself', () => {
    const result = checkLayers(path.join(__dirname, '..', '..'));
    assert.deepEqual(result.problems, []);
    assert.ok(result.files > 50 && result.imports > 100, `${result.files} files, ${result.imports} imports`);
  });
});
