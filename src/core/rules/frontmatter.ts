import type { ParsedDocument } from '../parse/document';
import type { FrontMatter, FrontMatterEntry } from '../parse/frontMatter';
import { frontMatterEntries } from '../parse/frontMatter';
import { isIsoDate } from '../parse/isoDate';
import { isFrontMatterFence } from '../parse/lines';
import { BUILTIN_KINDS, findKind } from '../templates/registry';
import type { ReportKind } from '../templates/types';
import type { RawFinding } from '../types';
import type { DocumentRule } from './types';

export const FRONTMATTER = 'frontmatter';

export const frontmatter: DocumentRule = {
  id: FRONTMATTER,
  description: 'The report starts with valid YAML front matter holding the keys its kind requires, a known `type` and a real `date`.',
  defaultSeverity: 'warning',
  scope: 'document',
  check({ doc, kind }) {
    const fm = doc.frontMatter;
    if (!fm) return [absentFrontMatter(doc, kind)];
    if (fm.error) return [{ message: fm.error.message, severity: 'error', start: fm.error.offset, end: lineEndAt(doc, fm.error.offset) }];
    const data = fm.data ?? {};
    const entries = new Map<string, FrontMatterEntry>();
    for (const entry of frontMatterEntries(fm)) entries.set(entry.key, entry);
    return [
      ...requiredKeys(fm, data, entries, kind),
      ...unknownType(data, entries.get('type'), kind),
      ...badDate(data, entries.get('date')),
    ];
  },
};

function absentFrontMatter(doc: ParsedDocument, kind: ReportKind): RawFinding {
  const firstLineEnd = doc.lines.lineEnd(1);
  if (isFrontMatterFence(doc.text.slice(0, firstLineEnd))) {
    return { message: 'Front matter is never closed: add a "---" line after its last key.', severity: 'error', start: 0, end: firstLineEnd };
  }
  const keys = ['type', ...kind.requiredFrontMatter.filter((key) => key !== 'type')];
  const lines = keys.map((key) => (key === 'type' ? `"type: ${kind.id}"` : `"${key}:"`));
  return {
    message: `No front matter. Start the file with a "---" line, then ${lines.join(', ')}, and a closing "---" line.`,
    start: 0,
    end: firstLineEnd,
  };
}

function requiredKeys(fm: FrontMatter, data: Readonly<Record<string, unknown>>, entries: Map<string, FrontMatterEntry>, kind: ReportKind): RawFinding[] {
  const findings: RawFinding[] = [];
  for (const key of kind.requiredFrontMatter) {
    const entry = entries.get(key);
    if (!Object.hasOwn(data, key)) {
      findings.push({
        message: `Front matter has no "${key}:"; ${kind.name} reports need it.`,
        start: fm.start,
        end: fm.start + 3,
        data: { key },
      });
    } else if (isEmpty(data[key]) && !entry?.value.includes('{{')) {
      findings.push({
        message: `Front matter "${key}:" is empty.`,
        start: entry?.keyStart ?? fm.start,
        end: entry?.keyEnd ?? fm.start + 3,
        data: { key },
      });
    }
  }
  return findings;
}

/** A declared type that names no kind; only reachable when the kind was forced, since otherwise it picks the kind. */
function unknownType(data: Readonly<Record<string, unknown>>, entry: FrontMatterEntry | undefined, kind: ReportKind): RawFinding[] {
  const declared = data['type'];
  if (declared === undefined || isEmpty(declared) || entry?.value.includes('{{')) return [];
  if (typeof declared === 'string' && (declared === kind.id || findKind(declared))) return [];
  const known = [...new Set([...BUILTIN_KINDS.map((k) => k.id), kind.id])].join(', ');
  const shown = typeof declared === 'string' ? `"type: ${declared}"` : entry?.value ? `"type: ${entry.value}"` : `"type:" (${describeValue(declared)})`;
  return [{
    message: `Front matter ${shown} is not a known report kind (known kinds: ${known}); linted as ${kind.id}.`,
    start: entry?.value ? entry.valueStart : (entry?.keyStart ?? 0),
    end: entry?.value ? entry.valueEnd : (entry?.keyEnd ?? 3),
  }];
}

/** `date` must be a calendar date; a `{{DATE}}` slot is left to the placeholder rule. */
function badDate(data: Readonly<Record<string, unknown>>, entry: FrontMatterEntry | undefined): RawFinding[] {
  const value = data['date'];
  if (value === undefined || isEmpty(value) || !entry || entry.value.includes('{{')) return [];
  if (typeof value === 'string' && isIsoDate(value)) return [];
  return [{
    message: `Front matter date "${entry.value}" is not a valid date; write it as YYYY-MM-DD (or an ISO 8601 date and time).`,
    start: entry.valueStart,
    end: entry.valueEnd,
  }];
}

/** What a YAML value is, in a few words: never expanded, since aliases may share it thousands of times. */
function describeValue(value: unknown): string {
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object' && value !== null) return 'a mapping';
  return `the ${typeof value} ${String(value)}`;
}

function isEmpty(value: unknown): boolean {
  return value === null || value === undefined || (typeof value === 'string' && value.trim() === '') || (Array.isArray(value) && value.length === 0);
}

function lineEndAt(doc: ParsedDocument, offset: number): number {
  return Math.max(offset, doc.lines.lineEnd(doc.lines.point(offset).line));
}
