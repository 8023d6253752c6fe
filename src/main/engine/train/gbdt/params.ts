import { MlcycleError } from '../../../../shared/contract/errors';
import { FOREST_SPECS, GBDT_SPECS, specNumber, type TreeSpecs } from '../learner-specs';
import { choiceParam, numberParam } from '../params';
import type { Growth } from './grow';

/** Shared by boosting and the forest: how one tree grows. */
export interface TreeParams {
  growth: Growth;
  /** 0: no limit (then maxLeaves must be set). */
  maxDepth: number;
  /** 0: no limit (then maxDepth must be set). */
  maxLeaves: number;
  lambda: number;
  gamma: number;
  minChildWeight: number;
  /** Per tree: share of rows (boosting, without replacement) or bootstrap size (forest). */
  subsample: number;
  colsampleByTree: number;
  /** Share of the tree's features searched per node; null in a forest means √features. */
  colsampleByNode: number | null;
  maxBins: number;
  /** Threads for histograms, the calling one included; 0 chooses by data size and cores. */
  threads: number;
}

export interface GbdtParams extends TreeParams {
  nEstimators: number;
  learningRate: number;
  /** Stop after this many rounds without a better validation loss; 0: off. */
  earlyStoppingRounds: number;
}

export interface ForestParams extends TreeParams {
  nEstimators: number;
  /** Rows drawn with replacement per tree (subsample × rows of them); false: subsample without replacement. */
  bootstrap: boolean;
}

const invalid = (name: string, message: string) => new MlcycleError('INVALID_ARGUMENT', message, { field: `params.${name}` });

/** A typo ("learning_rate") would otherwise be ignored without a word. */
function refuseUnknown(raw: Record<string, unknown>, known: string[]): void {
  for (const name of Object.keys(raw)) if (!known.includes(name)) throw invalid(name, `Unknown parameter ${name}; this learner takes ${known.join(', ')}.`);
}

function booleanParam(raw: Record<string, unknown>, name: string, fallback: boolean): boolean {
  const given = raw[name];
  if (given === undefined || given === '') return fallback;
  if (given === true || given === 'true') return true;
  if (given === false || given === 'false') return false;
  throw invalid(name, `Parameter ${name} must be true or false; got ${JSON.stringify(given)}.`);
}

/** `specs` carry the learner's defaults and ranges for the parameters the form shows; the rest are for the CLI. */
function treeParams(raw: Record<string, unknown>, specs: TreeSpecs, defaults: { colsampleByNode: number | null }): TreeParams {
  const growth = choiceParam(raw, 'growth', 'depthwise', ['depthwise', 'leafwise'] as const);
  const leafwise = growth === 'leafwise';
  const maxDepth = specNumber(raw, specs.maxDepth, leafwise ? 0 : specs.maxDepth.default);
  const maxLeaves = numberParam(raw, 'maxLeaves', leafwise ? 31 : 0, { min: 0, max: 1 << 20, integer: true });
  if (maxDepth === 0 && maxLeaves === 0) throw invalid('maxDepth', 'Parameters maxDepth and maxLeaves are both 0 (no limit): set maxDepth (1 to 64) or maxLeaves (2 or more) so trees stop growing.');
  if (maxLeaves === 1) throw invalid('maxLeaves', 'Parameter maxLeaves must be 0 (no limit) or between 2 and 1048576; got 1.');
  const byNode = raw.colsampleByNode;
  return {
    growth,
    maxDepth,
    maxLeaves,
    lambda: specNumber(raw, specs.lambda),
    gamma: numberParam(raw, 'gamma', 0, { min: 0, max: 1e6 }),
    minChildWeight: specNumber(raw, specs.minChildWeight),
    subsample: specNumber(raw, specs.subsample),
    colsampleByTree: specNumber(raw, specs.colsampleByTree),
    colsampleByNode: byNode === 'sqrt' ? null : byNode === undefined || byNode === '' ? defaults.colsampleByNode : numberParam(raw, 'colsampleByNode', 1, { min: 0.001, max: 1 }),
    maxBins: numberParam(raw, 'maxBins', 255, { min: 2, max: 255, integer: true }),
    threads: numberParam(raw, 'threads', 0, { min: 0, max: 64, integer: true }),
  };
}

const TREE_NAMES = ['growth', 'maxDepth', 'maxLeaves', 'lambda', 'gamma', 'minChildWeight', 'subsample', 'colsampleByTree', 'colsampleByNode', 'maxBins', 'threads'];

export function gbdtParameters(raw: Record<string, unknown>): GbdtParams {
  refuseUnknown(raw, ['nEstimators', 'learningRate', 'earlyStoppingRounds', ...TREE_NAMES]);
  return {
    nEstimators: specNumber(raw, GBDT_SPECS.nEstimators),
    learningRate: specNumber(raw, GBDT_SPECS.learningRate),
    earlyStoppingRounds: specNumber(raw, GBDT_SPECS.earlyStoppingRounds),
    ...treeParams(raw, GBDT_SPECS, { colsampleByNode: 1 }),
  };
}

/** Forest defaults as scikit-learn's, but depth-capped (12) so a million-row model stays a few MB per tree. */
export function forestParameters(raw: Record<string, unknown>): ForestParams {
  refuseUnknown(raw, ['nEstimators', 'bootstrap', ...TREE_NAMES]);
  return {
    nEstimators: specNumber(raw, FOREST_SPECS.nEstimators),
    bootstrap: booleanParam(raw, 'bootstrap', true),
    ...treeParams(raw, FOREST_SPECS, { colsampleByNode: null }),
  };
}
