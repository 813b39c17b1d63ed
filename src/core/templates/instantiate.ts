/**
 * Fills a kind's template for a new report: `{{DATE}}` always, `{{TITLE}}` and `{{AUTHORS}}` when
 * given (otherwise they stay, as placeholders the linter points at). In the front matter a value is
 * written as a YAML scalar, quoted when YAML would read it as something else; in the body it is plain.
 */
import { frontMatterBlock } from '../parse/lines';

export interface TemplateValues {
  /** `YYYY-MM-DD`. */
  date: string;
  title?: string | undefined;
  authors?: readonly string[] | undefined;
}

export function instantiateTemplate(template: string, values: TemplateValues): string {
  const slots: Record<string, string> = { DATE: values.date };
  const title = values.title === undefined ? '' : oneLine(values.title);
  if (title !== '') slots['TITLE'] = title;
  const authors = (values.authors ?? []).map(oneLine).filter((author) => author !== '');
  if (authors.length > 0) slots['AUTHORS'] = authors.join(', ');

  const frontMatter = template.slice(0, frontMatterBlock(template)?.next ?? 0);
  const body = template.slice(frontMatter.length);
  return fillFrontMatter(frontMatter, slots) + fillText(body, slots);
}

/** Today's local date as `YYYY-MM-DD`. */
export function localDate(now: Date): string {
  const pad = (n: number): string => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

function fillText(text: string, slots: Readonly<Record<string, string>>): string {
  return text.replace(/\{\{([A-Z][A-Z0-9_]*)\}\}/g, (slot, name: string) => slots[name] ?? slot);
}

/** A slot that is a key's whole value becomes a YAML scalar; a slot inside other text is filled plainly. */
function fillFrontMatter(text: string, slots: Readonly<Record<string, string>>): string {
  return text
    .replace(/^([ \t]*[^\s:#][^:\r\n]*:[ \t]+)\{\{([A-Z][A-Z0-9_]*)\}\}([ \t]*)$/gm, (line, key: string, name: string, trail: string) => {
      const value = slots[name];
      return value === undefined ? line : `${key}${yamlScalar(value)}${trail}`;
    })
    .replace(/\{\{([A-Z][A-Z0-9_]*)\}\}/g, (slot, name: string) => slots[name] ?? slot);
}

const YAML_WORDS = /^(?:true|false|yes|no|on|off|y|n|null|~)$/i;
/** Characters YAML does not allow raw (or reads as line breaks), which `JSON.stringify` leaves as they are. */
const YAML_UNSAFE = /[\u007f-\u009f\u2028\u2029\ufeff\ufffe\uffff]/;
const PLAIN_SAFE = /^[\p{L}\p{N}_(][^:#\r\n"'`{}[\]|>&*!%@]*$/u;

/** `value` as a YAML scalar that reads back as the same string. */
export function yamlScalar(value: string): string {
  const isoDate = /^\d{4}-\d{2}-\d{2}$/.test(value);
  const plain = isoDate || (PLAIN_SAFE.test(value) && !YAML_WORDS.test(value) && !/^[\d.+-]/.test(value));
  if (plain && !YAML_UNSAFE.test(value)) return value;
  return JSON.stringify(value).replace(new RegExp(YAML_UNSAFE.source, 'g'), (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** Titles and names are one line of text: control characters and line breaks become spaces. */
function oneLine(text: string): string {
  return text.replace(/[\p{Cc}\s]+/gu, ' ').trim();
}
