/**
 * The quick fix "Disable RULE for this line": an inline suppression (core/suppressions.ts) written
 * where it covers the finding without changing how the report renders. A comment line above a line
 * that starts a block is enough; in the middle of a block (a table row, a paragraph's second line)
 * a comment line would split the block, so the block is wrapped in disable/enable instead. In the
 * front matter, where a comment would break the YAML, the rule is disabled for the file.
 */
import type { LintResult } from '../lint';
import { forEachLine, isAtxHeading, pastBreak } from '../parse/lines';
import { INTERNAL_ERROR_RULE } from '../lint';
import { UNUSED_SUPPRESSION } from '../rules/unusedSuppression';
import type { Finding, Fix } from '../types';

const NOT_SUPPRESSIBLE = [INTERNAL_ERROR_RULE, UNUSED_SUPPRESSION];

interface Line {
  start: number;
  /** Offset of the line break (or the text's end). */
  end: number;
  text: string;
}

function splitLines(text: string): Line[] {
  const lines: Line[] = [];
  forEachLine(text, (start, end) => {
    lines.push({ start, end, text: text.slice(start, end) });
  });
  return lines;
}

const blank = (line: Line | undefined): boolean => line === undefined || line.text.trim() === '';
const isHeading = (line: Line | undefined): boolean => line !== undefined && isAtxHeading(line.text);
const isComment = (line: Line | undefined): boolean => line !== undefined && /^\s*<!--.*-->\s*$/.test(line.text);
const NEXT_LINE_COMMENT = /<!--[ \t]*mlreport-disable-next-line\b([^>]*?)[ \t]*-->/;

/** The fix that suppresses `finding` of a lint result, or undefined for findings that cannot be suppressed. */
export function disableFix(result: LintResult, finding: Finding): Fix | undefined {
  if (NOT_SUPPRESSIBLE.includes(finding.rule)) return undefined;
  const text = result.doc.text;
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const rule = finding.rule;
  const lines = splitLines(text);
  const index = finding.range.start.line - 1;
  const line = lines[index];
  if (!line) return undefined;

  const frontMatter = result.doc.frontMatter;
  if (frontMatter && finding.range.start.offset < frontMatter.end) {
    const at = pastBreak(text, frontMatter.end);
    const lead = at === frontMatter.end ? eol : '';
    return { title: `Disable ${rule} for this file`, edits: [{ start: at, end: at, newText: `${lead}${eol}<!-- mlreport-disable-file ${rule} -->${eol}` }] };
  }

  const previous = lines[index - 1];
  const startsBlock = blank(previous) || isHeading(previous) || isComment(previous);
  if (startsBlock) {
    const existing = previous && NEXT_LINE_COMMENT.exec(previous.text);
    if (existing && previous) {
      const ids = (existing[1] ?? '').trim();
      if (ids === '' || ids.split(/\s+/).includes(rule)) return undefined;
      const at = previous.start + existing.index + existing[0].lastIndexOf('-->');
      const before = text.slice(previous.start, at);
      return { title: `Disable ${rule} for this line`, edits: [{ start: at, end: at, newText: `${/\s$/.test(before) ? '' : ' '}${rule} ` }] };
    }
    return { title: `Disable ${rule} for this line`, edits: [{ start: line.start, end: line.start, newText: `${indent(line)}<!-- mlreport-disable-next-line ${rule} -->${eol}` }] };
  }

  let first = index;
  while (first > 0 && !blank(lines[first - 1]) && !isHeading(lines[first - 1]) && !isComment(lines[first - 1])) first--;
  let last = index;
  while (last + 1 < lines.length && !blank(lines[last + 1]) && !isHeading(lines[last + 1])) last++;
  const top = lines[first] as Line;
  const bottom = lines[last] as Line;
  return {
    title: `Disable ${rule} for this block (lines ${first + 1}-${last + 1})`,
    edits: [
      { start: top.start, end: top.start, newText: `${indent(top)}<!-- mlreport-disable ${rule} -->${eol}` },
      { start: bottom.end, end: bottom.end, newText: `${eol}${indent(top)}<!-- mlreport-enable ${rule} -->` },
    ],
  };
}

function indent(line: Line): string {
  return /^[ \t]*/.exec(line.text)?.[0] ?? '';
}
