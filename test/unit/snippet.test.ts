import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { renderSnippets, SNIPPETS_FILE } from '../../scripts/gen-snippets';
import { BUILTIN_KINDS, findKind } from '../../src/core';
import { cellRanges, firstTable, sectionSnippet, snippetSource, tableSnippet } from '../../src/core/features/sectionSnippet';
import { escapeSnippet, toSnippet } from '../../src/core/features/snippet';

/**
 * Expands a snippet the way VS Code does when the user accepts every default: tab stops → their text,
 * a choice → its first option, escapes → literal.
 */
function expand(snippet: string): string {
  let out = '';
  for (let i = 0; i < snippet.length; i++) {
    const ch = snippet[i] as string;
    if (ch === '\\' && i + 1 < snippet.length && '\\$}'.includes(snippet[i + 1] as string)) {
      out += snippet[++i];
    } else if (ch === '$' && snippet[i + 1] === '{') {
      const choice = /^\$\{\d+\|((?:\\.|[^\\|])*)\|\}/.exec(snippet.slice(i));
      if (choice) {
        out += (/^(?:\\.|[^\\,])*/.exec(choice[1] as string)?.[0] ?? '').replace(/\\(.)/g, '$1');
        i += choice[0].length - 1;
        continue;
      }
      const colon = snippet.indexOf(':', i);
      i = colon;
    } else if (ch === '}') {
      continue;
    } else {
      out += ch;
    }
  }
  return out;
}

