// Real reports to mutate: the examples, the shipped templates and the rule fixtures.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { BUILTIN_KINDS } from '../../src/core';

const root = join(__dirname, '..', '..');

function markdownFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return markdownFiles(path);
    return entry.name.endsWith('.md') ? [path] : [];
  });
}

export function reportSources(): { name: string; text: string }[] {
  const templates = BUILTIN_KINDS.filter((kind) => kind.template !== '').map((kind) => ({ name: `template ${kind.id}`, text: kind.template }));
  const files = [...markdownFiles(join(root, 'examples')), ...markdownFiles(join(root, 'test', 'fixtures', 'rules'))]
    .sort()
    .map((path) => ({ name: relative(root, path), text: readFileSync(path, 'utf8') }));
  return [...templates, ...files];
}
