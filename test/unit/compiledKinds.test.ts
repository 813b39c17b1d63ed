/**
 * The built-in kinds are compiled from annotated templates. They must behave exactly as the hand-typed
 * kind objects they replaced (frozen in test/support/frozenKinds): same template text, sections and
 * front matter, the same filler, and the same findings on every fixture, example and a generated corpus.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { compileBuiltinKinds, renderBuiltinKindsModule, BUILTIN_KINDS_MODULE } from '../../scripts/gen-kinds';
import { generateReport } from '../../scripts/bench/generateReport';
import { Random } from '../../scripts/bench/random';
import { BUILTIN_KINDS, lint } from '../../src/core';
import type { Finding, ReportKind } from '../../src/core';
import { FROZEN_KINDS } from '../support/frozenKinds';
import { markdownDocument } from '../support/markdownArbitrary';

const root = join(__dirname, '..', '..');

function markdownFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return markdownFiles(path);
    return name.endsWith('.md') ? [path] : [];
  });
}

/** Template variants: lines dropped at random, filler-looking lines filled with real text. */
function templateVariants(template: string, count: number, seed: number): string[] {
  const rng = new Random(seed);
  const lines = template.split('\n');
  const variants: string[] = [];
  for (let n = 0; n < count; n++) {
    const keep = 0.5 + (n % 5) / 10;
    variants.push(
      lines
        .filter((line) => line.startsWith('---') || line.startsWith('type:') || rng.next() < keep)
        .map((line) => (rng.next() < 0.2 && !line.startsWith('#') && !line.startsWith('---') && !line.startsWith('type:') ? `${line.replace(/[A-Za-z]+ \d/, 'Real text')} measured` : line))
        .join('\n'),
    );
  }
  return variants;
}

function corpus(): { name: string; text: string }[] {
  const files = [...markdownFiles(join(root, 'test/fixtures')), ...markdownFiles(join(root, 'examples'))].map((path) => ({ name: path.slice(root.length + 1), text: readFileSync(path, 'utf8') }));
  const reports = [1, 2, 3].map((seed) => ({ name: `generated report ${seed}`, text: generateReport({ lines: 300, seed }) }));
  const templates = FROZEN_KINDS.flatMap((kind) => [
    { name: `template ${kind.id}`, text: kind.template },
    ...templateVariants(kind.template, 12, 11).map((text, n) => ({ name: `template ${kind.id} variant ${n}`, text })),
  ]);
  const arbitrary = fc.sample(markdownDocument, { numRuns: 60, seed: 42 }).map((text, n) => ({ name: `arbitrary document ${n}`, text }));
  return [...files, ...reports, ...templates, ...arbitrary];
}

function comparable(findings: readonly Finding[]): unknown[] {
  return findings.map((finding) => ({ ...finding }));
}

function sorted(list: readonly unknown[]): string[] {
  return list.map((item) => JSON.stringify(item)).sort();
}

describe('compiled built-in kinds', () => {
  it(`${BUILTIN_KINDS_MODULE} is in sync with the templates (else run \`npm run gen\`)`, () => {
    assert.equal(readFileSync(join(root, BUILTIN_KINDS_MODULE), 'utf8'), renderBuiltinKindsModule(compileBuiltinKinds(join(root, 'src/core/templates/text'))));
  });

  for (const frozen of FROZEN_KINDS) {
    describe(frozen.id, () => {
      const compiled = BUILTIN_KINDS.find((kind) => kind.id === frozen.id) as ReportKind;

      it('has the same template text, name, description, front matter and sections', () => {
        assert.ok(compiled);
        assert.equal(compiled.template, frozen.template);
        assert.equal(compiled.name, frozen.name);
        assert.equal(compiled.description, frozen.description);
        assert.deepEqual(compiled.requiredFrontMatter, frozen.requiredFrontMatter);
        assert.deepEqual(compiled.sections, frozen.sections);
      });

      it('has the same filler, entry for entry', () => {
        for (const [list, entries] of Object.entries(frozen.placeholders) as [keyof ReportKind['placeholders'], readonly unknown[]][]) {
          assert.deepEqual(sorted(compiled.placeholders[list]), sorted(entries), list);
        }
      });
    });
  }

  it('lints every fixture, example and generated document exactly as the hand-typed kinds did', function () {
    this.timeout(120_000);
    const documents = corpus();
    assert.ok(documents.length > 100, `only ${documents.length} documents`);
    let compared = 0;
    for (const { name, text } of documents) {
      for (const kind of [undefined, ...FROZEN_KINDS.map((k) => k.id)]) {
        const options = kind === undefined ? {} : { kind };
        const before = lint(text, { ...options, kinds: FROZEN_KINDS });
        const after = lint(text, options);
        assert.equal(after.kind?.id, before.kind?.id, name);
        assert.deepEqual(comparable(after.findings), comparable(before.findings), `${name} as ${kind ?? 'declared'}`);
        compared += before.findings.length;
      }
    }
    assert.ok(compared > 1000, `only ${compared} findings compared`);
  });
});
