// Small text helpers shared by the generators.

/** Markdown inline code. */
export function code(text: string): string {
  return `\`${text}\``;
}

/** `a`, `a or b`, `a, b or c`. */
export function orList(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} or ${items[items.length - 1] ?? ''}`;
}
