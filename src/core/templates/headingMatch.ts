import { detached } from '../text/detached';
/**
 * Leading section numbering: `1.`, `1)`, `1.2`, `1.2.`, `10 `, `A.`, `b)`, `IV.`. A letter or roman
 * numeral needs its `.` or `)`; every kind of numbering must be followed by whitespace or the end,
 * except digits closed by `.` or `)` (`1.Objective`).
 */
const NUMBERING = /^\s*(?:\d+(?:\.\d+)*(?:[.)]|(?=\s|$))|(?:[A-Za-z]|[IVXivx]+)[.)](?=\s|$))\s*/;

/** A heading's text without its leading numbering: `5.1 Quantitative Results` → `Quantitative Results`. */
export function stripNumbering(text: string): string {
  const stripped = text.replace(NUMBERING, '');
  return stripped.length > 0 ? stripped : text;
}

/** Whether a heading's text starts with section numbering. */
export function hasNumbering(text: string): boolean {
  return stripNumbering(text) !== text;
}

/**
 * Normalises a heading or section title for comparison: drops leading numbering (`1.`, `1)`, `1.2`,
 * `A.`, `10 `), then folds case, punctuation and whitespace, and reads `&` as `and`. `## 5) RESULTS` → `results`.
 */
export function normalizeTitle(text: string): string {
  let normalized = normalizedTitles.get(text);
  if (normalized === undefined) {
    // The section map normalises every heading on every update: the same few thousand titles.
    if (normalizedTitles.size >= 20_000) normalizedTitles.clear();
    normalized = normalize(text);
    normalizedTitles.set(detached(text), normalized);
  }
  return normalized;
}

const normalizedTitles = new Map<string, string>();

function normalize(text: string): string {
  return stripNumbering(text.normalize('NFKC'))
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/[0-9#*]\uFE0F?\u20E3/gu, ' ')
    .replace(/[\p{P}\p{S}\p{Cf}][\p{M}\p{Cf}]*/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}
