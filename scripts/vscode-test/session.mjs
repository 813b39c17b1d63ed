// One VS Code window served by code-server and shown in headless Chromium: the offline
// stand-in for desktop VS Code, shared by the test launcher and the UI smoke script.
import { spawn, spawnSync } from 'node:child_process';
import { createWriteStream, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { format } from 'node:util';
import { join, resolve } from 'node:path';
import { chromium } from 'playwright-core';
import { CHROMIUM_PATH, codeServerEntry, nodeBinary } from './paths.mjs';

const SERVER_START_TIMEOUT_MS = 60_000;
const PAGE_LOAD_TIMEOUT_MS = 120_000;

/** Settings for every window: never write an edited fixture back to disk, no distractions. */
export const TEST_USER_SETTINGS = {
  'files.autoSave': 'off',
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'security.workspace.trust.enabled': false,
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'chat.disableAIFeatures': true,
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
};

export function writeUserSettings(userDataDir, extra = {}) {
  const dir = join(userDataDir, 'User');
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'settings.json'), `${JSON.stringify({ ...TEST_USER_SETTINGS, ...extra }, null, 2)}\n`);
}

function freePort() {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolvePort(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

function waitForListening(child, logFile) {
  return new Promise((resolveStart, reject) => {
    let seen = '';
    const timer = setTimeout(() => reject(new Error(`code-server did not start within ${SERVER_START_TIMEOUT_MS / 1000} s; log: ${logFile}`)), SERVER_START_TIMEOUT_MS);
    const onData = (chunk) => {
      seen += chunk.toString();
      if (seen.includes('HTTP server listening')) {
        clearTimeout(timer);
        resolveStart();
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`code-server exited during start-up (${code ?? signal}):\n${seen}`));
    });
  });
}

function remoteUri(port, path) {
  return `vscode-remote://127.0.0.1:${port}${resolve(path)}`;
}

/** The workbench forwards its log (and, in a test run, the extension host's console) as (level, [format, ...args]). */
function formatLogEntry(message) {
  return Array.isArray(message) ? format(...message) : String(message);
}

