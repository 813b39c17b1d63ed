import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import fc from 'fast-check';
import { EditMap } from 'micromark-util-edit-map';
import '../../src/core/parse/micromarkEditMap';
import { propertyRuns } from '../support/markdownArbitrary';

type Events = Parameters<EditMap['consume']>[0];
type Edit = { at: number; remove: number; add: number; before: boolean };

/** A second, unpatched instance of the package: the same file loaded under another URL. */
async function originalEditMap(): Promise<typeof EditMap> {
  const file = createRequire(__filename).resolve('micromark-util-edit-map');
  const module = (await import(`${pathToFileURL(file).href}?unpatched`)) as { EditMap: typeof EditMap };
  return module.EditMap;
}

/** Stand-ins for micromark's events: distinct objects, so a lost, doubled or moved event shows. */
const events = (count: number, tag: string): Events => Array.from({ length: count }, (_, i) => ({ tag, i }) as unknown as Events[number]);

function apply(Map: typeof EditMap, length: number, edits: readonly Edit[]): Events {
  const list = events(length, 'e');
  const map = new Map();
  edits.forEach((edit, n) => {
    const added = events(edit.add, `a${n}`);
    if (edit.before) map.addBefore(edit.at, edit.remove, added);
    else map.add(edit.at, edit.remove, added);
  });
  map.consume(list);
  map.consume(list); // consumed edits are gone: a second call changes nothing
  return list;
}

describe('micromark-util-edit-map patch', () => {
  it('is installed', async () => {
    assert.notEqual(EditMap.prototype.consume, (await originalEditMap()).prototype.consume);
  });

  it('edits event lists as the unpatched package does (property)', async () => {
    const Original = await originalEditMap();
    const input = fc.integer({ min: 0, max: 40 }).chain((length) =>
      fc.tuple(
        fc.constant(length),
        fc.array(
          fc.integer({ min: 0, max: length }).chain((at) =>
            fc.record({ at: fc.constant(at), remove: fc.integer({ min: 0, max: length - at }), add: fc.integer({ min: 0, max: 3 }), before: fc.boolean() })),
          { maxLength: 8 },
        ),
      ));
    fc.assert(
      fc.property(input, ([length, edits]) => {
        assert.deepStrictEqual(apply(EditMap, length, edits), apply(Original, length, edits));
      }),
      { numRuns: propertyRuns(500) },
    );
  });
});
