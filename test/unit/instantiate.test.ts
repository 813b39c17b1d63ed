import assert from 'node:assert/strict';
import fc from 'fast-check';
import yaml from 'js-yaml';
import { instantiateTemplate, localDate, yamlScalar } from '../../src/core/templates/instantiate';
import { BUILTIN_KINDS } from '../../src/core/templates/registry';

const TEMPLATE = '---\ntitle: {{TITLE}}\nauthors: {{AUTHORS}}\ndate: {{DATE}}\ntype: ml-experiment-report\n---\n\n# {{TITLE}}\n\n**Researchers**: {{AUTHORS}}\n**Date**: {{DATE}}\n\n{{ABSTRACT}}\n';

function frontMatterOf(text: string): Record<string, unknown> {
  const match = /^---\r?\n([\s\S]*?)\r?\n---/.exec(text);
  assert.ok(match, 'no front matter');
  return yaml.load(match[1] ?? '', { schema: yaml.JSON_SCHEMA }) as Record<string, unknown>;
}

describe('instantiateTemplate', () => {
  it('fills the date everywhere and leaves title and authors as placeholders when not given', () => {
    const text = instantiateTemplate(TEMPLATE, { date: '2025-03-07' });
    assert.equal(text, TEMPLATE.replace(/\{\{DATE\}\}/g, '2025-03-07'));
    assert.equal(frontMatterOf(text)['date'], '2025-03-07');
  });

  it('writes a title with YAML syntax quoted in the front matter and plain in the body', () => {
    const title = 'Sentiment: BERT vs #LSTM';
    const text = instantiateTemplate(TEMPLATE, { date: '2025-03-07', title, authors: ['Ada Lovelace', 'Alan Turing'] });
    assert.match(text, /^title: "Sentiment: BERT vs #LSTM"$/m);
    assert.match(text, /^# Sentiment: BERT vs #LSTM$/m);
    assert.match(text, /^\*\*Researchers\*\*: Ada Lovelace, Alan Turing$/m);
    assert.deepEqual(frontMatterOf(text), {
      title,
      authors: 'Ada Lovelace, Alan Turing',
      date: '2025-03-07',
      type: 'ml-experiment-report',
    });
    assert.ok(text.includes('{{ABSTRACT}}'), 'other slots stay for the author to fill');
  });

  it('keeps plain titles plain', () => {
    const text = instantiateTemplate(TEMPLATE, { date: '2025-03-07', title: 'ResNet-50 on ImageNet (v2)' });
    assert.match(text, /^title: ResNet-50 on ImageNet \(v2\)$/m);
  });

  it('puts a multi-line title on one line, without control characters', () => {
    const text = instantiateTemplate(TEMPLATE, { date: '2025-03-07', title: ' A\n  study\u0000\u0085x \r\n' });
    assert.match(text, /^title: A study x$/m);
    assert.match(text, /^# A study x$/m);
  });

  it('reads back any title and author exactly from the front matter', () => {
    const text = fc.oneof(fc.string({ minLength: 1 }), fc.string({ minLength: 1, unit: 'binary' }));
    fc.assert(
      fc.property(text, text, (title, author) => {
        const oneLine = (s: string): string => s.replace(/[\p{Cc}\s]+/gu, ' ').trim();
        fc.pre(oneLine(title) !== '' && oneLine(author) !== '');
        const data = frontMatterOf(instantiateTemplate(TEMPLATE, { date: '2025-03-07', title, authors: [author] }));
        assert.equal(data['title'], oneLine(title));
        assert.equal(data['authors'], oneLine(author));
      }),
      { numRuns: 300 },
    );
  });

  it('fills every built-in template, CRLF front matter included', () => {
    for (const kind of BUILTIN_KINDS.filter((k) => k.template !== '')) {
      for (const template of [kind.template, kind.template.replace(/\n/g, '\r\n')]) {
        const text = instantiateTemplate(template, { date: '2025-03-07', title: 'T: x', authors: ['A'] });
        assert.ok(!/\{\{(TITLE|AUTHORS|DATE)\}\}/.test(text), kind.id);
        const data = frontMatterOf(text);
        assert.equal(data['title'], 'T: x', kind.id);
        assert.equal(data['type'], kind.id);
      }
    }
  });
});

describe('yamlScalar', () => {
  it('quotes what YAML would read as another type or as syntax', () => {
    for (const value of ['true', 'No', 'null', '~', '42', '1e3', '-x', '@me', '*star', 'a: b', 'x #y', '[a]', '{a}', "'q", '"q']) {
      assert.equal(yamlScalar(value), JSON.stringify(value), value);
    }
    assert.equal(yamlScalar('2025-03-07'), '2025-03-07');
    assert.equal(yamlScalar('Ablation study'), 'Ablation study');
  });
});

describe('localDate', () => {
  it('formats the local calendar date', () => {
    assert.equal(localDate(new Date(2024, 0, 5, 23, 59)), '2024-01-05');
    assert.equal(localDate(new Date(2024, 11, 31, 0, 0)), '2024-12-31');
  });
});
