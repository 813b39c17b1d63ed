import { readFileSync, statSync } from 'node:fs';

export const DEFAULT_MAX_SIZE = 10 * 1024 * 1024;

export type ReadResult = { text: string } | { problem: string };

/**
 * Reads a file as UTF-8 text, refusing what is not text: over `maxSize` bytes, UTF-16, binary
 * (NUL bytes) or invalid UTF-8. A BOM is kept; the linter strips it.
 */
export function readTextFile(path: string, maxSize: number): ReadResult {
  let bytes: Buffer;
  try {
    const size = statSync(path).size;
    if (size > maxSize) {
      return { problem: `is ${formatSize(size)}, over the ${formatSize(maxSize)} limit; not linted (raise the limit with --max-size)` };
    }
    bytes = readFileSync(path);
  } catch (error) {
    return { problem: `cannot be read: ${describeFsError(error)}` };
  }
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    return { problem: 'is UTF-16 text; not linted (save it as UTF-8)' };
  }
  const nul = bytes.indexOf(0);
  if (nul >= 0) return { problem: `looks binary (a NUL byte at line ${lineOfByte(bytes, nul)}); not linted` };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes) };
  } catch {
    return { problem: `is not valid UTF-8 (first bad byte on line ${firstInvalidLine(bytes)}); not linted (save it as UTF-8)` };
  }
}

/** Parses `--max-size`: bytes, or a number with KB, MB or GB (powers of 1024). */
export function parseSize(text: string): number | undefined {
  const match = /^(\d+(?:\.\d+)?)\s*(b|k|kb|kib|m|mb|mib|g|gb|gib)?$/i.exec(text.trim());
  if (!match) return undefined;
  const unit = (match[2] ?? 'b').charAt(0).toLowerCase();
  const factor = unit === 'k' ? 1024 : unit === 'm' ? 1024 ** 2 : unit === 'g' ? 1024 ** 3 : 1;
  const size = Math.floor(Number(match[1]) * factor);
  return size > 0 ? size : undefined;
}

export function formatSize(bytes: number): string {
  if (bytes >= 1024 ** 2) return `${+(bytes / 1024 ** 2).toFixed(1)} MB`;
  if (bytes >= 1024) return `${+(bytes / 1024).toFixed(1)} KB`;
  return `${bytes} bytes`;
}

export function describeFsError(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  if (code === 'ENOENT') return 'no such file';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'EISDIR') return 'it is a folder';
  return error instanceof Error ? error.message : String(error);
}

function lineOfByte(bytes: Buffer, index: number): number {
  let line = 1;
  for (let i = bytes.indexOf(10); i >= 0 && i < index; i = bytes.indexOf(10, i + 1)) line++;
  return line;
}

/** A line feed byte never occurs inside a UTF-8 sequence, so each line decodes on its own. */
function firstInvalidLine(bytes: Buffer): number {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let start = 0;
  for (let line = 1; ; line++) {
    const end = bytes.indexOf(10, start);
    try {
      decoder.decode(bytes.subarray(start, end < 0 ? bytes.length : end));
    } catch {
      return line;
    }
    if (end < 0) return line;
    start = end + 1;
  }
}
