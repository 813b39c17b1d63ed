import { defineSections } from './sectionSpec';
import { TEMPLATE_TEXT } from './text/templateText.generated';
import type { ReportKind } from './types';

export const taskSpec: ReportKind = {
  id: 'ml-task-spec',
  name: 'ML Task Specification',
  description: 'A nine-section, Bengio-style fine-tuning task specification: reproducible, explainable, comparable.',
  template: TEMPLATE_TEXT['ml-task-spec'] ?? '',
  requiredFrontMatter: ['title', 'authors', 'date', 'version', 'project', 'type'],
  sections: defineSections([
    { title: 'Abstract', aliases: ['Summary', 'Overview'] },
    { title: 'Background and Motivation', aliases: ['Background', 'Motivation'] },
    { title: 'Problem Definition', aliases: ['Problem Statement', 'Task Definition'] },
    { title: 'Models and Approach', aliases: ['Models', 'Approach', 'Method', 'Methods'] },
    { title: 'Experimental Setup', aliases: ['Setup', 'Experiment Setup'] },
    { title: 'Results and Analysis', aliases: ['Results', 'Analysis'] },
    { title: 'Conclusion and Future Work', aliases: ['Conclusion', 'Conclusions', 'Future Work'] },
    { title: 'Appendix and References', aliases: ['Appendix', 'References'] },
  ]),
  placeholders: { blocks: [], values: [], labels: [], cells: [], rows: [], choices: [], inline: [], code: [] },
};
