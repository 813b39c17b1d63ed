import { defineSections } from './sectionSpec';
import { TEMPLATE_TEXT } from './text/templateText.generated';
import type { ReportKind } from './types';

export const experimentReport: ReportKind = {
  id: 'ml-experiment-report',
  name: 'ML Experiment Report',
  description: 'A complete, reproducible report of one ML experiment: objective, data, model, training, results, analysis.',
  template: TEMPLATE_TEXT['ml-experiment-report'] ?? '',
  requiredFrontMatter: ['title', 'authors', 'date', 'type'],
  sections: defineSections([
    {
      title: 'Executive Summary',
      aliases: ['Summary', 'Abstract', 'TL;DR', 'Overview'],
      children: [
        { title: 'Key Findings', aliases: ['Findings', 'Key Results'] },
        { title: 'Recommendations', aliases: ['Recommendation'] },
      ],
    },
    {
      title: 'Objective',
      aliases: ['Objectives', 'Goal', 'Goals'],
      children: [
        { title: 'Research Question', aliases: ['Research Questions', 'Question'] },
        { title: 'Success Criteria', aliases: ['Success Metrics'] },
        { title: 'Constraints' },
      ],
    },
    {
      title: 'Dataset',
      aliases: ['Data', 'Datasets'],
      children: [
        { title: 'Data Description', aliases: ['Dataset Description', 'Description'] },
        { title: 'Data Splits', aliases: ['Splits', 'Data Split'] },
        { title: 'Data Quality' },
        { title: 'Exploratory Analysis', aliases: ['Exploratory Data Analysis', 'EDA'] },
      ],
    },
    {
      title: 'Model',
      aliases: ['Models', 'Model Architecture', 'Method', 'Methods'],
      children: [
        { title: 'Architecture', aliases: ['Model Architecture'] },
        { title: 'Model Specifications', aliases: ['Model Specification', 'Specifications'] },
        { title: 'Baseline Models', aliases: ['Baselines', 'Baseline'] },
      ],
    },
    {
      title: 'Training',
      aliases: ['Training Setup', 'Training Procedure'],
      children: [
        { title: 'Hyperparameters', aliases: ['Hyper-parameters', 'Hyperparameter'] },
        { title: 'Training Process', aliases: ['Training Procedure', 'Training Loop'] },
        { title: 'Computational Resources', aliases: ['Compute', 'Compute Resources', 'Resources'] },
        { title: 'Training Curves', aliases: ['Learning Curves'] },
      ],
    },
    {
      title: 'Results',
      aliases: ['Evaluation', 'Evaluation Results'],
      children: [
        { title: 'Quantitative Results', aliases: ['Main Results'] },
        { title: 'Statistical Significance', aliases: ['Significance'] },
        { title: 'Per-Class Performance', aliases: ['Per Class Results', 'Per-Class Results'] },
        { title: 'Qualitative Results', aliases: ['Qualitative Analysis', 'Examples'] },
      ],
    },
    {
      title: 'Analysis',
      aliases: ['Discussion'],
      children: [
        { title: 'Ablation Study', aliases: ['Ablations', 'Ablation Studies', 'Ablation'] },
        { title: 'Error Analysis' },
        { title: 'Feature Importance' },
      ],
    },
    {
      title: 'Robustness',
      aliases: ['Robustness Analysis', 'Generalization'],
      children: [
        { title: 'Cross-Dataset Evaluation', aliases: ['Cross Dataset Evaluation', 'Out-of-Distribution Evaluation'] },
        { title: 'Adversarial Robustness' },
        { title: 'Fairness Analysis', aliases: ['Fairness'] },
      ],
    },
    {
      title: 'Deployment Considerations',
      aliases: ['Deployment'],
      children: [
        { title: 'Model Size' },
        { title: 'Inference Speed', aliases: ['Latency', 'Inference Latency'] },
        { title: 'Production Requirements', aliases: ['Requirements'] },
      ],
    },
    {
      title: 'Conclusions',
      aliases: ['Conclusion'],
      children: [
        { title: 'Summary' },
        { title: 'Did We Meet Objectives?', aliases: ['Objectives Met', 'Objective Status'] },
        { title: 'Lessons Learned', aliases: ['Lessons'] },
      ],
    },
    {
      title: 'Next Steps',
      aliases: ['Future Work'],
      children: [
        { title: 'Short-term (1-2 weeks)', aliases: ['Short-term', 'Short term'] },
        { title: 'Medium-term (1-2 months)', aliases: ['Medium-term', 'Medium term'] },
        { title: 'Long-term (3+ months)', aliases: ['Long-term', 'Long term'] },
      ],
    },
    { title: 'References', aliases: ['Bibliography', 'Citations'] },
    {
      title: 'Appendix',
      required: false,
      aliases: ['Appendices'],
      children: [
        { title: 'Hyperparameter Search', required: false, aliases: ['Hyperparameter Tuning'] },
        { title: 'Additional Experiments', required: false },
        { title: 'Code', required: false, aliases: ['Code and Artifacts'] },
        { title: 'Data Card', required: false },
        { title: 'Model Card', required: false },
      ],
    },
  ]),
  placeholders: {
    blocks: [],
    values: [],
    labels: [],
    cells: [],
    rows: [],
    choices: [],
    inline: [],
    code: [],
  },
};
