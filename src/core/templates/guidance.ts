import type { KindGuidance } from './types';

/** Slots every built-in template shares. */
const COMMON_SLOTS: KindGuidance['slots'] = {
  TITLE: { what: 'A title that names the task, the model and the data, so the report is found again.', example: 'ResNet-50 fine-tuning on CIFAR-10' },
  AUTHORS: { what: 'Who ran the work and wrote the report: names, comma-separated (a YAML list in the front matter).', example: '[Ana Pereira, Tom Okafor]' },
  DATE: { what: 'The date of the report, as YYYY-MM-DD.', example: '2025-03-14' },
};

export const EXPERIMENT_REPORT_GUIDANCE: KindGuidance = {
  slots: {
    ...COMMON_SLOTS,
    ABSTRACT: {
      what: 'Three to five sentences: what was tried, on which data, the headline number against the baseline, and the decision it leads to.',
      example: 'We fine-tuned ResNet-50 on CIFAR-10; it reaches 96.1% test accuracy, up from 93.4% for the from-scratch baseline. We recommend it for the labelling pipeline.',
    },
  },
  sections: {
    'executive-summary': { what: 'The report in a paragraph for a reader who reads nothing else: the result, its size, the recommendation.' },
    'executive-summary/key-findings': { what: 'Three to five findings, each with its number.', example: '- Fine-tuning beats training from scratch by 2.7 points of accuracy.' },
    'executive-summary/recommendations': { what: 'What to do next because of these findings.', example: '- Ship the fine-tuned model behind a flag.' },
    objective: { what: 'Why the experiment was run: the question, how success is measured, and what limited it.' },
    'objective/research-question': { what: 'One question the experiment answers, specific enough to be answered yes or no.', example: 'Does ImageNet pre-training improve CIFAR-10 accuracy by at least 2 points?' },
    'objective/success-criteria': { what: 'Each metric with the value that counts as success, fixed before the run.', example: '- **Top-1 accuracy**: at least 95% on the test split' },
    'objective/constraints': { what: 'Budget, time and data limits the experiment had to respect.', example: '- One A100 for at most 12 hours' },
    dataset: { what: 'The data: what it is, how it was split, its quality and what exploring it showed.' },
    'dataset/data-description': { what: 'Source, size, classes or targets, licence.', example: '| Source | CIFAR-10 (Krizhevsky, 2009) |' },
    'dataset/data-splits': { what: 'How many examples each split holds and how the split was made (random, by time, by user).', example: '| Train | 45,000 examples | 75% |' },
    'dataset/data-quality': { what: 'Missing values, label noise, duplicates, leakage checks.' },
    'dataset/exploratory-analysis': { what: 'What looking at the data showed: class balance, distributions, surprises.' },
    model: { what: 'The model and the baselines it is compared with.' },
    'model/architecture': { what: 'The architecture, its size and any change made to it.', example: 'ResNet-50 (25.6 M parameters), final layer replaced by a 10-way classifier.' },
    'model/model-specifications': { what: 'Parameters, input size, framework and version.' },
    'model/baseline-models': { what: 'What the model is compared with, and each baseline\'s score.', example: '1. **From scratch**: 93.4% accuracy' },
    training: { what: 'How the model was trained, so that someone else can repeat it.' },
    'training/hyperparameters': { what: 'Every hyperparameter with its value, and how it was chosen.', example: '| Learning rate | 0.001 | cosine decay |' },
    'training/training-process': { what: 'Optimiser, schedule, early stopping, number of epochs, seeds.' },
    'training/computational-resources': { what: 'Hardware, training time and cost.', example: 'One A100 40 GB, 3 h 20 min per run.' },
    'training/training-curves': { what: 'Loss and metric curves, with where to find the plots.' },
    results: { what: 'The numbers: main results, their significance, per-class breakdown and examples.' },
    'results/quantitative-results': { what: 'A table of every model and baseline on every metric, on the test split.', example: '| ResNet-50 (fine-tuned) | 96.1% | 0.96 |' },
    'results/statistical-significance': { what: 'Seeds, confidence intervals or a test showing the difference is real.', example: 'Five seeds: 96.1 ± 0.2%.' },
    'results/per-class-performance': { what: 'Where the model does well and where it does not, class by class.' },
    'results/qualitative-results': { what: 'Examples of predictions, good and bad.' },
    analysis: { what: 'Why the results are what they are: ablations, errors, what the model relies on.' },
    'analysis/ablation-study': { what: 'What each component contributes, one removed at a time.' },
    'analysis/error-analysis': { what: 'The kinds of mistakes the model makes, and how often.' },
    'analysis/feature-importance': { what: 'What inputs the model relies on.' },
    robustness: { what: 'How the model holds up beyond the test split.' },
    'robustness/cross-dataset-evaluation': { what: 'Results on other datasets than the one trained on.' },
    'robustness/adversarial-robustness': { what: 'Results under perturbations or attacks.' },
    'robustness/fairness-analysis': { what: 'Results across groups, and any gaps.' },
    'deployment-considerations': { what: 'What running the model in production takes.' },
    'deployment-considerations/model-size': { what: 'Size on disk and in memory.' },
    'deployment-considerations/inference-speed': { what: 'Latency and throughput on the target hardware.', example: '| A100, batch 64 | 2.1 ms per image |' },
    'deployment-considerations/production-requirements': { what: 'Hardware, dependencies, monitoring needed in production.' },
    conclusions: { what: 'What the experiment showed, whether it met its objectives, what was learned.' },
    'conclusions/summary': { what: 'The answer to the research question, in two or three sentences.' },
    'conclusions/did-we-meet-objectives': { what: 'Each success criterion, met or not, with its number.' },
    'conclusions/lessons-learned': { what: 'What to do differently next time.' },
    'next-steps': { what: 'What follows from this experiment, by horizon.' },
    references: { what: 'Papers, datasets and code the report relies on.', example: '1. He et al., Deep Residual Learning for Image Recognition, CVPR 2016.' },
    appendix: { what: 'Optional detail: searches, extra experiments, code, data and model cards.' },
  },
};

export const TASK_SPEC_GUIDANCE: KindGuidance = {
  slots: {
    ...COMMON_SLOTS,
    PROJECT: { what: 'The project or product this task belongs to.', example: 'Support ticket triage' },
  },
  sections: {
    abstract: { what: 'The task in a paragraph: what is to be learned, from what data, and how success is judged.' },
    'background-and-motivation': { what: 'Why the task matters now, and what exists today.' },
    'problem-definition': { what: 'Inputs, outputs, task type and the metric that decides.' },
    'models-and-approach': { what: 'The models to try and how they will be trained.' },
    'experimental-setup': { what: 'Environment, data split, reproducibility and logging, so runs can be compared.' },
    'results-and-analysis': { what: 'The metrics to report, the size/performance trade-off, and anything unexpected.' },
    'conclusion-and-future-work': { what: 'What will be decided from the results, and what comes after.' },
    'appendix-and-references': { what: 'Where the logs, code and references are.' },
  },
};

/** Guidance for the built-in kinds, by kind id. */
export const BUILTIN_GUIDANCE: Readonly<Record<string, KindGuidance>> = {
  'ml-experiment-report': EXPERIMENT_REPORT_GUIDANCE,
  'ml-task-spec': TASK_SPEC_GUIDANCE,
};
