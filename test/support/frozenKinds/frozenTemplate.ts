import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The template text of a built-in kind as it was before kinds were compiled from annotated templates. */
export function frozenTemplate(id: string): string {
  return readFileSync(join(__dirname, `${id}.md`), 'utf8');
}