/** Workbench start-up chatter that says nothing about the extension or the tests. */
const WORKBENCH_NOISE = [
  /^Resolv(ing|ed) connection token/,
  /^Creating a socket/,
  /^\[reconnection-grace-time\]/,
  /^\[Service Worker\]/,
  /^\[AccountPolicyGate\]/,
  /^\[AgentHost/,
  /additional builtin extensions/,
  /^Creation of workbench contribution/,
  /^Timed out waiting for authentication provider/,
  /^Extension host \(Remote\) is (un)?responsive/,
  /^No search provider registered for scheme/,
];

/** Prints what the window logs, leaving out the workbench's own chatter unless MLREPORT_VSCODE_VERBOSE is set. */
export function printWindowLog(line) {
  if (!process.env.MLREPORT_VSCODE_VERBOSE && WORKBENCH_NOISE.some((pattern) => pattern.test(line))) return;
  console.log(line);
}

/** Installs `.vsix` files into an extensions folder with code-server's own CLI, as a user's install would. */
function installExtensions(vsixFiles, extensionsDir, env) {
  for (const vsix of vsixFiles) {
    const install = spawnSync(nodeBinary, [codeServerEntry, '--extensions-dir', extensionsDir, '--install-extension', resolve(vsix)], { env, encoding: 'utf8', timeout: 120_000 });
    const output = `${install.stdout ?? ''}${install.stderr ?? ''}`.trim();
    if (install.status !== 0) throw new Error(`code-server could not install ${vsix} (${install.error?.message ?? `exit code ${install.status}`}):\n${output}`);
    console.log(`installed ${vsix}: ${output.split('\n').pop()}`);
  }
}

/**
 * Starts code-server and a Chromium page on `folder` with the extension under development, and
 * with the `.vsix` files of `installVsix` installed first, and without the built-in extensions
 * `withoutBuiltinExtensions` names. With `extensionTestsPath` the window runs that suite and
 * `exitCode` resolves with its result.
 */
export async function openWindow({ folder, extensionDevelopmentPath, extensionTestsPath, installVsix = [], withoutBuiltinExtensions = [], userDataDir, onLog = printWindowLog, viewport = { width: 1280, height: 800 } }) {
  const scratch = mkdtempSync(join(tmpdir(), 'mlreport-vscode-'));
  const dirs = {
    userData: userDataDir ? resolve(userDataDir) : join(scratch, 'user-data'),
    extensions: join(scratch, 'extensions'),
    config: join(scratch, 'config'),
    data: join(scratch, 'data'),
    cache: join(scratch, 'cache'),
    tmp: join(scratch, 'tmp'),
  };
  for (const dir of Object.values(dirs)) mkdirSync(dir, { recursive: true });
  writeUserSettings(dirs.userData);

  const port = await freePort();
  const configFile = join(scratch, 'config.yaml');
  writeFileSync(configFile, `bind-addr: 127.0.0.1:${port}\nauth: none\ncert: false\n`);
  const isolatedEnv = { XDG_CONFIG_HOME: dirs.config, XDG_DATA_HOME: dirs.data, XDG_CACHE_HOME: dirs.cache, TMPDIR: dirs.tmp };
  try {
    installExtensions(installVsix, dirs.extensions, { ...process.env, ...isolatedEnv, EXTENSIONS_GALLERY: '{}' });
  } catch (error) {
    rmSync(scratch, { recursive: true, force: true });
    throw error;
  }
  const serverLog = join(scratch, 'code-server.log');
  const server = spawn(nodeBinary, [
    codeServerEntry, '--auth', 'none', '--bind-addr', `127.0.0.1:${port}`, '--config', configFile,
    '--user-data-dir', dirs.userData, '--extensions-dir', dirs.extensions,
    '--disable-telemetry', '--disable-update-check', '--disable-workspace-trust', '--ignore-last-opened',
    '--vscode-option', 'enable-smoke-test-driver',
  ], {
    env: {
      ...process.env, ...isolatedEnv, EXTENSIONS_GALLERY: '{}',
      // The server leaves these out of the built-in extensions it offers the window.
      ...(withoutBuiltinExtensions.length > 0 ? { VSCODE_SKIP_BUILTIN_EXTENSIONS: withoutBuiltinExtensions.join(',') } : {}),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  const logStream = createWriteStream(serverLog);
  server.stdout.pipe(logStream);
  server.stderr.pipe(logStream);

  let browser;
  let finished = false; // the exit code is in, or the window is being closed on purpose
  const close = async () => {
    finished = true;
    await browser?.close().catch(() => undefined);
    if (server.exitCode === null && server.signalCode === null) {
      const exited = new Promise((done) => server.once('exit', done));
      try { process.kill(-server.pid, 'SIGTERM'); } catch { /* already gone */ }
      await Promise.race([exited, new Promise((done) => setTimeout(done, 1_000))]);
      try { process.kill(-server.pid, 'SIGKILL'); } catch { /* already gone */ }
    }
    logStream.end();
    rmSync(scratch, { recursive: true, force: true });
  };
  const serverLogText = () => { try { return readFileSync(serverLog, 'utf8'); } catch { return ''; } };

  const started = Date.now();
  const timings = { serverStartMs: 0, pageLoadMs: 0 };
  try {
    await waitForListening(server, serverLog);
    timings.serverStartMs = Date.now() - started;
    browser = await chromium.launch({
      executablePath: CHROMIUM_PATH,
      headless: true,
      env: { ...process.env, ...isolatedEnv },
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
    const page = await browser.newPage({ viewport });
    let reportExit;
    const exitCode = new Promise((done) => { reportExit = done; });
    const finish = (code) => {
      if (finished) return;
      finished = true;
      reportExit(code);
    };
    await page.exposeFunction('codeAutomationExit', (code) => finish(Number(code)));
    const abort = (what) => () => {
      if (finished) return;
      console.error(`${what} before the tests finished`);
      finish(1);
    };
    page.on('crash', abort('the Chromium page crashed'));
    browser.on('disconnected', abort('Chromium went away'));
    server.once('exit', abort('code-server exited'));
    await page.exposeFunction('codeAutomationLog', (level, message) => onLog(formatLogEntry(message), level));
    const payload = extensionDevelopmentPath ? [['extensionDevelopmentPath', remoteUri(port, extensionDevelopmentPath)]] : [];
    if (extensionTestsPath) payload.push(['extensionTestsPath', remoteUri(port, extensionTestsPath)]);
    const url = `http://127.0.0.1:${port}/?folder=${encodeURIComponent(resolve(folder))}&payload=${encodeURIComponent(JSON.stringify(payload))}`;
    // The workbench keeps loading long after the page does; the results arrive through the exposed functions.
    await page.goto(url, { waitUntil: 'domcontentloaded', timeout: PAGE_LOAD_TIMEOUT_MS });
    timings.pageLoadMs = Date.now() - started - timings.serverStartMs;
    return { page, exitCode, close, serverLogText, timings };
  } catch (error) {
    const log = serverLogText();
    await close();
    if (log) console.error(`code-server log:\n${log}`);
    throw error;
  }
}
