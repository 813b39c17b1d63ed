import { fillerKey } from '../../placeholders/normalize';
import type { ReportKind } from '../../templates/types';
import type { StatementText } from './reportText';

const keysByKind = new WeakMap<ReportKind, Set<string>>();

/** Whether a statement is still the template's filler (or holds a `{{NAME}}` slot): it states nothing yet. */
export function isFiller(kind: ReportKind, statement: StatementText): boolean {
  if (statement.text.includes('{{')) return true;
  let keys = keysByKind.get(kind);
  if (!keys) {
    const { blocks, values, labels, cells, choices } = kind.placeholders;
    keys = new Set([...blocks, ...values, ...labels, ...cells, ...choices].map(fillerKey));
    keysByKind.set(kind, keys);
  }
  return keys.has(fillerKey(statement.value)) || (statement.label !== undefined && keys.has(fillerKey(statement.label))) || keys.has(fillerKey(statement.text));
}
