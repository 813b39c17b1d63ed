/** Comparison key for filler text: emphasis markers dropped, whitespace collapsed, case folded. */
export function fillerKey(text: string): string {
  return text.normalize('NFC').replace(/[*_]+/g, '').replace(/\s+/g, ' ').trim().toLowerCase();
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
