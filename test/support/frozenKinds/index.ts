/**
 * The two built-in kinds as hand-typed objects, frozen as they were before kinds were compiled from
 * annotated templates. Tests compare the compiled kinds with these; nothing else may import them.
 */
import type { ReportKind } from '../../../src/core/templates/types';
import { experimentReport } from './experimentReport';
import { taskSpec } from './taskSpec';

export const FROZEN_KINDS: readonly ReportKind[] = [experimentReport, taskSpec];
