import { BUILTIN_KIND_DATA } from './builtinKinds.generated';
import type { ReportKind } from './types';

/**
 * The built-in kinds, compiled from the annotated templates in `text/` (see scripts/gen-kinds.ts), hover
 * guidance included (`guidance`, `example` and `slot` annotations).
 */
export const BUILTIN_KINDS: readonly ReportKind[] = BUILTIN_KIND_DATA;

/** Looks a kind up by its `type:` id among the built-in kinds and any extra ones (extra ones win). */
export function findKind(id: string, extra: readonly ReportKind[] = []): ReportKind | undefined {
  return extra.find((kind) => kind.id === id) ?? BUILTIN_KINDS.find((kind) => kind.id === id);
}

export function allKinds(extra: readonly ReportKind[] = []): ReportKind[] {
  const ids = new Set(extra.map((kind) => kind.id));
  return [...extra, ...BUILTIN_KINDS.filter((kind) => !ids.has(kind.id))];
}
