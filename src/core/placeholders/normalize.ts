/** Comparison key for filler text: emphasis markers dropped, whitespace collapsed, case folded. */
export function fillerKey(text: string): string {
  return text.normalize('NFC').replace(/[*_]+/g, '').replace(/\s+/g, ' ').trim().toLowerCase();
}

/**
 * Whether the key of `text` can be as short as `maxKeyLength`: false when the text holds far more
 * characters than a key keeps (not whitespace, `*` or `_`), so that a 5,000-line log is not
 * normalised only to find that it is no template filler. Looks at no more of the text than it needs.
 */
export function mayHaveKeyOfLength(text: string, maxKeyLength: number): boolean {
  // Unicode normalisation can merge a character with the marks after it, so allow a wide margin.
  const bound = 4 * maxKeyLength + 16;
  if (text.length <= bound) return true;
  let kept = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 32 || code === 9 || code === 10 || code === 13 || code === 42 || code === 95) continue;
    if (++kept > bound) return false;
  }
  return true;
}

/** Comparison key for example code: whitespace collapsed, nothing else changed. */
export function codeKey(text: string): string {
  return text.normalize('NFC').replace(/\s+/g, ' ').trim();
}

/** Text as a message quotes it: whitespace collapsed, cut at `max` characters with an ellipsis. */
export function quoted(text: string, max = 80): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length <= max ? flat : `${flat.slice(0, max - 1).trimEnd()}…`;
}
