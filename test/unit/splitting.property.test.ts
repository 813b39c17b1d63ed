import assert from 'node:assert/strict';
import fc from 'fast-check';
import type { LintResult } from '../../src/core';
import { lint } from '../../src/core';
import { unitSettings } from '../../src/core/parse/chunks';
import { markdownDocument, propertyRuns, UNIT_SETTINGS, withUnitSettings } from '../support/markdownArbitrary';

/** What the rules found and what they saw of the structure, whatever the chunks. */
function observable(result: LintResult): unknown {
  return {
    findings: result.findings,
    headings: result.doc.headings,
    frontMatter: result.doc.frontMatter,
    leadingContent: result.doc.leadingContent,
    sections: result.sections?.occurrences.map((occurrence) => [occurrence.spec.id, occurrence.heading.start, occurrence.end, occurrence.hasContent]),
  };
}

/** A chunk per section: every heading splits, nothing else does. */
const SECTIONS_ONLY = { every: 0, minTableRows: Infinity, rowsEvery: 0, sectionChars: 0, headingsEvery: 1, minFenceLines: Infinity, minLiteralFenceChars: Infinity };

describe('splitting sections into smaller chunks (property)', () => {
  for (const { name, settings } of UNIT_SETTINGS) {
    it(`changes no finding, heading or section (${name} against sections only)`, async function () {
      this.timeout(300_000);
      await fc.assert(
        fc.asyncProperty(markdownDocument, async (text) => {
          const split = await withUnitSettings(settings, () => observable(lint(text)));
          const sections = await withUnitSettings(SECTIONS_ONLY, () => observable(lint(text)));
          assert.deepEqual(split, sections);
        }),
        { numRuns: propertyRuns(100) },
      );
    });
  }

  it('reads a table split into row chunks as one table (found by this property)', async () => {
    const text = '\ufeff---\ntype: ml-experiment-report\n---\n# Results\n| a |\n| --- |\n| a | a |\n|  |\n| a | a | a | 0.89 |\n# Executive Summary\n';
    const everywhere = (UNIT_SETTINGS.find(({ name }) => name === 'split everywhere') ?? UNIT_SETTINGS[0])?.settings;
    assert.ok(everywhere);
    const split = await withUnitSettings(everywhere, () => observable(lint(text)));
    const sections = await withUnitSettings(SECTIONS_ONLY, () => observable(lint(text)));
    assert.deepEqual(split, sections);
  });

  it('puts short sections together in chunks of about sectionChars, and starts one at every heading in a chunk per section', async () => {
    const text = Array.from({ length: 400 }, (_, i) => `### Entry ${i}\n\nThe loss moved by 0.0${i}.\n`).join('\n');
    const shipped = await withUnitSettings(unitSettings, () => lint(text).doc.chunks);
    const perSection = await withUnitSettings(SECTIONS_ONLY, () => lint(text).doc.chunks.length);
    assert.equal(perSection, 400);
    // About one heading in `headingsEvery` starts a chunk, and a chunk takes in sections up to `sectionChars`.
    assert.ok(shipped.length > 400 / (2 * unitSettings.headingsEvery) && shipped.length < 400 / 2, `${shipped.length} chunks`);
    for (const chunk of shipped.slice(0, -1)) assert.ok(chunk.parse.text.length < unitSettings.sectionChars + 40, `a chunk of ${chunk.parse.text.length} characters`);
  });

  it('splits a long section into many chunks', async () => {
    const text = `# A\n\n${Array.from({ length: 200 }, (_, i) => `Paragraph ${i}.\n`).join('\n')}`;
    const chunks = await withUnitSettings({ ...unitSettings, every: 8 }, () => lint(text).doc.chunks.length);
    assert.ok(chunks >= 10, `${chunks} chunks`);
  });
});
