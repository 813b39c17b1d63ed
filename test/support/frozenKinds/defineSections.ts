import type { SectionSpec } from '../../../src/core/templates/types';

interface SectionInput {
  title: string;
  required?: boolean;
  aliases?: readonly string[];
  children?: readonly SectionInput[];
}

/** Builds a kind's section tree from a compact description; ids are derived from the titles. */
export function defineSections(inputs: readonly SectionInput[], level = 2, parentId = ''): SectionSpec[] {
  return inputs.map((input) => {
    const id = `${parentId}${slug(input.title)}`;
    return {
      id,
      title: input.title,
      level,
      required: input.required ?? true,
      aliases: input.aliases ?? [],
      children: defineSections(input.children ?? [], level + 1, `${id}/`),
    };
  });
}

function slug(title: string): string {
  return title.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
}
