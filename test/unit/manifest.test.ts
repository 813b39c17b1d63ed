import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import picomatch from 'picomatch';
import { BUILTIN_KINDS, RULE_IDS } from '../../src/core';
import { COMMANDS, IS_REPORT_CONTEXT } from '../../src/vscode/commandIds';

interface Manifest {
  main: string;
  activationEvents: string[];
  capabilities: { untrustedWorkspaces: { supported: boolean }; virtualWorkspaces: boolean };
  extensionKind?: string[];
  contributes: {
    commands: { command: string; title: string; category: string }[];
    keybindings: { command: string; key: string; mac: string; when: string }[];
    snippets: { language: string; path: string }[];
    grammars: { path: string; injectTo: string[] }[];
    jsonValidation: { url: string }[];
    viewsContainers: { activitybar: { id: string; title: string; icon: string }[] };
    views: Record<string, { id: string; name: string; when?: string }[]>;
    viewsWelcome: { view: string; contents: string }[];
    'markdown.markdownItPlugins': boolean;
    'markdown.previewStyles': string[];
    configuration: { properties: Record<string, { markdownDescription?: string; properties?: Record<string, unknown> }> };
  };
}

const manifest = JSON.parse(readFileSync('package.json', 'utf8')) as Manifest;

describe('extension manifest (package.json)', () => {
  it('contributes exactly the commands the extension registers, all in the ML Report category', () => {
    const contributed = manifest.contributes.commands.map((command) => command.command).sort();
    assert.deepEqual(contributed, Object.values(COMMANDS).sort());
    for (const command of manifest.contributes.commands) assert.equal(command.category, 'ML Report', command.command);
  });

  it('enumerates every rule id, and only those, in the mlreport.rules setting and the .mlreport.json schema', () => {
    const setting = manifest.contributes.configuration.properties['mlreport.rules'];
    assert.deepEqual(Object.keys(setting?.properties ?? {}).sort(), [...RULE_IDS].sort());
    const schemaFile = manifest.contributes.jsonValidation[0]?.url ?? '';
    const schema = JSON.parse(readFileSync(schemaFile, 'utf8')) as { properties: { rules: { properties: object }; kind: { examples: string[] } } };
    assert.deepEqual(Object.keys(schema.properties.rules.properties).sort(), [...RULE_IDS].sort());
    assert.deepEqual(schema.properties.kind.examples, BUILTIN_KINDS.map((kind) => kind.id));
  });

  it('describes every setting', () => {
    const properties = manifest.contributes.configuration.properties;
    assert.deepEqual(Object.keys(properties).sort(), ['mlreport.debounceMs', 'mlreport.enable', 'mlreport.files', 'mlreport.maxLiveLintSize', 'mlreport.preview.highlightPlaceholders', 'mlreport.rules']);
    for (const [name, property] of Object.entries(properties)) assert.ok((property.markdownDescription ?? '').length > 20, name);
  });

  it('binds the placeholder keys only in report editors', () => {
    const bound = manifest.contributes.keybindings.map((binding) => [binding.command, binding.key, binding.mac]);
    assert.deepEqual(bound, [
      [COMMANDS.nextPlaceholder, 'ctrl+alt+]', 'cmd+alt+]'],
      [COMMANDS.previousPlaceholder, 'ctrl+alt+[', 'cmd+alt+['],
    ]);
    for (const binding of manifest.contributes.keybindings) assert.match(binding.when, new RegExp(`\\b${IS_REPORT_CONTEXT.replace('.', '\\.')}\\b`));
  });

  it('points at files that exist and declares untrusted and virtual workspace support', () => {
    const { contributes } = manifest;
    const files = [
      ...contributes.snippets.map((s) => s.path), ...contributes.grammars.map((g) => g.path), ...contributes['markdown.previewStyles'],
      ...contributes.viewsContainers.activitybar.map((container) => container.icon), 'media/icon.png', 'LICENSE', 'CHANGELOG.md', 'README.md',
    ];
    const packaged = readFileSync('.vscodeignore', 'utf8').split(/\r?\n/).filter((line) => line.startsWith('!')).map((line) => picomatch(line.slice(1)));
    for (const path of [...files, manifest.main]) {
      const file = path.replace(/^\.\//, '');
      assert.ok(existsSync(file), file);
      assert.ok(packaged.some((isPackaged) => isPackaged(file)), `${file} is left out of the .vsix by .vscodeignore`);
    }
    assert.equal(manifest.capabilities.untrustedWorkspaces.supported, true);
    assert.equal(manifest.capabilities.virtualWorkspaces, true);
    assert.equal(manifest.extensionKind, undefined);
    assert.ok(manifest.activationEvents.includes('onLanguage:markdown'));
    assert.equal(contributes['markdown.markdownItPlugins'], true);
  });

  it('gives the report view its own activity-bar container, always there, with a welcome for non-reports', () => {
    const { contributes } = manifest;
    assert.deepEqual(contributes.viewsContainers.activitybar.map((container) => [container.id, container.title]), [['mlreport', 'ML Report']]);
    assert.deepEqual(Object.keys(contributes.views), ['mlreport']);
    assert.deepEqual(contributes.views['mlreport']?.map((view) => [view.id, view.name, view.when]), [['mlreport.outline', 'Sections', undefined]]);
    const welcome = contributes.viewsWelcome.find((entry) => entry.view === 'mlreport.outline');
    assert.match(welcome?.contents ?? '', /command:mlreport\.newExperimentReport/);
  });
});

describe('placeholder grammar', () => {
  const grammar = JSON.parse(readFileSync('syntaxes/mlreport-placeholders.tmLanguage.json', 'utf8')) as {
    injectionSelector: string;
    repository: Record<string, { match: string; name: string }>;
  };
  const matches = (rule: string, text: string): string[] => {
    const pattern = grammar.repository[rule];
    assert.ok(pattern, rule);
    return [...text.matchAll(new RegExp(pattern.match, 'g'))].map((match) => match[0]);
  };

  it('is injected into Markdown outside fenced and inline code', () => {
    assert.equal(grammar.injectionSelector, 'L:text.html.markdown -markup.fenced_code -markup.inline.raw');
  });

  it('marks slots, [link] markers and unchosen choice lists, and not real links', () => {
    assert.deepEqual(matches('slot', 'title: {{TITLE}} and {{MODEL_NAME}} but not {{ x }} or {TITLE}'), ['{{TITLE}}', '{{MODEL_NAME}}']);
    assert.deepEqual(matches('link', '- code: [link]\n[link](http://x) [link][ref] [link]: http://y'), ['[link]']);
    assert.deepEqual(matches('choice', '**Status**: Draft / Final / In Review'), ['Draft / Final / In Review']);
  });
});
