import type { DuckDBConnection } from '@duckdb/node-api';
import type { CrossValidation, MetricSet } from '../../../shared/train/models';
import { MlcycleError } from '../../../shared/contract/errors';
import { ident } from '../data/sql';
import { evaluate } from './evaluate';
import type { FitContext, Learner } from './learner';
import { loadEncoded } from './load';
import { fitPipeline, transform, type Encoding, type PipelineSpec } from './pipeline';

/**
 * k-fold cross-validation over the training rows of table `d`. Folds are stratified by the target
 * for classification (every fold keeps the class shares) and assigned by a seeded hash, so the same
 * seed gives the same folds. As in a scikit-learn Pipeline, the preprocessing is fitted again on
 * each fold's training part, so nothing of the held-out fold leaks into it.
 */
export async function crossValidate(
  con: DuckDBConnection,
  k: number,
  spec: PipelineSpec,
  learner: Learner<unknown>,
  hyper: unknown,
  encoding: Encoding,
  ctx: Pick<FitContext, 'seed' | 'isCancelled' | 'log'> & { progress(fraction: number, phase: string): void },
): Promise<CrossValidation> {
  const y = ident(spec.target);
  const partition = spec.task === 'regression' ? '' : `PARTITION BY ${y} `;
  await con.run(
    `CREATE TABLE folds AS SELECT row, (row_number() OVER (${partition}ORDER BY hash(row, ${ctx.seed}), row) - 1) % ${k} AS fold FROM d WHERE set = 'train' AND ${y} IS NOT NULL`,
  );
  const folds: MetricSet[] = [];
  for (let fold = 0; fold < k; fold++) {
    if (ctx.isCancelled()) throw new MlcycleError('CANCELLED', 'Training cancelled');
    ctx.progress(fold / k, `cross-validation fold ${fold + 1} of ${k}`);
    const part = (inFold: boolean) => `(SELECT d.* FROM d JOIN folds USING (row) WHERE folds.fold ${inFold ? '=' : '<>'} ${fold})`;
    const pipeline = await fitPipeline(con, part(false), 'd', spec);
    const fitRows = await loadEncoded(con, part(false), pipeline);
    const heldRows = await loadEncoded(con, part(true), pipeline);
    const target = (rows: typeof fitRows) => ({ kind: pipeline.task, classes: pipeline.target.classes?.length ?? 0, values: rows.target });
    const model = await learner.fit({ x: transform(pipeline, fitRows.inputs, fitRows.rows, encoding), y: target(fitRows) }, null, hyper, {
      seed: ctx.seed,
      progress: (f) => ctx.progress((fold + f) / k, `cross-validation fold ${fold + 1} of ${k}`),
      curve: () => undefined,
      isCancelled: ctx.isCancelled,
      log: () => undefined,
    });
    folds.push(evaluate(pipeline, heldRows.target, model.predict(transform(pipeline, heldRows.inputs, heldRows.rows, encoding))));
    ctx.log(`fold ${fold + 1}/${k}: ${Object.entries(folds.at(-1)!).slice(0, 4).map(([m, v]) => `${m} ${v?.toFixed(4) ?? '—'}`).join(', ')}`);
  }
  return { folds, ...summary(folds) };
}

/** Mean and sample standard deviation per metric over the folds where it is defined. */
export function summary(folds: MetricSet[]): Pick<CrossValidation, 'mean' | 'std'> {
  const mean: MetricSet = {};
  const std: MetricSet = {};
  for (const id of Object.keys(folds[0] ?? {})) {
    const values = folds.map((f) => f[id]).filter((v): v is number => typeof v === 'number');
    if (!values.length) {
      mean[id] = std[id] = null;
      continue;
    }
    const m = values.reduce((a, b) => a + b, 0) / values.length;
    mean[id] = m;
    std[id] = values.length > 1 ? Math.sqrt(values.reduce((a, v) => a + (v - m) ** 2, 0) / (values.length - 1)) : null;
  }
  return { mean, std };
}
