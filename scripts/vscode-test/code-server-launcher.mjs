#!/usr/bin/env node
// Stands in for the VS Code executable that @vscode/test-electron's runTests starts:
// takes its command line (--extensionDevelopmentPath=… --extensionTestsPath=… --user-data-dir=… [folder]),
// runs the suite in code-server shown in headless Chromium, prints the extension host's
// output and exits with the suite's exit code.
import { openWindow } from './session.mjs';

const SUITE_TIMEOUT_MS = Number(process.env.MLREPORT_SUITE_TIMEOUT_MS ?? 10 * 60_000);

function parseArguments(argv) {
  const options = { folder: undefined, extensionDevelopmentPath: undefined, extensionTestsPath: undefined, userDataDir: undefined, withoutBuiltinExtensions: [] };
  const names = { extensionDevelopmentPath: 'extensionDevelopmentPath', extensionTestsPath: 'extensionTestsPath', 'user-data-dir': 'userDataDir' };
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i];
    if (!arg.startsWith('--')) {
      options.folder = arg;
      continue;
    }
    const [flag, inlineValue] = arg.slice(2).split(/=(.*)/s, 2);
    // Desktop VS Code's --disable-extension=ID; here it can only leave out a built-in extension.
    if (flag === 'disable-extension') {
      options.withoutBuiltinExtensions.push(inlineValue ?? argv[(i += 1)]);
      continue;
    }
    const key = names[flag];
    if (!key) continue; // desktop-only switches such as --no-sandbox or --skip-welcome
    options[key] = inlineValue ?? argv[(i += 1)];
  }
  return options;
}

const options = parseArguments(process.argv.slice(2));
for (const required of ['folder', 'extensionDevelopmentPath', 'extensionTestsPath']) {
  if (!options[required]) {
    console.error(`code-server-launcher: missing ${required === 'folder' ? 'a workspace folder argument' : `--${required}`}`);
    process.exit(2);
  }
}

// runTests can't pass a .vsix; the integration runner's --vsix mode names it here.
const installVsix = process.env.MLREPORT_INSTALL_VSIX ? [process.env.MLREPORT_INSTALL_VSIX] : [];

const started = Date.now();
let window;
try {
  window = await openWindow({ ...options, installVsix });
} catch (error) {
  console.error(`code-server-launcher: could not open the test window: ${error instanceof Error ? error.message : error}`);
  process.exit(1);
}
const { serverStartMs, pageLoadMs } = window.timings;
console.log(`code-server-launcher: server up in ${(serverStartMs / 1000).toFixed(1)} s, page loaded ${(pageLoadMs / 1000).toFixed(1)} s later`);
const timeout = new Promise((done) => setTimeout(() => done('timeout'), SUITE_TIMEOUT_MS).unref());
const result = await Promise.race([window.exitCode, timeout]);
let exitCode = result;
if (result === 'timeout') {
  console.error(`code-server-launcher: the suite did not finish within ${SUITE_TIMEOUT_MS / 1000} s`);
  console.error(window.serverLogText());
  exitCode = 1;
} else if (exitCode !== 0 && process.env.MLREPORT_SHOW_SERVER_LOG) {
  console.error(window.serverLogText());
}
await window.close();
console.log(`code-server-launcher: suite exited with ${exitCode} after ${((Date.now() - started) / 1000).toFixed(1)} s`);
process.exit(exitCode);
