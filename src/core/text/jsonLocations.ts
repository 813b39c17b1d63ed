/**
 * Where each value of a JSON text starts, by its path (`["kinds", 0]`), so a configuration problem can
 * name its line. A single linear scan of text that `JSON.parse` accepted; on anything else it stops
 * and returns what it found so far.
 */
export type JsonPath = readonly (string | number)[];

export function pathKey(path: JsonPath): string {
  return JSON.stringify(path);
}

/** Offsets of every value (for an object member: of its key) by `pathKey`. */
export function jsonLocations(text: string): Map<string, number> {
  const found = new Map<string, number>();
  let at = 0;
  const skipBlank = (): void => {
    while (at < text.length && /[\s\uFEFF]/.test(text.charAt(at))) at++;
  };
  const readString = (): string => {
    const start = at;
    at++;
    while (at < text.length && text.charAt(at) !== '"') at += text.charAt(at) === '\\' ? 2 : 1;
    at++;
    try {
      return JSON.parse(text.slice(start, at)) as string;
    } catch {
      return '';
    }
  };
  // An explicit stack instead of recursion: a deeply nested JSON file must not overflow the call stack.
  type Frame = { kind: 'object' | 'array'; path: JsonPath; index: number };
  const stack: Frame[] = [];
  let path: JsonPath = [];
  let valueAt: number | undefined;
  /** Inside an object, whether the next token is a member's value (else a key, a comma or the end). */
  let expectValue = true;
  for (let guard = 0; guard <= text.length * 2 + 2; guard++) {
    skipBlank();
    if (at >= text.length) break;
    const char = text.charAt(at);
    const top = stack[stack.length - 1];
    if (top?.kind === 'object' && !expectValue && (char === '"' || char === ',')) {
      if (char === ',') at++;
      skipBlank();
      if (text.charAt(at) !== '"') continue;
      const keyAt = at;
      const key = readString();
      skipBlank();
      if (text.charAt(at) === ':') at++;
      path = [...top.path, key];
      valueAt = keyAt;
      expectValue = true;
      continue;
    }
    if (top?.kind === 'array' && char === ',') {
      at++;
      top.index++;
      path = [...top.path, top.index];
      valueAt = undefined;
      expectValue = true;
      continue;
    }
    if (char === '}' || char === ']') {
      at++;
      stack.pop();
      expectValue = false;
      continue;
    }
    if (!found.has(pathKey(path))) found.set(pathKey(path), valueAt ?? at);
    valueAt = undefined;
    expectValue = false;
    if (char === '{') {
      stack.push({ kind: 'object', path, index: 0 });
      at++;
      skipBlank();
      if (text.charAt(at) === '"') {
        const keyAt = at;
        const key = readString();
        skipBlank();
        if (text.charAt(at) === ':') at++;
        path = [...(stack[stack.length - 1] as Frame).path, key];
        valueAt = keyAt;
        expectValue = true;
      }
    } else if (char === '[') {
      const frame: Frame = { kind: 'array', path, index: 0 };
      stack.push(frame);
      path = [...frame.path, 0];
      at++;
      expectValue = true;
    } else if (char === '"') {
      readString();
    } else {
      while (at < text.length && !/[\s,\]}]/.test(text.charAt(at))) at++;
    }
  }
  return found;
}

/** The offset of the nearest located ancestor of `path` (the whole text's start at worst). */
export function locate(locations: ReadonlyMap<string, number>, path: JsonPath): number {
  for (let length = path.length; length >= 0; length--) {
    const offset = locations.get(pathKey(path.slice(0, length)));
    if (offset !== undefined) return offset;
  }
  return 0;
}
