import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, sep } from 'node:path';
import { nodeConfigHost } from '../../src/cli/configFiles';
import type { AsyncConfigHost, ConfigHost, FoundConfig } from '../../src/core/configDiscovery';
import { asyncConfigDiscovery, syncConfigDiscovery } from '../../src/core/configDiscovery';
import type { DiscoveryCase } from '../support/configDiscoveryCases';
import { checkCase, DISCOVERY_CASES, FOLDER, UNREADABLE, writeCaseTree } from '../support/configDiscoveryCases';

/** Files in memory, by absolute `/` path; the cases' trees sit under /root. */
class MemoryHost implements ConfigHost<string> {
  readonly asked: string[] = [];

  constructor(private readonly files: DiscoveryCase['files'], private readonly root = '/root') {}

  parent(path: string): string {
    return path === '/' ? '/' : path.slice(0, path.lastIndexOf('/')) || '/';
  }

  join(folder: string, name: string): string {
    return folder === '/' ? `/${name}` : `${folder}/${name}`;
  }

  key(path: string): string {
    return path;
  }

  stat(path: string): ReturnType<ConfigHost<string>['stat']> {
    this.asked.push(`stat ${path}`);
    const entry = this.entry(path);
    return entry === undefined || entry === FOLDER ? 'absent' : 'file';
  }

  readFile(path: string): ReturnType<ConfigHost<string>['readFile']> {
    this.asked.push(`read ${path}`);
    const entry = this.entry(path);
    if (entry === UNREADABLE) return { problem: 'permission denied' };
    if (entry === undefined || entry === FOLDER) return { problem: 'no such file' };
    return { text: entry };
  }

  /** The same files, answered after a turn of the event loop, as the editor's file system does. */
  answeringLater(): AsyncConfigHost<string> {
    const later = <T>(value: T): Promise<T> => new Promise((resolve) => setImmediate(() => resolve(value)));
    return {
      parent: (path) => this.parent(path),
      join: (folder, name) => this.join(folder, name),
      key: (path) => this.key(path),
      stat: (path) => later(this.stat(path)),
      readFile: (path) => later(this.readFile(path)),
    };
  }

  at(relativePath: string): string {
    return relativePath === '' ? this.root : `${this.root}/${relativePath}`;
  }

  relative(path: string): string {
    return path.slice(this.root.length + 1);
  }

  private entry(path: string): DiscoveryCase['files'][string] | undefined {
    return path.startsWith(`${this.root}/`) ? this.files[this.relative(path)] : undefined;
  }
}

describe('configuration discovery (core/configDiscovery.ts)', () => {
  describe('the shared cases, in memory', () => {
    for (const testCase of DISCOVERY_CASES) {
      it(testCase.title, async () => {
        const host = new MemoryHost(testCase.files);
        const stop = testCase.stop === undefined ? undefined : host.at(testCase.stop);
        checkCase(testCase, syncConfigDiscovery(host).find(host.at(testCase.start), stop), (path) => host.relative(path));
        checkCase(testCase, await asyncConfigDiscovery(host.answeringLater()).find(host.at(testCase.start), stop), (path) => host.relative(path));
      });
    }
  });

  describe('the shared cases, on disk through node:fs (the CLI\'s host)', () => {
    let root = '';
    beforeEach(() => { root = mkdtempSync(join(tmpdir(), 'mlreport-discovery-')); });
    afterEach(() => rmSync(root, { recursive: true, force: true }));

    for (const testCase of DISCOVERY_CASES) {
      it(testCase.title, () => {
        writeCaseTree(root, testCase.files);
        const at = (path: string): string => join(root, ...path.split('/').filter((part) => part !== ''));
        const result = syncConfigDiscovery(nodeConfigHost).find(at(testCase.start), testCase.stop === undefined ? undefined : at(testCase.stop));
        checkCase(testCase, result, (path) => relative(root, path).split(sep).join('/'));
      });
    }
  });

  it('looks at each folder once and reads each config once, reporting it once', () => {
    const host = new MemoryHost({ '.mlreport.json': '{"rulez": 1}', 'a/b/x.md': '', 'a/c/y.md': '' });
    const loaded: FoundConfig<string>[] = [];
    const discovery = syncConfigDiscovery(host, (found) => loaded.push(found));
    const first = discovery.find(host.at('a/b'), host.at(''));
    assert.equal(discovery.find(host.at('a/c'), host.at('')), first);
    assert.equal(discovery.find(host.at('a/b'), host.at('')), first);
    assert.deepEqual(loaded.map((found) => [found.path, found.warnings.length]), [['/root/.mlreport.json', 1]]);
    assert.deepEqual(host.asked, [
      'stat /root/a/b/.mlreport.json',
      'stat /root/a/.mlreport.json',
      'stat /root/.mlreport.json',
      'read /root/.mlreport.json',
      'stat /root/a/c/.mlreport.json',
    ]);
  });

  it('reads and reports a config once for walks running at the same time', async () => {
    const host = new MemoryHost({ '.mlreport.json': '{"rulez": 1}', 'a/b/x.md': '', 'a/c/y.md': '' });
    const loaded: string[] = [];
    const discovery = asyncConfigDiscovery(host.answeringLater(), (found) => loaded.push(found.path));
    const [b, c, again] = await Promise.all([discovery.find(host.at('a/b'), host.at('')), discovery.find(host.at('a/c'), host.at('')), discovery.find(host.at('a/b'), host.at(''))]);
    assert.ok(b && b === c && c === again);
    assert.deepEqual(loaded, ['/root/.mlreport.json']);
    assert.deepEqual(host.asked.filter((question) => question.endsWith('/root/.mlreport.json')), ['stat /root/.mlreport.json', 'read /root/.mlreport.json']);
  });

  it('stops at the root of the file system without a boundary', () => {
    const host = new MemoryHost({});
    assert.equal(syncConfigDiscovery(host).find('/root/a/b'), undefined);
    assert.deepEqual(host.asked, ['stat /root/a/b/.mlreport.json', 'stat /root/a/.mlreport.json', 'stat /root/.mlreport.json', 'stat /.mlreport.json']);
  });

  it('loads a named file (--config), reporting why it cannot be read', () => {
    const host = new MemoryHost({ 'cfg/strict.json': '{"kind": "ml-task-spec"}', 'locked.json': UNREADABLE });
    const discovery = syncConfigDiscovery(host);
    const strict = discovery.load(host.at('cfg/strict.json'));
    assert.deepEqual([strict.folder, strict.config.kind, strict.error], ['/root/cfg', 'ml-task-spec', undefined]);
    assert.equal(discovery.load(host.at('locked.json')).error?.message, 'cannot read the configuration: permission denied');
    assert.equal(discovery.load(host.at('missing.json')).error?.message, 'cannot read the configuration: no such file');
  });
});
