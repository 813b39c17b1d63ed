import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { MANIFEST_FILE, renderManifest } from '../../scripts/gen-manifest';
import { renderSchema } from '../../scripts/gen-schema';
import { RULES } from '../../src/core/rules';
import type { Rule } from '../../src/core/rules/types';
import { BUILTIN_KINDS } from '../../src/core/templates/registry';
import type { ReportKind } from '../../src/core/templates/types';
import { NEW_REPORT_COMMANDS, newReportCommand } from '../../src/vscode/commandIds';

const extraRule: Rule = { id: 'throwaway-rule', description: 'Never fires.', defaultSeverity: 'info', scope: 'document', check: () => [] };
const baseKind = BUILTIN_KINDS[0];
if (!baseKind) throw new Error('no built-in kind');
const extraKind: ReportKind = { ...baseKind, id: 'ml-data-card', name: 'ML Data Card' };

interface RenderedManifest {
  contributes: {
    commands: { command: string; title: string; category: string }[];
    configuration: { properties: Record<string, { markdownDescription: string; properties?: Record<string, { enum: string[]; markdownDescription: string }> }> };
  };
}

describe('generators', () => {
  it('derive each kind\'s New command from the kind, keeping the existing command ids', () => {
    assert.deepEqual(NEW_REPORT_COMMANDS.map(({ command, title, kindId }) => [command, title, kindId]), [
      ['mlreport.newExperimentReport', 'New Experiment Report', 'ml-experiment-report'],
      ['mlreport.newTaskSpec', 'New Task Specification', 'ml-task-spec'],
    ]);
    assert.deepEqual(newReportCommand({ id: 'model-card', name: 'Model Card' }), { key: 'newModelCard', command: 'mlreport.newModelCard', title: 'New Model Card', kindId: 'model-card' });
  });

  it('put a new rule and a new kind into package.json: a rules property, a New command, the kind id in the description', () => {
    const current = readFileSync(MANIFEST_FILE, 'utf8');
    const manifest = JSON.parse(renderManifest(current, [...RULES, extraRule], [...BUILTIN_KINDS, extraKind])) as RenderedManifest;
    const properties = manifest.contributes.configuration.properties;
    const rule = properties['mlreport.rules']?.properties?.['throwaway-rule'];
    assert.deepEqual(rule?.enum, ['off', 'info', 'warning', 'error']);
    assert.equal(rule?.markdownDescription, '[`throwaway-rule`](https://github.com/mlreport/mlreport#rule-throwaway-rule): Never fires. Default: `info`.');
    const commands = manifest.contributes.commands.filter((command) => command.command.startsWith('mlreport.new'));
    assert.deepEqual(commands.map((command) => [command.command, command.title, command.category]), [
      ['mlreport.newExperimentReport', 'New Experiment Report', 'ML Report'],
      ['mlreport.newTaskSpec', 'New Task Specification', 'ML Report'],
      ['mlreport.newDataCard', 'New Data Card', 'ML Report'],
    ]);
    assert.equal(manifest.contributes.commands.length, (JSON.parse(current) as RenderedManifest).contributes.commands.length + 1, 'the new kind\'s command, and the others kept');
    assert.match(properties['mlreport.enable']?.markdownDescription ?? '', /`ml-experiment-report`, `ml-task-spec` or `ml-data-card`/);
  });

  it('drop a removed kind\'s command and a removed rule\'s property from package.json', () => {
    const current = readFileSync(MANIFEST_FILE, 'utf8');
    const manifest = JSON.parse(renderManifest(current, RULES.slice(1), BUILTIN_KINDS.slice(1))) as RenderedManifest;
    assert.deepEqual(manifest.contributes.commands.map((command) => command.command).filter((id) => id.startsWith('mlreport.new')), ['mlreport.newTaskSpec']);
    assert.deepEqual(Object.keys(manifest.contributes.configuration.properties['mlreport.rules']?.properties ?? {}), RULES.slice(1).map((rule) => rule.id));
  });

  it('put a new rule and a new kind into the .mlreport.json schema', () => {
    const schema = JSON.parse(renderSchema([...RULES, extraRule], [...BUILTIN_KINDS, extraKind])) as {
      properties: { rules: { properties: Record<string, { enum: string[]; description: string }> }; kind: { examples: string[]; default: string } };
    };
    assert.deepEqual(schema.properties.rules.properties['throwaway-rule'], { enum: ['off', 'info', 'warning', 'error'], description: 'Never fires. Default: info.' });
    assert.deepEqual(schema.properties.kind.examples, ['ml-experiment-report', 'ml-task-spec', 'ml-data-card']);
    assert.equal(schema.properties.kind.default, 'ml-experiment-report');
  });
});
