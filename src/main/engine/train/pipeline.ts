import type { DuckDBConnection } from '@duckdb/node-api';
import { MlcycleError } from '../../../shared/contract/errors';
import type { ColumnInfo } from '../../../shared/data/models';
import { ident, lit } from '../data/sql';
import type { FeatureMatrix, TaskKind } from './learner';

/**
 * The preprocessing that travels with every model, fitted on the training rows only. Each step is a
 * standard, ONNX-expressible one: numeric imputation (Imputer), standard scaling (Scaler),
 * categorical levels with an "other" bucket (LabelEncoder with a default) then one-hot
 * (OneHotEncoder) or the level number itself for trees.
 */
export interface FittedPipeline {
  task: TaskKind;
  target: { name: string; classes: string[] | null };
  numeric: Array<{ name: string; impute: number; mean: number; std: number }>;
  /** levels[k] has code k; any other value (unseen, rare) has code levels.length ("other"). */
  categorical: Array<{ name: string; levels: string[] }>;
  impute: 'mean' | 'median';
  maxLevels: number;
}

export type Encoding = 'onehot' | 'ordinal';

/** A column in shared memory, so worker threads (logistic regression's) read it without a copy. */
const sharedColumn = (rows: number) => new Float64Array(new SharedArrayBuffer(rows * 8));

/**
 * Missing categorical values are a level of their own, so "missing" can carry meaning. An empty
 * string counts as missing too: an exported ONNX graph takes "" for a missing category (a string
 * tensor has no null), and the two paths must agree.
 */
export const MISSING_LEVEL = '(missing)';

export interface PipelineSpec {
  target: string;
  task: TaskKind;
  features: ColumnInfo[];
  impute?: 'mean' | 'median';
  maxLevels?: number;
}

const isCategorical = (c: ColumnInfo) => c.semantic === 'categorical' || c.semantic === 'boolean' || c.semantic === 'text';
const num = (v: unknown) => (v === null || v === undefined ? Number.NaN : Number(v));
const levelValue = (name: string) => `COALESCE(NULLIF(${ident(name)}::VARCHAR, ''), ${lit(MISSING_LEVEL)})`;

/**
 * Fits on `train` (a relation name or subquery over the training rows); the classes come from
 * `labelled` (every row with a label, in any split), since knowing the label set is no leakage and
 * a class seen only in the test rows must still be scoreable.
 */
export async function fitPipeline(con: DuckDBConnection, train: string, labelled: string, spec: PipelineSpec): Promise<FittedPipeline> {
  // The mean, as scikit-learn's SimpleImputer: exact medians of every column cost seconds on big tables.
  const impute = spec.impute ?? 'mean';
  const maxLevels = spec.maxLevels ?? 50;
  const numeric = spec.features.filter((c) => !isCategorical(c) && c.semantic !== 'datetime');
  const categorical = spec.features.filter(isCategorical);
  const parts = numeric.flatMap((c, i) => {
    const x = `${ident(c.name)}::DOUBLE`;
    return [`AVG(${x}) AS mean${i}`, `STDDEV_POP(${x}) AS std${i}`, impute === 'median' ? `MEDIAN(${x}) AS med${i}` : `AVG(${x}) AS med${i}`];
  });
  const stats = parts.length ? (await con.runAndReadAll(`SELECT ${parts.join(', ')} FROM ${train}`)).getRowObjects()[0]! : {};
  const fittedNumeric = numeric.map((c, i) => {
    const mean = num(stats[`mean${i}`]);
    const std = num(stats[`std${i}`]);
    // An all-missing column imputes 0; a constant one keeps scale 1 so it never divides by zero.
    return { name: c.name, impute: Number.isNaN(num(stats[`med${i}`])) ? 0 : num(stats[`med${i}`]), mean: Number.isNaN(mean) ? 0 : mean, std: std > 0 ? std : 1 };
  });
  const fittedCategorical = [];
  for (const c of categorical) {
    const rows = (await con.runAndReadAll(`SELECT ${levelValue(c.name)} AS v, COUNT(*) AS n FROM ${train} GROUP BY v ORDER BY n DESC, v LIMIT ${maxLevels}`)).getRows();
    fittedCategorical.push({ name: c.name, levels: rows.map((r) => String(r[0])) });
  }
  let classes: string[] | null = null;
  if (spec.task !== 'regression') {
    const values = (await con.runAndReadAll(`SELECT DISTINCT ${ident(spec.target)}::VARCHAR AS v FROM ${labelled} WHERE ${ident(spec.target)} IS NOT NULL`)).getRows().map((r) => String(r[0]));
    // Numbers in numeric order ("2" before "10"), text alphabetically.
    classes = values.every((v) => v.trim() !== '' && Number.isFinite(Number(v))) ? values.sort((a, b) => Number(a) - Number(b)) : values.sort();
    if (classes.length < 2) throw new MlcycleError('INVALID_ARGUMENT', `The target ${spec.target} has ${classes.length === 0 ? 'no values' : `only one class (${classes[0]})`}: a classifier needs at least two.`, { field: 'target' });
    if (spec.task === 'binary' && classes.length > 2) throw new MlcycleError('INVALID_ARGUMENT', `The target ${spec.target} has ${classes.length} classes; binary classification needs exactly two. Choose multiclass.`, { field: 'task' });
  }
  return { task: spec.task, target: { name: spec.target, classes }, numeric: fittedNumeric, categorical: fittedCategorical, impute, maxLevels };
}

/** SELECT list giving every input as a DOUBLE: numeric raw (NaN where missing, so no NULLs reach the reader), categorical as level code, then the target. */
export function encodedSelect(p: FittedPipeline): string {
  const cols = p.numeric.map((c) => `COALESCE(${ident(c.name)}::DOUBLE, 'NaN'::DOUBLE)`);
  for (const c of p.categorical) {
    cols.push(`COALESCE(LIST_POSITION([${c.levels.map(lit).join(', ')}]::VARCHAR[], ${levelValue(c.name)}) - 1, ${c.levels.length})::DOUBLE`);
  }
  const y = ident(p.target.name);
  cols.push(p.target.classes ? `(LIST_POSITION([${p.target.classes.map(lit).join(', ')}]::VARCHAR[], ${y}::VARCHAR) - 1)::DOUBLE` : `${y}::DOUBLE`);
  return cols.join(', ');
}

/** The learner's view of encoded raw columns: ordinal for trees (NaN kept), imputed, scaled and one-hot otherwise. */
export function transform(p: FittedPipeline, raw: Float64Array[], rows: number, encoding: Encoding): FeatureMatrix {
  const names: string[] = [];
  const columns: Float64Array[] = [];
  p.numeric.forEach((c, j) => {
    const source = raw[j]!;
    names.push(c.name);
    if (encoding === 'ordinal') {
      columns.push(source);
      return;
    }
    const out = sharedColumn(rows);
    for (let i = 0; i < rows; i++) {
      const v = source[i]!;
      out[i] = ((Number.isNaN(v) ? c.impute : v) - c.mean) / c.std;
    }
    columns.push(out);
  });
  p.categorical.forEach((c, k) => {
    const codes = raw[p.numeric.length + k]!;
    if (encoding === 'ordinal') {
      names.push(c.name);
      columns.push(codes);
      return;
    }
    const width = c.levels.length + 1;
    const block = Array.from({ length: width }, () => sharedColumn(rows));
    for (let i = 0; i < rows; i++) block[codes[i]!]![i] = 1;
    c.levels.forEach((level) => names.push(`${c.name}=${level}`));
    names.push(`${c.name}=(other)`);
    columns.push(...block);
  });
  return { rows, names, columns };
}
