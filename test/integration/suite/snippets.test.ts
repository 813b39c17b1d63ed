import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { renderSnippets } from '../../../scripts/gen-snippets';
import { warmUp } from './api';
import { closeAllEditors, getExtension, openUntitled, waitFor } from './helpers';
import { tokenize } from './textmate';

interface SnippetEntry {
  prefix: string;
  body: string[];
}

async function shippedSnippets(): Promise<Record<string, SnippetEntry>> {
  const extension = getExtension();
  const contributed = (extension.packageJSON as { contributes: { snippets: { language: string; path: string }[] } }).contributes.snippets;
  assert.deepEqual(contributed, [{ language: 'markdown', path: './snippets/markdown.json' }]);
  const bytes = await vscode.workspace.fs.readFile(vscode.Uri.joinPath(extension.extensionUri, 'snippets', 'markdown.json'));
  const text = new TextDecoder().decode(bytes);
  assert.equal(text, renderSnippets(), 'the shipped file is what the generator writes from the templates');
  return JSON.parse(text) as Record<string, SnippetEntry>;
}

describe('snippets and placeholder highlighting', () => {
  before(warmUp);
  afterEach(closeAllEditors);

  it('contributes Markdown snippets for every section and the common tables, prefixed mlr-', async () => {
    const prefixes = Object.values(await shippedSnippets()).map((entry) => entry.prefix);
    for (const prefix of ['mlr-exp-results', 'mlr-spec-abstract', 'mlr-table-results', 'mlr-table-hyperparameters', 'mlr-table-data-splits',
      'mlr-table-ablation', 'mlr-table-inference-speed', 'mlr-table-model-spec']) {
      assert.ok(prefixes.includes(prefix), prefix);
    }
  });

  it('offers them as completions in a Markdown editor', async () => {
    const editor = await openUntitled('mlr-table-ab');
    const list = await waitFor(async () => {
      const completions = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', editor.document.uri, new vscode.Position(0, 12));
      return completions.items.some((item) => item.kind === vscode.CompletionItemKind.Snippet) ? completions : undefined;
    }, { message: 'snippet completions' });
    const labels = list.items.filter((item) => item.kind === vscode.CompletionItemKind.Snippet).map((item) => (typeof item.label === 'string' ? item.label : item.label.label));
    assert.ok(labels.includes('mlr-table-ablation'), labels.join(', '));
  });

  it('inserts a table snippet with its filler cells as tab stops', async () => {
    const snippets = await shippedSnippets();
    const splits = Object.values(snippets).find((entry) => entry.prefix === 'mlr-table-data-splits');
    assert.ok(splits);
    const editor = await openUntitled('');
    assert.ok(await editor.insertSnippet(new vscode.SnippetString(splits.body.join('\n'))));
    assert.equal(editor.document.lineAt(2).text, '| Train | X examples | Y% |');
    assert.equal(editor.document.getText(editor.selection), 'X examples');
    await vscode.commands.executeCommand('jumpToNextSnippetPlaceholder');
    assert.equal(editor.document.getText(editor.selection), 'Y%');
  });

  it('gives {{PLACEHOLDER}} slots, [link] and unchosen choice lists a scope themes colour, but not inside code', async () => {
    const lines = await tokenize('---\ntitle: {{TITLE}}\n---\n\n# {{TITLE}}\n\n**Status**: Draft / Final / In Review\n\n- Code: [link]\n\n`{{INLINE}}`\n\n```\n{{FENCED}}\n```\n');
    const scopesOf = (text: string): string[] => lines.flat().filter(([token]) => token.includes(text)).flatMap(([, scopes]) => scopes);
    assert.ok(scopesOf('{{TITLE}}').filter((scope) => scope === 'invalid.deprecated.placeholder.mlreport').length === 2, 'front matter and heading');
    assert.ok(scopesOf('Draft / Final / In Review').includes('invalid.deprecated.placeholder.choice.mlreport'));
    assert.ok(scopesOf('[link]').includes('invalid.deprecated.placeholder.link.mlreport'));
    assert.ok(scopesOf('{{INLINE}}').length > 0 && !scopesOf('{{INLINE}}').some((scope) => scope.includes('placeholder')));
    assert.ok(scopesOf('{{FENCED}}').length > 0 && !scopesOf('{{FENCED}}').some((scope) => scope.includes('placeholder')));
  });
});
