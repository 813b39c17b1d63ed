import { fillerKey, mayHaveKeyOfLength } from '../../placeholders/normalize';
import type { ReportKind } from '../../templates/types';
import type { StatementText } from './reportText';

const keysByKind = new WeakMap<ReportKind, { keys: Set<string>; longest: number }>();

/** Whether a statement is still the template's filler (or holds a `{{NAME}}` slot): it states nothing yet. */
export function isFiller(kind: ReportKind, statement: StatementText): boolean {
  if (statement.text.includes('{{')) return true;
  let known = keysByKind.get(kind);
  if (!known) {
    const { blocks, values, labels, cells, choices } = kind.placeholders;
    const keys = new Set([...blocks, ...values, ...labels, ...cells, ...choices].map(fillerKey));
    known = { keys, longest: Math.max(0, ...[...keys].map((key) => key.length)) };
    keysByKind.set(kind, known);
  }
  const { keys, longest } = known;
  const isKey = (text: string): boolean => mayHaveKeyOfLength(text, longest) && keys.has(fillerKey(text));
  return isKey(statement.value) || (statement.label !== undefined && isKey(statement.label)) || isKey(statement.text);
}
