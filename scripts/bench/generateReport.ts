/**
 * Generates realistic ML experiment reports for the benchmark: front matter, every section of the
 * `ml-experiment-report` kind in order, many GFM tables, Python fences whose `# comment` lines look like
 * headings, lists, task lists, block quotes, a few placeholders left unfilled and a few broken table rows.
 * Longer reports add experiment runs (`### Run 17 …`) with their own varied text and numbers, so no two
 * chunks are identical and the chunk cache is not flattered by duplicates. Deterministic for a seed.
 */
import { Random } from './random';

export interface ReportOptions {
  /** Approximate number of lines wanted; the report stops at the first run that reaches it. */
  lines: number;
  seed?: number;
}

const MODELS = ['ResNet-50', 'ViT-B/16', 'BERT-base', 'RoBERTa-large', 'XGBoost', 'LightGBM', 'T5-small', 'DistilBERT', 'EfficientNet-B3', 'ConvNeXt-T', 'Logistic Regression', 'MLP-3x512'];
const DATASETS = ['CIFAR-100', 'ImageNet-1k', 'SST-2', 'MNLI', 'Criteo-1TB', 'AG News', 'SQuAD v2', 'Tabular Churn v3', 'OpenImages-subset', 'CheXpert'];
const OPTIMIZERS = ['AdamW', 'SGD', 'Adam', 'LAMB', 'Adafactor', 'RMSprop'];
const SCHEDULES = ['Cosine', 'Linear warmup', 'Step (x0.1 @ 30, 60)', 'OneCycle', 'Constant', 'Polynomial'];
const AUGMENTATIONS = ['RandAugment', 'MixUp', 'CutMix', 'random crop + flip', 'back-translation', 'token dropout', 'none'];
const SUBJECTS = ['The model', 'The baseline', 'Validation loss', 'The learning-rate warmup', 'Label smoothing', 'Gradient clipping', 'The data pipeline', 'Mixed precision', 'The tokenizer', 'Early stopping', 'Weight decay', 'The ablated variant'];
const VERBS = ['improves', 'stabilises', 'degrades', 'does not change', 'slightly reduces', 'dominates', 'explains most of', 'interacts with', 'saturates', 'halves'];
const OBJECTS = ['accuracy on the minority classes', 'the calibration error', 'training throughput', 'the variance across seeds', 'the gap to the baseline', 'convergence speed', 'memory use per device', 'the F1 score on long inputs', 'robustness to label noise', 'the number of epochs needed'];
const TAILS = ['in every run we tried', 'once the batch size exceeds 256', 'but only after epoch 20', 'within the confidence interval', 'on the held-out split', 'compared with the previous report', 'when the dataset is deduplicated', 'which we did not expect', 'at a modest compute cost', 'for both tokenizers'];
const CLASSES = ['cat', 'dog', 'truck', 'airplane', 'ship', 'frog', 'horse', 'bird', 'deer', 'automobile', 'positive', 'negative', 'neutral', 'spam', 'ham', 'churn', 'retain'];
const PEOPLE = ['Ada Lovelace', 'Alan Turing', 'Grace Hopper', 'Katherine Johnson', 'Geoffrey Hinton', 'Fei-Fei Li', 'Yoshua Bengio', 'Daphne Koller'];

class ReportWriter {
  readonly lines: string[] = [];
  /** Set after a heading written without a blank line after it: its content follows directly. */
  private tight = false;

  constructor(readonly rng: Random) {}

  /** Runs a writer and returns the lines it wrote, without blank lines at either end. */
  capture(write: () => void): string[] {
    const start = this.lines.length;
    this.tight = false;
    write();
    const lines = this.lines.splice(start);
    while (lines[0] === '') lines.shift();
    while (lines[lines.length - 1] === '') lines.pop();
    return lines;
  }

  add(...lines: string[]): void {
    this.tight = false;
    this.lines.push(...lines);
  }

  blank(): void {
    if (this.tight) this.tight = false;
    else if (this.lines[this.lines.length - 1] !== '') this.lines.push('');
  }

  /** Headings are followed by a blank line or, as often in real reports, directly by their content. */
  heading(depth: number, text: string): void {
    this.blank();
    this.add(`${'#'.repeat(depth)} ${text}`);
    if (this.rng.chance(0.6)) this.tight = true;
    else this.add('');
  }

