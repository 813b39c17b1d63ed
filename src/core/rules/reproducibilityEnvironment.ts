import type { DocumentContext, DocumentRule } from './types';
import type { Assessment } from './facts/roles';
import { preferInRole, roleIds, rolePlace, roleTitles, spanOf } from './facts/roles';
import { reportText } from './facts/reportText';
import type { Statement, TableFact } from './facts/reportText';
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

export function statesHardware(statement: Statement, context: readonly Statement[]): 'model' | 'counted' | undefined {
  const text = statement.text;
  if (INSTANCE.test(text) || (CPU.test(text) && !ACCELERATOR.test(text))) return 'counted';
  if (!ACCELERATOR.test(text)) return undefined;
  if (COUNT.test(text) || hasCountColumn(statement.table) || context.some((other) => COUNT.test(other.text) && /\b(?:GPU|TPU|accelerator|device|node|count)/i.test(other.text))) return 'counted';
  return 'model';
}

function hasCountColumn(table: TableFact | undefined): boolean {
  return table !== undefined && table.header.some((cell) => COUNT_HEADER.test(cell.text));
}

export function statesSoftware(statement: Statement): boolean {
  return SOFTWARE.test(statement.text) || LOCK.test(statement.text);
}

export function assessEnvironment(ctx: DocumentContext): Assessment {
  const statements = reportText(ctx.doc, ctx.sections).statements;
  const ids = roleIds(ctx, 'environment');
  const hardwareOf = (statement: Statement): 'model' | 'counted' | undefined => {
    if (!ACCELERATOR.test(statement.text) && !CPU.test(statement.text) && !INSTANCE.test(statement.text)) return undefined;
    const sameSection = statement.section === undefined ? [] : statements.filter((other) => other.section === statement.section && other !== statement);
    return statesHardware(statement, sameSection);
  };
  const hardware = preferInRole(statements, ids, (statement) => hardwareOf(statement) === 'counted');
  const modelOnly = hardware ? undefined : statements.find((statement) => hardwareOf(statement) === 'model');
  const software = preferInRole(statements, ids, statesSoftware);
  const place = rolePlace(ctx, 'environment');
  const stated = hardware ?? software;
  const findings: RawFinding[] = [];
  const where = roleTitles(ctx, 'environment');
  if (!hardware) {
    findings.push(modelOnly
      ? { message: 'The hardware is named without a count: say how many accelerators the runs used (e.g. "8× A100 80GB").', ...spanOf(modelOnly) }
      : { message: `No hardware is stated: give the accelerator or CPU model and how many (e.g. "8× A100 80GB", "CPU: Xeon Gold 6338"), in ${where}.`, ...place });
  }
  if (!software) {
    findings.push({ message: `No software versions are stated: give the framework with its version (e.g. "PyTorch 2.3.1", "transformers==4.41", "CUDA 12.4") or a lock file, in ${where}.`, ...place });
  }
  return { findings, stated: hardware && software ? spanOf(stated as Statement) : undefined, place };
}

export const reproducibilityEnvironment: DocumentRule = {
  id: REPRODUCIBILITY_ENVIRONMENT,
  description: 'The hardware (accelerator or CPU model, and count) and software versions (a framework with its version) are stated.',
  defaultSeverity: 'info',
  scope: 'document',
  optIn: true,
  check: (ctx) => assessEnvironment(ctx).findings,
};
