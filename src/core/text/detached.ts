/**
 * The text in a string of its own. A string V8 cuts from a longer one (a slice, a `trim()`, a regex
 * match) keeps the whole longer string alive for as long as it lives; a copy kept in a cache or a
 * long-lived fact holds only itself. Short strings (under 13 characters) are always copies.
 */
export function detached(text: string): string {
  return text.length < 13 ? text : `\u0000${text}`.slice(1);
}