  sentence(): string {
    const r = this.rng;
    return `${r.pick(SUBJECTS)} ${r.pick(VERBS)} ${r.pick(OBJECTS)} ${r.pick(TAILS)}.`;
  }

  paragraph(sentences = this.rng.int(1, 4)): void {
    this.blank();
    const text = Array.from({ length: sentences }, () => this.sentence()).join(' ');
    // Wrap like an editor would, so an edit touches one line of a multi-line paragraph.
    const words = text.split(' ');
    let line = '';
    for (const word of words) {
      if (line.length + word.length > 100) {
        this.add(line);
        line = word;
      } else line = line ? `${line} ${word}` : word;
    }
    if (line) this.add(line);
    this.add('');
  }

  /** A GFM table; now and then one body row has a cell too many or too few, as people break tables. */
  table(header: string[], rows: string[][]): void {
    this.blank();
    const row = (cells: string[]): string => `| ${cells.join(' | ')} |`;
    this.add(row(header), `|${header.map((cell) => '-'.repeat(Math.max(3, cell.length + 2))).join('|')}|`);
    const broken = this.rng.chance(0.12) ? this.rng.int(0, rows.length - 1) : -1;
    rows.forEach((cells, index) => {
      if (index === broken) this.add(row(this.rng.chance(0.5) ? cells.slice(0, -1) : [...cells, this.rng.decimal(0, 1)]));
      else this.add(row(cells));
    });
    this.add('');
  }

  bullets(items: string[], marker = '-'): void {
    this.blank();
    this.add(...items.map((item) => `${marker} ${item}`), '');
  }

  numbered(items: string[]): void {
    this.blank();
    this.add(...items.map((item, index) => `${index + 1}. ${item}`), '');
  }

  tasks(items: string[]): void {
    this.blank();
    this.add(...items.map((item) => `- [${this.rng.chance(0.4) ? 'x' : ' '}] ${item}`), '');
  }

  quote(): void {
    this.blank();
    this.add(`> **${this.rng.pick(['Note', 'Caveat', 'Reviewer comment', 'Open question'])}**: ${this.sentence()}`, `> ${this.sentence()}`, '');
  }

  /** A Python fence whose comment lines start with `#`: a chunker that ignores fences would split here. */
  python(runId: number): void {
    const r = this.rng;
    this.blank();
    this.add(
      '```python',
      `# Run ${runId}: ${r.pick(MODELS)} on ${r.pick(DATASETS)}`,
      `config = load_config("configs/run_${runId}.yaml")`,
      `model = build_model(config, dropout=${r.decimal(0, 0.5)})`,
      '',
      '# Training loop',
      `for epoch in range(${r.int(5, 120)}):`,
      '    train_loss = train_one_epoch(model, train_loader)',
      '    ## validation every epoch',
      '    val_loss = validate(model, val_loader)',
    );
    if (r.chance(0.5)) this.add(`    if val_loss < best_loss - ${r.decimal(0, 0.01, 4)}:`, '        save_checkpoint(model)  # keep the best');
    this.add('```', '');
  }

  metricRows(names: readonly string[], columns: number, base: number): string[][] {
    return names.map((name) => [name, ...Array.from({ length: columns }, () => this.rng.decimal(base - 0.1, Math.min(0.99, base + 0.1)))]);
  }
}

function frontMatterAndTitle(w: ReportWriter, title: string): void {
  const r = w.rng;
  w.add(
    '---',
    `title: "${title}"`,
    `authors: [${r.pick(PEOPLE)}, ${r.pick(PEOPLE)}]`,
    `date: 2025-${String(r.int(1, 12)).padStart(2, '0')}-${String(r.int(1, 28)).padStart(2, '0')}`,
    'type: ml-experiment-report',
    `tags: [machine-learning, ${r.pick(['vision', 'nlp', 'tabular', 'recsys'])}]`,
    '---',
  );
  w.heading(1, title);
  w.add(`**Researchers**: ${r.pick(PEOPLE)}`, `**Status**: ${r.chance(0.2) ? 'Draft / Final / In Review' : r.pick(['Draft', 'Final', 'In Review'])}`, '', '---');
}

