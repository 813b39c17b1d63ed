import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { INTERNAL_ERROR_RULE, RULE_IDS } from '../../src/core';

describe('rule documentation', () => {
  it('the README has a "Rule: <id>" section for every rule, in RULES order (the editor links each diagnostic there)', () => {
    const readme = readFileSync(join(__dirname, '..', '..', 'README.md'), 'utf8');
    const documented = [...readme.matchAll(/^### Rule: (\S+)$/gm)].map((match) => match[1]);
    assert.deepEqual(documented, [...RULE_IDS, INTERNAL_ERROR_RULE]);
  });
});
