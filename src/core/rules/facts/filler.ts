import { fillerKey } from '../../placeholders/normalize';
import type { ReportKind } from '../../templates/types';
import type { DocumentContext } from '../types';
import { reportText } from './reportText';
import type { ReportText, Statement } from './reportText';

const keysByKind = new WeakMap<ReportKind, Set<string>>();

/** Whether a statement is still the template's filler (or holds a `{{NAME}}` slot): it states nothing yet. */
export function isFiller(kind: ReportKind, statement: Statement): boolean {
  if (statement.text.includes('{{')) return true;
  let keys = keysByKind.get(kind);
  if (!keys) {
    const { blocks, values, labels, cells, choices } = kind.placeholders;
    keys = new Set([...blocks, ...values, ...labels, ...cells, ...choices].map(fillerKey));
    keysByKind.set(kind, keys);
  }
  return keys.has(fillerKey(statement.value)) || (statement.label !== undefined && keys.has(fillerKey(statement.label))) || keys.has(fillerKey(statement.text));
}

const statedByText = new WeakMap<ReportText, Statement[]>();

/** The statements of a report that say something: the template's filler and `{{NAME}}` slots left out. */
export function statedFacts(ctx: Pick<DocumentContext, 'doc' | 'sections' | 'kind'>): readonly Statement[] {
  const text = reportText(ctx.doc, ctx.sections);
  let stated = statedByText.get(text);
  if (!stated) {
    stated = text.statements.filter((statement) => !isFiller(ctx.kind, statement));
    statedByText.set(text, stated);
  }
  return stated;
}
