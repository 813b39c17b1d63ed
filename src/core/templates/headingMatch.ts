/**
 * Normalises a heading or section title for comparison: drops leading numbering (`1.`, `1)`, `1.2`,
 * `A.`, `10 `), then folds case, punctuation and whitespace. `## 5) RESULTS` → `results`.
 */
export function normalizeTitle(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/^\s*(?:\d+(?:\.\d+)*[.)]?|[A-Za-z][.)]|[IVXivx]+[.)])(?=\s|$)/, '')
    .toLowerCase()
    .replace(/[\p{P}\p{S}]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}
