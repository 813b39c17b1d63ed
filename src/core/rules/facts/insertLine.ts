import type { ParsedDocument } from '../../parse/document';
import type { SectionOccurrence } from '../../sections/sectionMap';
import { detectEol } from '../../text/lineIndex';
import type { TextEdit } from '../../types';

/**
 * An edit that adds a list line at the end of a section's own content (before its first subsection),
 * after any trailing blank lines, `---` and HTML comments are skipped: it joins a list that ends the
 * section, and follows other content after a blank line.
 */
export function appendLineEdit(doc: ParsedDocument, occurrence: SectionOccurrence, line: string): TextEdit {
  const next = doc.headings[occurrence.headingIndex + 1];
  const limit = next && next.start < occurrence.end ? next.start : occurrence.end;
  const eol = detectEol(doc.text);
  const lines = doc.text.slice(occurrence.heading.end, limit).split(/\r\n|\n|\r/);
  let at = limit;
  // Walk back over trailing lines that are not content.
  let offset = limit;
  for (let i = lines.length - 1; i >= 0; i--) {
    const text = lines[i] as string;
    const lineStart = offset - text.length;
    if (text.trim() === '' || /^\s{0,3}([-*_])(\s*\1){2,}\s*$/.test(text) || /^\s*<!--.*-->\s*$/.test(text)) {
      offset = lineStart - (i > 0 ? eolLengthBefore(doc.text, lineStart) : 0);
      continue;
    }
    at = lineStart + text.length;
    const inList = /^\s*(?:[-*+]|\d+[.)])\s/.test(text);
    return { start: at, end: at, newText: `${inList ? eol : eol + eol}${line}` };
  }
  at = occurrence.heading.end;
  return { start: at, end: at, newText: `${eol}${eol}${line}` };
}

function eolLengthBefore(text: string, lineStart: number): number {
  if (text.charAt(lineStart - 1) === '\n') return text.charAt(lineStart - 2) === '\r' ? 2 : 1;
  return text.charAt(lineStart - 1) === '\r' ? 1 : 0;
}
