import type { DocumentContext, DocumentRule } from './types';
import { answering, reportFacts } from './facts/reportFacts';
import type { Assessment } from './facts/roles';
import { inRole, preferInRole, roleIds, roleNotApplicable, rolePlace, roleTitles, spanOf } from './facts/roles';
import type { Statement, StatementText, TableFact } from './facts/reportText';
import type { RawFinding } from '../types';

export const REPRODUCIBILITY_ENVIRONMENT = 'reproducibility-environment';

/** Accelerators by model: `A100`, `RTX 4090`, `TPU v4-8`, `MI300X`, `Gaudi2`. */
const ACCELERATOR = /\b(?:[AHV]100|H200|[BG]H?200|A10G?|A30|A40|A[456]000|RTX\s?A?\d{4}(?:\s?(?:Ti|Super|Ada))?|GTX\s?\d{3,4}(?:\s?Ti)?|Titan\s?(?:Xp|X|V|RTX)|T4|L4|L40S?|P100|P40|K80|MI\d{2,3}[AX]?|TPU\s?v\d\w*(?:-\d+)?|TPUs?|Gaudi\s?\d?|Trainium\d?|Inferentia\d?|Jetson\s\w+|Apple\s+M[1-4](?:\s?(?:Pro|Max|Ultra))?)(?![\w.])/i;
/** CPUs by model: `Xeon Gold 6338`, `EPYC 7763`, `Core i9-13900K`, `Graviton3`, `Apple M2 Max`. */
const CPU = /\b(?:Xeon(?:\s+(?:Gold|Silver|Platinum|Bronze|Max|W|E\d(?:-\d+)?))?\s*[A-Z]?-?\d{3,5}\w*|EPYC\s*\d{4}\w*|Core\s*(?:i[3579]|Ultra\s?\d)[- ]\d{3,5}\w*|Ryzen\s*(?:Threadripper\s*)?(?:PRO\s*)?\d{1,2}\s*\d{3,4}\w*|Graviton\s?\d|Ampere\s+Altra|Apple\s+M[1-4](?:\s?(?:Pro|Max|Ultra))?|Raspberry Pi\s?\d)/i;
/** Cloud machine types, which fix the hardware and its count: `g5.xlarge`, `p4d.24xlarge`, `n1-standard-8`. */
const INSTANCE = /\b(?:ml\.)?[a-z]\d[a-z0-9-]*\.(?:\d*x?large|medium|small|metal)\b|\b[nace]\d[a-z]?-(?:standard|highmem|highcpu|highgpu|megagpu|ultragpu)-\d+g?\b|\bStandard_[A-Z]{1,3}\d+\w*/i;
/** A count next to an accelerator: `8× A100`, `2 x RTX 4090`, `4 GPUs`, `a single L4`, `x8`, `TPU v4-32`. */
const COUNT = /\b\d+\s*[×x✕*]|[×x]\s*\d+\b|\b\d+\s+(?:\w+\s+){0,2}(?:GPUs?|TPUs?|cards?|accelerators?|devices?|nodes?|chips?)\b|\b(?:a|an|one|single|two|three|four|eight|sixteen|\d+)\s+(?:[\w-]+\s+){0,3}?(?:GPUs?|TPUs?|cards?|accelerators?|[AHV]100|H200|A10G?|L4|T4|RTX|GTX)\b|\bTPU\s?v\d\w*-\d+|\b(?:GPUs?|TPUs?|accelerators?|count|devices)\s*(?:count)?\s*[:|=]\s*\d+/i;
const COUNT_HEADER = /\b(?:count|#|number|qty|quantity|gpus|devices|nodes)\b/i;

/** Software with its version: `PyTorch 2.3.1`, `transformers==4.41`, `CUDA 12.4`, `scikit-learn 1.4.2`, `Python 3.11`. */
const SOFTWARE = /\b(?:PyTorch(?:\s+Lightning)?|torch(?:vision|audio)?|TensorFlow|JAX|jaxlib|Flax|Keras|(?:Hugging\s?Face\s+)?Transformers|scikit-learn|sklearn|XGBoost|LightGBM|CatBoost|ONNX\s?Runtime|onnxruntime|ONNX|DeepSpeed|Lightning|PEFT|TRL|vLLM|tokenizers|bitsandbytes|spaCy|NumPy|pandas|SciPy|CUDA|cuDNN|ROCm|Python|TensorRT(?:-LLM)?|MXNet|PaddlePaddle|fastai|timm|detectron2|mmdet(?:ection)?|ultralytics|OpenCV|statsmodels|sentence-transformers|Megatron(?:-LM)?|NeMo|Optuna|MLflow|TextAttack|Accelerate|Diffusers|llama\.cpp|Ollama|TGI|Triton)\s*(?:==|>=|~=|@|:|\s|v|version)*\s*v?\d+\.\d+/i;
/** A record of every version at once: a lock file or a container image with a tag or digest. */
const LOCK = /\b(?:uv\.lock|poetry\.lock|Pipfile\.lock|conda-lock\S*|renv\.lock|pixi\.lock|package-lock\.json|requirements[\w.-]*\.lock)\b|@sha256:[0-9a-f]{12,}|\b[\w.-]+(?:\/[\w.-]+)+:[\w.-]*\d[\w.-]*\b/i;

/** The accelerator models a text names, normalised: `NVIDIA A100 80GB` → `A100`. */
function acceleratorsIn(text: string): string[] {
  return [...text.matchAll(ACCELERATORS)].map((match) => match[0].replace(/^(?:NVIDIA|AMD|Google|Intel|Apple)\s+/i, '').replace(/\s+/g, '').toUpperCase().replace(/S$/, ''));
}

const ACCELERATORS = new RegExp(ACCELERATOR.source, 'gi');

/** A line about how many GPUs (or other devices): `4 GPUs`, `GPU count: 8`. */
function countsDevices(statement: StatementText): boolean {
  return COUNT.test(statement.text) && /\b(?:GPU|TPU|accelerator|device|node|count)/i.test(statement.text);
}

/** Whether a statement counts its accelerators: in its text, in a count column of its table, or in another line of its section about GPUs. */
function counts(statement: Statement, deviceCounts: readonly Statement[]): boolean {
  if (COUNT.test(statement.text) || hasCountColumn(statement.table)) return true;
  return statement.section !== undefined && deviceCounts.some((other) => other !== statement && other.section === statement.section);
}

function hasCountColumn(table: TableFact | undefined): boolean {
  return table !== undefined && table.header.some((cell) => COUNT_HEADER.test(cell.text));
}

export function statesHardware(statement: StatementText): boolean {
  return ACCELERATOR.test(statement.text) || CPU.test(statement.text) || INSTANCE.test(statement.text);
}

export function statesSoftware(statement: StatementText): boolean {
  return SOFTWARE.test(statement.text) || LOCK.test(statement.text);
}

export function assessEnvironment(ctx: DocumentContext): Assessment {
  if (roleNotApplicable(ctx, 'environment')) return { findings: [], stated: undefined, place: rolePlace(ctx, 'environment') };
  const facts = reportFacts(ctx);
  const hardwareStatements = [...facts.stated(statesHardware)];
  const deviceCounts = [...facts.stated(countsDevices)];
  const ids = roleIds(ctx, 'environment');
  const counted = new Set<string>();
  const uncounted: { statement: Statement; models: string[] }[] = [];
  let countedHardware = false;
  for (const statement of hardwareStatements) {
    const models = acceleratorsIn(statement.text);
    if (models.length === 0) {
      countedHardware = true;
      continue;
    }
    if (counts(statement, deviceCounts)) {
      countedHardware = true;
      for (const model of models) counted.add(model);
    } else {
      uncounted.push({ statement, models });
    }
  }
  const hardware = preferInRole(hardwareStatements, ids);
  const software = facts.firstStated(statesSoftware, ids);
  const place = rolePlace(ctx, 'environment');
  const findings: RawFinding[] = [];
  const where = roleTitles(ctx, 'environment');
  const missingCount = uncounted.find(({ statement, models }) => (!countedHardware || ids.length === 0 || inRole(ids, statement)) && models.some((model) => !counted.has(model)));
  if (!hardware) {
    findings.push({ message: `No hardware is stated: give the accelerator or CPU model and how many (e.g. "8× A100 80GB", "CPU: Xeon Gold 6338"), in ${where}.`, ...place });
  } else if (missingCount) {
    const models = [...new Set(missingCount.models.filter((model) => !counted.has(model)))].join(', ');
    findings.push({ message: `The hardware is named without a count (${models}): say how many the runs used (e.g. "8× A100 80GB").`, ...spanOf(missingCount.statement) });
  }
  if (!software) {
    findings.push({ message: `No software versions are stated: give the framework with its version (e.g. "PyTorch 2.3.1", "transformers==4.41", "CUDA 12.4") or a lock file, in ${where}.`, ...place });
  }
  const stated = hardware ?? software;
  return { findings, stated: findings.length === 0 && stated ? spanOf(stated) : undefined, place };
}

export const reproducibilityEnvironment: DocumentRule = {
  id: REPRODUCIBILITY_ENVIRONMENT,
  description: 'The hardware (accelerator or CPU model, and count) and software versions (a framework with its version) are stated.',
  defaultSeverity: 'info',
  scope: 'document',
  optIn: true,
  quietWhereNotApplicable: true,
  check: (ctx) => assessEnvironment(ctx).findings,
  prepare: answering([statesHardware, countsDevices, statesSoftware]),
};
