import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { GENERATED_FILES } from '../../scripts/generatedFiles';

describe('generated files', () => {
  it('are what `npm run gen` writes from the rules, the kinds and the templates', () => {
    const stale = GENERATED_FILES.filter((file) => {
      const current = readFileSync(file.path, 'utf8');
      return file.render(current) !== current;
    }).map((file) => file.path);
    assert.deepEqual(stale, [], `stale: ${stale.join(', ')}; run npm run gen`);
  });
});