/** The sections of the template, in order, compactly filled: about 200 lines in all. */
function baseSections(w: ReportWriter, model: string, dataset: string): Map<string, () => void> {
  const r = w.rng;
  const sections = new Map<string, () => void>();
  sections.set('Executive Summary', () => {
    w.heading(2, 'Executive Summary');
    w.paragraph(1);
    w.heading(3, 'Key Findings');
    w.bullets([w.sentence(), r.chance(0.3) ? 'Finding 2' : w.sentence()]);
    w.heading(3, 'Recommendations');
    w.bullets([w.sentence(), w.sentence()]);
  });
  sections.set('1. Objective', () => {
    w.heading(2, '1. Objective');
    w.heading(3, '1.1 Research Question');
    w.paragraph(1);
    w.heading(3, '1.2 Success Criteria');
    w.bullets([`**Accuracy**: ≥ ${r.decimal(0.8, 0.95)}`, `**Latency**: < ${r.int(5, 50)} ms`, r.chance(0.3) ? '**Metric 3**: Target value' : `**ECE**: < ${r.decimal(0.01, 0.05)}`]);
    w.heading(3, '1.3 Constraints');
    w.bullets([`${r.int(8, 64)} GPU-days`, `Deadline in ${r.int(2, 8)} weeks`]);
  });
  sections.set('2. Dataset', () => {
    w.heading(2, '2. Dataset');
    w.heading(3, '2.1 Data Description');
    w.table(['Property', 'Value'], [['**Name**', dataset], ['**Size**', `${r.int(10, 900)}k examples`], ['**License**', r.pick(['CC-BY 4.0', 'MIT', 'internal'])]]);
    w.heading(3, '2.2 Data Splits');
    const train = r.int(70, 85);
    w.table(['Split', 'Size', 'Percentage'], [['Train', `${train * 100} examples`, `${train}%`], ['Validation', `${(95 - train) * 100} examples`, `${95 - train}%`], ['Test', r.chance(0.3) ? 'X examples' : '500 examples', '5%']]);
    w.heading(3, '2.3 Data Quality');
    w.bullets([`**Missing Values**: ${w.sentence()}`, `**Imbalance**: ${w.sentence()}`]);
    w.heading(3, '2.4 Exploratory Analysis');
    w.numbered([w.sentence(), w.sentence()]);
  });
  sections.set('3. Model', () => {
    w.heading(2, '3. Model');
    w.heading(3, '3.1 Architecture');
    w.blank();
    w.add('```', `Input → ${model} backbone → pooling → head (${r.int(2, 1000)} classes)`, '```', '');
    w.heading(3, '3.2 Model Specifications');
    w.table(['Component', 'Configuration'], [['**Type**', model], ['**Parameters**', `${r.int(1, 350)}M`], ['**Dropout**', r.decimal(0, 0.5)]]);
    w.heading(3, '3.3 Baseline Models');
    w.numbered([`**Majority class**: ${w.sentence()}`, `**${r.pick(MODELS)}**: ${w.sentence()}`]);
  });
  sections.set('4. Training', () => {
    w.heading(2, '4. Training');
    w.heading(3, '4.1 Hyperparameters');
    w.table(['Hyperparameter', 'Value', 'Rationale'], [['Learning Rate', `${r.int(1, 9)}e-${r.int(3, 5)}`, 'Tuned via grid search'], ['Batch Size', String(2 ** r.int(4, 10)), 'GPU memory'], ['Optimizer', r.pick(OPTIMIZERS), 'Standard']]);
    w.heading(3, '4.2 Training Process');
    w.python(0);
    w.heading(3, '4.3 Computational Resources');
    w.table(['Resource', 'Specification'], [['**Hardware**', `${r.int(1, 8)}× ${r.pick(['A100', 'H100', 'V100', 'T4'])}`], ['**Training Time**', `${r.int(2, 90)} hours`]]);
    w.heading(3, '4.4 Training Curves');
    w.paragraph(1);
  });
  sections.set('5. Results', () => {
    w.heading(2, '5. Results');
    w.heading(3, '5.1 Quantitative Results');
    w.table(['Model', 'Accuracy', 'Precision', 'Recall', 'F1'], w.metricRows(['Baseline 1', 'Baseline 2', `**${model}**`], 4, 0.8));
    w.heading(3, '5.2 Statistical Significance');
    w.bullets([`**P-value**: ${r.decimal(0.001, 0.05, 3)} (paired t-test)`, `**Multiple Runs**: mean ± std over ${r.int(3, 10)} seeds`]);
    w.heading(3, '5.3 Per-Class Performance');
    w.table(['Class', 'Precision', 'Recall', 'F1'], w.metricRows(CLASSES.slice(0, 2), 3, 0.85));
    w.heading(3, '5.4 Qualitative Results');
    w.paragraph(1);
  });
  sections.set('6. Analysis', () => {
    w.heading(2, '6. Analysis');
    w.heading(3, '6.1 Ablation Study');
    w.table(['Configuration', 'Score', 'Change'], [['Full Model', '0.89', '-'], [`- ${r.pick(AUGMENTATIONS)}`, r.decimal(0.8, 0.88), `-${r.decimal(0.01, 0.09)}`]]);
    w.heading(3, '6.2 Error Analysis');
    w.numbered([w.sentence(), w.sentence()]);
    w.heading(3, '6.3 Feature Importance');
    w.paragraph(1);
  });
  sections.set('7. Robustness', () => {
    w.heading(2, '7. Robustness');
    w.heading(3, '7.1 Cross-Dataset Evaluation');
    w.table(['Dataset', 'Score', 'Notes'], [[dataset, r.decimal(0.8, 0.9), 'Training distribution'], [r.pick(DATASETS), r.decimal(0.6, 0.8), 'Shifted domain']]);
    w.heading(3, '7.2 Adversarial Robustness');
    w.paragraph(1);
    w.heading(3, '7.3 Fairness Analysis');
    w.paragraph(1);
  });
  sections.set('8. Deployment Considerations', () => {
    w.heading(2, '8. Deployment Considerations');
    w.heading(3, '8.1 Model Size');
    w.bullets([`**Disk Size**: ${r.int(10, 1400)} MB`]);
    w.heading(3, '8.2 Inference Speed');
    w.table(['Batch Size', 'Latency', 'Throughput'], [['1', `${r.int(2, 20)}ms`, `${r.int(50, 400)} QPS`], ['32', `${r.int(40, 200)}ms`, `${r.int(150, 900)} QPS`]]);
    w.heading(3, '8.3 Production Requirements');
    w.bullets([`**Monitoring**: ${w.sentence()}`]);
  });
  sections.set('9. Conclusions', () => {
    w.heading(2, '9. Conclusions');
    w.heading(3, '9.1 Summary');
    w.paragraph(1);
    w.heading(3, '9.2 Did We Meet Objectives?');
    w.table(['Objective', 'Status', 'Notes'], [['Accuracy target', r.pick(['✅ Met', '⚠️ Partial', '❌ Not Met']), w.sentence()]]);
    w.heading(3, '9.3 Lessons Learned');
    w.numbered([w.sentence(), w.sentence()]);
  });
  sections.set('10. Next Steps', () => {
    w.heading(2, '10. Next Steps');
    w.heading(3, '10.1 Short-term (1-2 weeks)');
    w.tasks([w.sentence(), r.chance(0.3) ? 'Task 2' : w.sentence()]);
    w.heading(3, '10.2 Medium-term (1-2 months)');
    w.tasks([w.sentence()]);
    w.heading(3, '10.3 Long-term (3+ months)');
    w.tasks([w.sentence()]);
  });
  sections.set('References', () => {
    w.heading(2, 'References');
    w.numbered([`${r.pick(PEOPLE)} et al. (20${r.int(10, 25)}). ${w.sentence()}`, `[${r.int(1, 40)}] ${r.pick(PEOPLE)}. Technical report.`]);
  });
  sections.set('Appendix', () => {
    w.heading(2, 'Appendix');
    w.heading(3, 'A. Hyperparameter Search');
    w.paragraph(1);
    w.heading(3, 'B. Additional Experiments');
    w.paragraph(1);
    w.heading(3, 'C. Code');
    w.bullets([`Training code: ${r.chance(0.4) ? '[link]' : `[repo](https://git.example.org/ml/exp-${r.int(100, 999)})`}`]);
    w.heading(3, 'D. Data Card');
    w.paragraph(1);
    w.heading(3, 'E. Model Card');
    w.paragraph(1);
  });
  return sections;
}

/** One experiment run: about 60 lines of its own configuration, curves, per-class results and notes. */
function run(w: ReportWriter, id: number, depth: number): void {
  const r = w.rng;
  const model = r.pick(MODELS);
  const lr = `${r.int(1, 9)}e-${r.int(3, 5)}`;
  w.heading(depth, `Run ${id}: ${model}, lr ${lr}, seed ${r.int(0, 9999)}`);
  w.paragraph();
  if (r.chance(0.3)) w.quote();
  w.heading(depth + 1, 'Configuration');
  w.table(['Hyperparameter', 'Value', 'Rationale'], [
    ['Learning Rate', lr, r.pick(['grid search', 'from the previous run', 'LR range test'])],
    ['Batch Size', String(2 ** r.int(4, 11)), r.pick(['GPU memory', 'throughput', 'stability'])],
    ['Epochs', String(r.int(5, 200)), 'early stopping'],
    ['Optimizer', r.pick(OPTIMIZERS), r.pick(['standard', 'faster convergence', 'less memory'])],
    ['Weight Decay', r.decimal(0, 0.1, 3), 'regularization'],
    ['LR Schedule', r.pick(SCHEDULES), r.pick(['smooth convergence', 'matches the paper', 'best on validation'])],
    ['Augmentation', r.pick(AUGMENTATIONS), '—'],
  ]);
  if (r.chance(0.7)) w.python(id);
  w.heading(depth + 1, 'Learning curve');
  const epochs = r.int(4, 9);
  let loss = Number(r.decimal(1.5, 3));
  const rows: string[][] = [];
  for (let epoch = 1; epoch <= epochs; epoch++) {
    loss *= 0.7 + r.next() * 0.25;
    rows.push([String(epoch * r.int(1, 5)), loss.toFixed(3), (loss * (1 + r.next() * 0.2)).toFixed(3), r.decimal(0.5, 0.95, 3)]);
  }
  w.table(['Epoch', 'Train loss', 'Val loss', 'Val accuracy'], rows);
  w.heading(depth + 1, 'Per-class results');
  const classes = Array.from({ length: r.int(3, 6) }, () => r.pick(CLASSES));
  w.table(['Class', 'Precision', 'Recall', 'F1', 'Support'], classes.map((name) => [name, r.decimal(0.6, 0.99), r.decimal(0.6, 0.99), r.decimal(0.6, 0.99), String(r.int(50, 5000))]));
  w.heading(depth + 1, 'Observations');
  w.bullets(Array.from({ length: r.int(2, 5) }, () => w.sentence()), r.pick(['-', '*']));
  if (r.chance(0.5)) w.paragraph();
  if (r.chance(0.4)) w.tasks([w.sentence(), w.sentence()]);
  if (r.chance(0.05)) w.bullets([r.pick(['{{TODO}}', 'Finding 1', 'Y%', 'Evaluation code: [link]'])]);
}

/** Sections that hold runs in a long report, in turn, so runs spread over the whole document. */
const RUN_HOSTS = ['4. Training', '5. Results', '6. Analysis', 'Appendix'];

export function generateReport(options: ReportOptions): string {
  const rng = new Random(options.seed ?? 1);
  const w = new ReportWriter(rng);
  const model = rng.pick(MODELS);
  const dataset = rng.pick(DATASETS);
  const title = `${model} on ${dataset}: ${rng.pick(['learning-rate study', 'augmentation ablation', 'scaling sweep', 'baseline comparison'])}`;
  const head = w.capture(() => frontMatterAndTitle(w, title));
  const sections = [...baseSections(w, model, dataset)].map(([name, write]) => ({ name, lines: w.capture(write) }));
  let total = head.length + sections.reduce((sum, section) => sum + section.lines.length + 2, 0);
  const runs: string[][] = [];
  while (total < options.lines - 30) {
    const lines = w.capture(() => run(w, runs.length + 1, 3));
    runs.push(lines);
    total += lines.length;
  }
  const out = [...head];
  let next = 0;
  sections.forEach(({ name, lines }, index) => {
    out.push('', ...lines);
    const host = RUN_HOSTS.indexOf(name);
    if (host >= 0) {
      const count = Math.floor(runs.length / RUN_HOSTS.length) + (host < runs.length % RUN_HOSTS.length ? 1 : 0);
      for (const runLines of runs.slice(next, next + count)) out.push('', ...runLines);
      next += count;
    }
    if (index < sections.length - 1) out.push('', '---');
  });
  return `${out.map((line) => line).join('\n').replace(/\n{3,}/g, '\n\n')}\n`;
}
