import type { DocumentRule } from './types';

export const EMPTY_SECTION = 'empty-section';

/**
 * A recognised section or subsection with nothing under its heading. Subsections (or any deeper
 * heading) count as content; blank lines, `---` and HTML comments do not. Headings that are not
 * sections of the kind are the author's own structure and are left alone, and so are the empty
 * subsection headings of a section marked not applicable.
 */
export const emptySection: DocumentRule = {
  id: EMPTY_SECTION,
  description: 'A section or subsection of the report kind has a heading but no content.',
  defaultSeverity: 'warning',
  scope: 'document',
  check({ sections }) {
    return sections.occurrences
      .filter((occurrence) => !occurrence.hasContent && !occurrence.notApplicable)
      .map((occurrence) => ({
        message: occurrence.parent
          ? `Subsection "${occurrence.spec.title}" in "${occurrence.parent.spec.title}" is empty.`
          : `Section "${occurrence.spec.title}" is empty.`,
        start: occurrence.heading.textStart,
        end: occurrence.heading.textEnd,
      }));
  },
};
