// Tokenizes Markdown the way VS Code does: with the editor's own vscode-textmate and oniguruma (from its
// app root) and the grammars every installed extension contributes, injections included.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import * as vscode from 'vscode';

interface GrammarContribution {
  scopeName?: string;
  path?: string;
  injectTo?: string[];
}

interface Token {
  startIndex: number;
  endIndex: number;
  scopes: string[];
}

interface Grammar {
  tokenizeLine(line: string, state: unknown): { tokens: Token[]; ruleStack: unknown };
}

interface TextMate {
  Registry: new (options: object) => { loadGrammar(scope: string): Promise<Grammar | null> };
  INITIAL: unknown;
  parseRawGrammar(content: string, path: string): unknown;
}

interface Oniguruma {
  loadWASM(data: ArrayBuffer): Promise<void>;
  createOnigScanner(patterns: string[]): unknown;
  createOnigString(text: string): unknown;
}

/** Loads a module of the running editor (not bundled into the tests); desktop builds may pack them in node_modules.asar. */
function editorModulePath(name: string): string {
  const fromRoot = createRequire(join(vscode.env.appRoot, 'package.json'));
  try {
    return fromRoot.resolve(name);
  } catch {
    return fromRoot.resolve(join(vscode.env.appRoot, 'node_modules.asar', name));
  }
}

const requireFromEditor = (name: string): unknown => createRequire(join(vscode.env.appRoot, 'package.json'))(editorModulePath(name));

let loaded: Promise<TextMate> | undefined;

function textmate(): Promise<TextMate> {
  loaded ??= (async () => {
    const onig = requireFromEditor('vscode-oniguruma') as Oniguruma;
    const wasm = readFileSync(join(dirname(editorModulePath('vscode-oniguruma')), 'onig.wasm'));
    await onig.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength));
    return requireFromEditor('vscode-textmate') as TextMate;
  })();
  return loaded;
}

function contributions(): { grammar: GrammarContribution; file: string }[] {
  return vscode.extensions.all.flatMap((extension) => {
    const grammars = (extension.packageJSON as { contributes?: { grammars?: GrammarContribution[] } }).contributes?.grammars ?? [];
    return grammars.filter((grammar) => grammar.scopeName && grammar.path).map((grammar) => ({ grammar, file: join(extension.extensionPath, grammar.path as string) }));
  });
}

/** For each line of `text`, its tokens as `[text, scopes]`. */
export async function tokenize(text: string, scope = 'text.html.markdown'): Promise<[string, string[]][][]> {
  const tm = await textmate();
  const onig = requireFromEditor('vscode-oniguruma') as Oniguruma;
  const all = contributions();
  const registry = new tm.Registry({
    onigLib: Promise.resolve({
      createOnigScanner: (patterns: string[]) => onig.createOnigScanner(patterns),
      createOnigString: (value: string) => onig.createOnigString(value),
    }),
    loadGrammar: async (name: string) => {
      const found = all.find((entry) => entry.grammar.scopeName === name);
      return found ? tm.parseRawGrammar(readFileSync(found.file, 'utf8'), found.file) : null;
    },
    getInjections: (name: string) => all.filter((entry) => entry.grammar.injectTo?.includes(name)).map((entry) => entry.grammar.scopeName as string),
  });
  const grammar = await registry.loadGrammar(scope);
  if (!grammar) throw new Error(`no grammar for ${scope}`);
  let state = tm.INITIAL;
  return text.split('\n').map((line) => {
    const result = grammar.tokenizeLine(line, state);
    state = result.ruleStack;
    return result.tokens.map((token): [string, string[]] => [line.slice(token.startIndex, token.endIndex), token.scopes]);
  });
}
