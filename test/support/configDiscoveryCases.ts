// One table of configuration discovery cases, run against every host: node:fs and an in-memory one in
// the unit tests (test/unit/configDiscovery.test.ts), vscode.workspace.fs in the integration tests.
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type { FoundConfig } from '../../src/core/configDiscovery';

/** A file no host can read: on disk a symbolic link to itself (root reads any file, whatever its mode). */
export const UNREADABLE = Symbol('unreadable');
/** A folder where a file could be. */
export const FOLDER = Symbol('folder');

export type TreeEntry = string | typeof UNREADABLE | typeof FOLDER;

export interface DiscoveryCase {
  title: string;
  /** Paths relative to the case's root folder, with `/`. */
  files: Readonly<Record<string, TreeEntry>>;
  /** Where the walk starts: the folder of the file being linted. */
  start: string;
  /** The boundary (the editor's workspace folder), or undefined to walk to the file system's root. */
  stop: string | undefined;
  expected: ExpectedConfig | undefined;
}

export interface ExpectedConfig {
  path: string;
  error: RegExp | undefined;
  warnings: number;
  /** The rule settings it applies. */
  rules: Readonly<Record<string, string>>;
}

const VALID = JSON.stringify({ rules: { 'section-order': 'off' } });
const OTHER = JSON.stringify({ rules: { 'empty-section': 'info' } });
const found = (path: string, rules: Readonly<Record<string, string>>, more: Partial<ExpectedConfig> = {}): ExpectedConfig => ({ path, error: undefined, warnings: 0, rules, ...more });

export const DISCOVERY_CASES: readonly DiscoveryCase[] = [
  {
    title: 'the config in the start folder',
    files: { '.mlreport.json': VALID, 'a.md': '' },
    start: '',
    stop: '',
    expected: found('.mlreport.json', { 'section-order': 'off' }),
  },
  {
    title: 'the nearest config walking up, not a farther one',
    files: { '.mlreport.json': OTHER, 'team/.mlreport.json': VALID, 'team/deep/er/a.md': '' },
    start: 'team/deep/er',
    stop: '',
    expected: found('team/.mlreport.json', { 'section-order': 'off' }),
  },
  {
    title: 'no config below the boundary: none applies',
    files: { 'deep/a.md': '' },
    start: 'deep',
    stop: '',
    expected: undefined,
  },
  {
    title: 'a config above the boundary does not apply',
    files: { '.mlreport.json': VALID, 'workspace/deep/a.md': '' },
    start: 'workspace/deep',
    stop: 'workspace',
    expected: undefined,
  },
  {
    title: 'the config in the boundary folder itself applies',
    files: { '.mlreport.json': OTHER, 'workspace/.mlreport.json': VALID, 'workspace/deep/a.md': '' },
    start: 'workspace/deep',
    stop: 'workspace',
    expected: found('workspace/.mlreport.json', { 'section-order': 'off' }),
  },
  {
    title: 'without a boundary the walk goes on up',
    files: { '.mlreport.json': VALID, 'a/b/c/d.md': '' },
    start: 'a/b/c',
    stop: undefined,
    expected: found('.mlreport.json', { 'section-order': 'off' }),
  },
  {
    title: 'a folder named .mlreport.json is not a config',
    files: { '.mlreport.json': VALID, 'sub/.mlreport.json': FOLDER, 'sub/a.md': '' },
    start: 'sub',
    stop: '',
    expected: found('.mlreport.json', { 'section-order': 'off' }),
  },
  {
    title: 'invalid JSON is an error at its position, and the walk stops there',
    files: { '.mlreport.json': VALID, 'sub/.mlreport.json': '{\n  "rules": }\n', 'sub/a.md': '' },
    start: 'sub',
    stop: '',
    expected: found('sub/.mlreport.json', {}, { error: /^invalid JSON at line 2, column 12: / }),
  },
  {
    title: 'an unreadable config is an error, and the walk stops there',
    files: { '.mlreport.json': VALID, 'sub/.mlreport.json': UNREADABLE, 'sub/a.md': '' },
    start: 'sub',
    stop: '',
    expected: found('sub/.mlreport.json', {}, { error: /^cannot read the configuration: \S/ }),
  },
  {
    title: 'unknown keys and settings are warnings; the valid rest applies',
    files: { '.mlreport.json': JSON.stringify({ rulez: {}, rules: { 'section-order': 'warn', 'empty-section': 'off' } }), 'a.md': '' },
    start: '',
    stop: '',
    expected: found('.mlreport.json', { 'empty-section': 'off' }, { warnings: 2 }),
  },
];

/** What a host-independent assertion compares: the found config with its path relative to the case's root. */
export function describeFound<P>(result: FoundConfig<P> | undefined, relativePath: (path: P) => string): ExpectedConfig | undefined {
  if (!result) return undefined;
  return { path: relativePath(result.path), error: undefined, warnings: result.warnings.length, rules: result.config.rules };
}

/** Compares a discovery's result with a case's expectation; throws an Error naming what differs. */
export function checkCase<P>(testCase: DiscoveryCase, result: FoundConfig<P> | undefined, relativePath: (path: P) => string): void {
  const expected = testCase.expected;
  const actual = describeFound(result, relativePath);
  const differences: string[] = [];
  if (!expected || !actual || !result) {
    if (expected !== actual) differences.push(`expected ${expected ? expected.path : 'no config'}, found ${actual ? actual.path : 'none'}`);
  } else {
    if (actual.path !== expected.path) differences.push(`path: ${actual.path}, expected ${expected.path}`);
    if (actual.warnings !== expected.warnings) differences.push(`warnings: ${result.warnings.join('; ')}, expected ${expected.warnings}`);
    if (JSON.stringify(actual.rules) !== JSON.stringify(expected.rules)) differences.push(`rules: ${JSON.stringify(actual.rules)}, expected ${JSON.stringify(expected.rules)}`);
    const message = result.error?.message;
    if (expected.error ? !(message !== undefined && expected.error.test(message)) : message !== undefined) {
      differences.push(`error: ${message ?? 'none'}, expected ${expected.error ? String(expected.error) : 'none'}`);
    }
  }
  if (differences.length > 0) throw new Error(`${testCase.title}: ${differences.join('; ')}`);
}

/** Writes a case's files under `root` on disk. */
export function writeCaseTree(root: string, files: DiscoveryCase['files']): void {
  for (const [path, entry] of Object.entries(files)) {
    const full = join(root, ...path.split('/'));
    mkdirSync(entry === FOLDER ? full : dirname(full), { recursive: true });
    if (entry === UNREADABLE) symlinkSync(basename(full), full);
    else if (entry !== FOLDER) writeFileSync(full, entry);
  }
}
