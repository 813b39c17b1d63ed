/**
 * Metric names as reports write them. Each metric has a canonical name and a pattern for its
 * spellings; a success criterion names a metric when one of these matches it.
 */
const METRICS: readonly (readonly [string, RegExp])[] = [
  ['accuracy', /\baccuracy\b|\bacc\b|\btop-[15]\b/i],
  ['balanced accuracy', /\bbalanced accuracy\b/i],
  ['F1', /\b(?:macro|micro|weighted)?[- ]?f1\b|\bf-1\b|\bf-?score\b|\bf-measure\b/i],
  ['precision', /\bprecision\b/i],
  ['recall', /\brecall\b|\bsensitivity\b|\btpr\b/i],
  ['specificity', /\bspecificity\b/i],
  ['AUC', /\b(?:roc[- ]?)?auc\b|\bauroc\b|\bauprc\b|\bpr[- ]auc\b/i],
  ['mAP', /\bmAP\b|mean average precision/],
  ['IoU', /\bm?iou\b|intersection over union|jaccard/i],
  ['Dice', /\bdice\b/i],
  ['BLEU', /\bs?bleu\b/i],
  ['ROUGE', /\brouge(?:[- ]?(?:l|1|2|lsum))?\b/i],
  ['BERTScore', /\bbertscore\b/i],
  ['METEOR', /\bmeteor\b/i],
  ['chrF', /\bchrf\b/i],
  ['COMET', /\bcomet\b/i],
  ['AlignScore', /\balignscore\b/i],
  ['perplexity', /\bperplexity\b|\bppl\b/i],
  ['loss', /\bloss\b/i],
  ['WER', /\bwer\b|word error rate/i],
  ['CER', /\bcer\b|character error rate/i],
  ['MAE', /\bmae\b|mean absolute error/i],
  ['RMSE', /\brmse\b|root mean squared? error/i],
  ['MSE', /\bmse\b|mean squared error/i],
  ['MAPE', /\bs?mape\b|mean absolute percentage error/i],
  ['R²', /\br2\b|\br²|\br-squared\b/i],
  ['latency', /\blatency\b|\bp(?:50|90|95|99)\b|response time|time to first token|\bttft\b/i],
  ['throughput', /\bthroughput\b|\bqps\b|\brps\b|tokens\/s|samples\/s|requests\/s|sentences\/s|images\/s|\bfps\b/i],
  ['memory', /\b(?:peak )?(?:gpu )?memory\b|\bvram\b/i],
  ['model size', /\bmodel size\b|\bdisk size\b/i],
  ['exact match', /\bexact match\b|\bEM\b/],
  ['pass@k', /\bpass@\d+\b/i],
  ['ECE', /\bece\b|calibration error/i],
  ['MCC', /\bmcc\b|matthews/i],
  ['NDCG', /\bn?dcg(?:@\d+)?\b/i],
  ['MRR', /\bmrr\b|mean reciprocal rank/i],
  ['hit rate', /\bhit[- ]rate\b|\bhits@\d+\b/i],
  ['FID', /\bfid\b|fréchet inception/i],
  ['PSNR', /\bpsnr\b/i],
  ['SSIM', /\bssim\b/i],
  ['human rating', /\bhuman (?:rating|evaluation|eval|preference|judg(?:e)?ment)s?\b|\bwin[- ]rate\b/i],
  ['Cohen\'s kappa', /\bkappa\b/i],
  ['error rate', /\berror rate\b/i],
  ['cost', /\bcost\b/i],
];

/** The metrics a text names, canonical names in order of first appearance, each once. */
export function metricsIn(text: string): string[] {
  const found: { name: string; at: number }[] = [];
  for (const [name, pattern] of METRICS) {
    const at = text.search(pattern);
    if (at >= 0) found.push({ name, at });
  }
  // A specific name hides the general one it contains (`balanced accuracy` is not also `accuracy`).
  const names = new Set(found.map((entry) => entry.name));
  if (names.has('balanced accuracy')) names.delete('accuracy');
  if (names.has('RMSE')) names.delete('MSE');
  return found.sort((a, b) => a.at - b.at).map((entry) => entry.name).filter((name) => names.has(name));
}

/** Whether a text names the metric (canonical name). */
export function namesMetric(text: string, metric: string): boolean {
  const pattern = METRICS.find(([name]) => name === metric)?.[1];
  return pattern !== undefined && pattern.test(text);
}

/** Every metric whose spellings the text holds (canonical names; unlike `metricsIn`, a general name is kept beside the specific one). */
export function metricsNamedIn(text: string): string[] {
  return METRICS.filter(([, pattern]) => pattern.test(text)).map(([name]) => name);
}

/** Any of the metrics' spellings, in any case: a quick first look, wider than `metricsIn`. */
const ANY_METRIC = new RegExp(METRICS.map(([, pattern]) => `(?:${pattern.source})`).join('|'), 'i');

/** Whether a text may name a metric (`metricsIn` says which): a test that rules out most statements with one pattern. */
export function mayNameMetric(statement: { text: string }): boolean {
  return ANY_METRIC.test(statement.text);
}