describe('snippet: template → VS Code snippet', () => {
  it('makes TITLE the first tab stop and AUTHORS the second, sharing the index across occurrences', () => {
    const snippet = toSnippet('title: {{TITLE}}\nauthors: {{AUTHORS}}\n# {{TITLE}}\nby {{AUTHORS}}\n', { date: '2024-05-06' });
    assert.equal(snippet, 'title: ${1:{{TITLE\\}\\}}\nauthors: ${2:{{AUTHORS\\}\\}}\n# ${1:{{TITLE\\}\\}}\nby ${2:{{AUTHORS\\}\\}}\n');
  });

  it('keeps a slot as its tab stop\'s default, so a skipped slot is still a placeholder', () => {
    assert.equal(expand(toSnippet('# {{TITLE}} by {{AUTHORS}}', {})), '# {{TITLE}} by {{AUTHORS}}');
  });

  it('puts TITLE first even when AUTHORS comes first in the text, and other slots after them in order', () => {
    const snippet = toSnippet('{{ABSTRACT}} {{AUTHORS}} {{TITLE}} {{MODEL_NAME}} {{ABSTRACT}}', { date: 'x' });
    assert.deepEqual([...snippet.matchAll(/\$\{(\d+):\{\{(\w+)/g)].map((match) => `${match[1]}:${match[2]}`), ['3:ABSTRACT', '2:AUTHORS', '1:TITLE', '4:MODEL_NAME', '3:ABSTRACT']);
  });

  it('replaces DATE with the given date, or with VS Code date variables when no date is given', () => {
    assert.equal(toSnippet('date: {{DATE}}', { date: '2024-05-06' }), 'date: 2024-05-06');
    assert.equal(toSnippet('date: {{DATE}}'), 'date: $CURRENT_YEAR-$CURRENT_MONTH-$CURRENT_DATE');
  });

  it('escapes $, } and backslash everywhere else, including inside defaults', () => {
    assert.equal(escapeSnippet('a $x } \\ {'), 'a \\$x \\} \\\\ {');
    const text = 'cost: $5 {a} \\n {{TITLE}}';
    const snippet = toSnippet(text, { stops: [{ start: 6, end: 8 }] });
    assert.equal(snippet, 'cost: ${2:\\$5} {a\\} \\\\n ${1:{{TITLE\\}\\}}');
    assert.equal(expand(toSnippet('cost: $5 {a} \\n', {})), 'cost: $5 {a} \\n');
  });

  it('turns filler ranges into tab stops after the slots, dropping ones that overlap a slot or each other', () => {
    const text = '# {{TITLE}}\n- Finding 1\n- Finding 2\n';
    const stops = [{ start: 14, end: 23 }, { start: 26, end: 35 }, { start: 2, end: 6 }, { start: 15, end: 20 }];
    assert.equal(toSnippet(text, { stops }), '# ${1:{{TITLE\\}\\}}\n- ${2:Finding 1}\n- ${3:Finding 2}\n');
  });

  it('turns every built-in template into a snippet that expands back to the template with the date filled in', () => {
    for (const kind of BUILTIN_KINDS) {
      const snippet = toSnippet(kind.template, { date: '2024-05-06' });
      assert.equal(expand(snippet), kind.template.replaceAll('{{DATE}}', '2024-05-06'), kind.id);
      assert.match(snippet, /^title: \$\{1:\{\{TITLE\\\}\\\}\}$/m, kind.id);
    }
  });

  it('makes the status a snippet choice, the tab stop after the title and authors, in every template', () => {
    const experiment = findKind('ml-experiment-report');
    const spec = findKind('ml-task-spec');
    assert.ok(experiment && spec);
    const whole = toSnippet(experiment.template, { choices: experiment.placeholders.choices });
    assert.match(whole, /^\*\*Status\*\*: \$\{3\|Draft,Final,In Review\|\}$/m);
    assert.match(whole, /\{\{ABSTRACT\\\}\\\}/);
    assert.match(whole, /\$\{4:\{\{ABSTRACT/, 'the slots after it follow the choice');
    assert.match(expand(whole), /^\*\*Status\*\*: Draft$/m);
    assert.match(toSnippet(spec.template, { choices: spec.placeholders.choices }), /^\*\*Status\*\*: \$\{4\|Draft,In Review,Approved\|\}$/m, 'after the title, authors and project');
    assert.equal(toSnippet('Tracking: A, B / C|D\n', { choices: ['A, B / C|D'] }), 'Tracking: ${1|A\\, B,C\\|D|}\n', 'commas and bars in an option are escaped');
    assert.equal(toSnippet('Say Draft / Final here\n', { choices: ['Draft / Final'] }), 'Say Draft / Final here\n', 'only a choice standing alone as a value');
  });
});

describe('snippet: sections and tables', () => {
  const experiment = findKind('ml-experiment-report');

  it('cuts a section out of the template with its subsections, without the trailing separator', () => {
    assert.ok(experiment);
    const section = snippetSource(experiment, 'executive-summary');
    assert.ok(section);
    assert.match(section.text, /^## Executive Summary\n/);
    assert.match(section.text, /### Recommendations\n- Recommendation 1\n- Recommendation 2\n$/);
    assert.equal(snippetSource(experiment, 'no-such-section'), undefined);
  });

  it('makes a section snippet that expands to the section text', () => {
    assert.ok(experiment);
    const section = snippetSource(experiment, 'training');
    const snippet = sectionSnippet(experiment, 'training');
    assert.ok(section && snippet);
    assert.equal(expand(snippet), section.text);
  });

  it('finds the first table; without filler marked in it every body cell becomes a tab stop', () => {
    const text = 'text\n\n| A | B |\n|---|---|\n| 1 | x |\n| 2 | y |\n\nafter\n';
    const table = firstTable(text);
    assert.ok(table);
    assert.equal(text.slice(table.start, table.end), '| A | B |\n|---|---|\n| 1 | x |\n| 2 | y |\n');
    assert.equal(tableSnippet({ text, filler: [] }), '| A | B |\n|---|---|\n| ${1:1} | ${2:x} |\n| ${3:2} | ${4:y} |\n');
    assert.equal(firstTable('no table here\n| a |\n'), undefined);
  });

  it('makes only the filler cells of a template table tab stops, keeping label cells as text', () => {
    const text = '| Split | Size |\n|---|---|\n| Train | X examples |\n';
    const filler = [{ start: text.indexOf('X examples'), end: text.indexOf('X examples') + 10 }];
    assert.equal(tableSnippet({ text, filler }), '| Split | Size |\n|---|---|\n| Train | ${1:X examples} |\n');
  });

  it('splits cells at unescaped pipes only, with or without outer pipes', () => {
    const line = '| a \\| b | c |';
    assert.deepEqual(cellRanges(line).map((cell) => line.slice(cell.start, cell.end)), ['a \\| b', 'c']);
    const bare = 'x | y';
    assert.deepEqual(cellRanges(bare).map((cell) => bare.slice(cell.start, cell.end)), ['x', 'y']);
  });
});

describe('snippets/markdown.json', () => {
  it('is what scripts/gen-snippets.ts generates (run `npm run gen` after changing a template or placeholder inventory)', () => {
    assert.equal(readFileSync(SNIPPETS_FILE, 'utf8'), renderSnippets());
  });

  it('has one snippet per section of each kind and the six common tables, each with tab stops and an mlr- prefix', () => {
    const snippets = JSON.parse(renderSnippets()) as Record<string, { prefix: string; body: string[] }>;
    const prefixes = Object.values(snippets).map((entry) => entry.prefix);
    for (const expected of ['mlr-exp-results', 'mlr-exp-executive-summary', 'mlr-spec-abstract', 'mlr-spec-results-and-analysis',
      'mlr-table-results', 'mlr-table-hyperparameters', 'mlr-table-data-splits', 'mlr-table-ablation',
      'mlr-table-inference-speed', 'mlr-table-model-spec', 'mlr-exp-template', 'mlr-spec-template']) {
      assert.ok(prefixes.includes(expected), `missing snippet ${expected}`);
    }
    for (const kind of BUILTIN_KINDS) {
      for (const section of kind.sections) {
        assert.ok(prefixes.some((prefix) => prefix.endsWith(`-${section.id}`)), `${kind.id}: no snippet for ${section.id}`);
      }
    }
    assert.equal(new Set(prefixes).size, prefixes.length, 'prefixes are unique');
    for (const [name, entry] of Object.entries(snippets)) {
      assert.match(entry.prefix, /^mlr-[a-z0-9-]+$/, name);
      assert.match(entry.body.join('\n'), /\$\{\d+:/, `${name} has a tab stop`);
    }
  });
});
