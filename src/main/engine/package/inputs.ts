import { MISSING_LEVEL, type Encoding, type FittedPipeline } from '../train/pipeline';
import { ML_DOMAIN, type GraphBuilder } from './onnx/graph';
import { float, floats, int, ints, strs } from './onnx/tensors';

/** The graph's outputs: `label` and `probabilities` for classifiers, `variable` for regression. */
export const OUTPUT_NAMES = ['label', 'probabilities', 'variable'] as const;

/**
 * What a caller feeds for a missing category: the empty string (a string tensor cannot hold a
 * null). The in-app pipeline reads an empty string as missing too (pipeline.ts), so both agree.
 * A missing number is NaN.
 */
export const MISSING_STRING = '';

/** One graph input: a raw column, float32 [N,1] for numbers, string [N,1] for categories. */
export interface GraphInput {
  /** The input's name in the graph: the column's own name, unless that is an output's name. */
  name: string;
  column: string;
  type: 'float' | 'string';
}

/**
 * One input per raw column, in pipeline order (numbers, then categories), named as the column.
 * Names are not sanitised: ONNX Runtime and the Open Inference Protocol take any string. The one
 * exception is a column called like an output (`label`, …), which becomes `<name>_input`.
 */
export function graphInputs(p: FittedPipeline): GraphInput[] {
  const columns = [...p.numeric.map((c) => ({ column: c.name, type: 'float' as const })), ...p.categorical.map((c) => ({ column: c.name, type: 'string' as const }))];
  const taken = new Set<string>([...OUTPUT_NAMES, ...columns.map((c) => c.column)]);
  return columns.map((c) => {
    if (!(OUTPUT_NAMES as readonly string[]).includes(c.column)) return { name: c.column, ...c };
    let name = `${c.column}_input`;
    for (let k = 2; taken.has(name); k++) name = `${c.column}_input_${k}`;
    taken.add(name);
    return { name, ...c };
  });
}

/**
 * A category's level code as int64 [N,1], exactly as pipeline.ts codes it: level k is code k; the
 * missing value ("" here, NULL in the database) is the "(missing)" level when training kept it
 * among the top levels; anything else, unseen or rare, is the "other" bucket (code = levels).
 */
function levelCode(g: GraphBuilder, input: string, levels: string[]): string {
  const keys = [...levels];
  const codes = levels.map((_l, k) => k);
  const missing = levels.indexOf(MISSING_LEVEL);
  if (missing >= 0) {
    keys.push(MISSING_STRING);
    codes.push(missing);
  }
  return g.op('LabelEncoder', [input], { keys_strings: strs(keys), values_int64s: ints(codes), default_int64: int(levels.length) }, { domain: ML_DOMAIN, hint: `${input}/level` });
}

const concat = (g: GraphBuilder, parts: string[], hint: string) => (parts.length === 1 ? parts[0]! : g.op('Concat', parts, { axis: int(1) }, { hint }));

/**
 * The learner's features, float [N, F], in the order transform() in pipeline.ts produces them.
 * One-hot (linear models, MLP): numbers imputed (Imputer: NaN → the training mean) and standardised
 * (Scaler), then per category one column per level plus "other". Ordinal (trees): raw numbers with
 * NaN kept (trees learned where missing goes), then each category's level code.
 */
export function featureMatrix(g: GraphBuilder, p: FittedPipeline, inputs: GraphInput[], encoding: Encoding): string {
  const numeric = inputs.slice(0, p.numeric.length).map((i) => i.name);
  const codes = p.categorical.map((c, k) => levelCode(g, inputs[p.numeric.length + k]!.name, c.levels));
  if (encoding === 'ordinal') {
    const asFloat = codes.map((code) => g.op('Cast', [code], { to: int(1) }, { hint: `${code}/float` }));
    return concat(g, [...numeric, ...asFloat], 'features');
  }
  const parts: string[] = [];
  if (numeric.length) {
    const raw = concat(g, numeric, 'numeric');
    const imputed = g.op('Imputer', [raw], { imputed_value_floats: floats(p.numeric.map((c) => c.impute)), replaced_value_float: float(Number.NaN) }, { domain: ML_DOMAIN, hint: 'numeric/imputed' });
    parts.push(g.op('Scaler', [imputed], { offset: floats(p.numeric.map((c) => c.mean)), scale: floats(p.numeric.map((c) => 1 / c.std)) }, { domain: ML_DOMAIN, hint: 'numeric/scaled' }));
  }
  p.categorical.forEach((c, k) => {
    const oneHot = g.op('OneHotEncoder', [codes[k]!], { cats_int64s: ints(c.levels.map((_l, j) => j).concat(c.levels.length)), zeros: int(1) }, { domain: ML_DOMAIN, hint: `${inputs[p.numeric.length + k]!.name}/onehot3d` });
    // OneHotEncoder adds a dimension: [N,1] → [N,1,levels+1]; Flatten makes it [N, levels+1].
    parts.push(g.op('Flatten', [oneHot], { axis: int(1) }, { hint: `${inputs[p.numeric.length + k]!.name}/onehot` }));
  });
  return concat(g, parts, 'features');
}
