import { Option, type Command } from 'commander';
import type { Client } from '../../../shared/client';
import { MODEL_KINDS, SEARCH_STRATEGIES, TRAIN_TASKS, type Evaluation, type RowExplanation, type Run, type SearchRequest } from '../../../shared/train/models';
import { emit, table, UsageError, type CliIo, type RunCommand } from '../output';
import { collect, intOption, parseParams } from '../parse-options';
import { withProject } from '../project-engine';
import { completed } from './data';

const fmt = (v: number | null | undefined) => (v === null || v === undefined ? '—' : Math.abs(v) >= 1000 ? v.toFixed(0) : v.toPrecision(4));

/** The headline metrics of a run, test first (validation, then train, when there is no test set). */
function headline(run: Run): string {
  const set = run.metrics.test ? 'test' : run.metrics.validation ? 'validation' : 'train';
  const metrics = run.metrics[set] ?? {};
  return `${set}: ${Object.entries(metrics).map(([k, v]) => `${k} ${fmt(v)}`).join(', ')}`;
}

/** "5-fold cross-validation: roc_auc 0.8912 ± 0.0101, ..." for the first few metrics. */
function crossValidationLine(run: Run): string {
  const cv = run.crossValidation!;
  return `${cv.folds.length}-fold cross-validation: ${Object.keys(cv.mean).slice(0, 4).map((id) => `${id} ${fmt(cv.mean[id])} ± ${fmt(cv.std[id])}`).join(', ')}`;
}

/** Parameters that differ between the runs (with the learner, dataset and seed), then the metrics per split. */
export function compareRuns(runs: Run[]): string {
  const header = ['', ...runs.map((r) => r.name)];
  const facts: Array<[string, (r: Run) => string]> = [['model', (r) => r.model], ['dataset', (r) => r.dataset], ['seed', (r) => String(r.seed)], ['split', (r) => r.splitId?.slice(0, 8) ?? '—']];
  const keys = [...new Set(runs.flatMap((r) => Object.keys(r.params)))].sort();
  const rows = [...facts.map(([k, f]) => [k, ...runs.map(f)]), ...keys.map((k) => [k, ...runs.map((r) => (r.params[k] === undefined ? '(default)' : String(r.params[k])))])].filter((row) => new Set(row.slice(1)).size > 1);
  const lines = [rows.length ? table([header, ...rows]) : 'Same learner, data, seed and parameters.'];
  for (const set of ['train', 'validation', 'test'] as const) {
    const ids = [...new Set(runs.flatMap((r) => Object.keys(r.metrics[set] ?? {})))];
    if (ids.length) lines.push('', `${set} metrics`, table([header, ...ids.map((id) => [id, ...runs.map((r) => fmt(r.metrics[set]?.[id]))])]));
  }
  return lines.join('\n');
}

function describeRun(run: Run): string {
  const lines = [
    `${run.name} (${run.id})`,
    `${run.status} · ${run.model} · ${run.task} · target ${run.target} · ${run.dataset} · seed ${run.seed}`,
    `rows: ${Object.entries(run.rows).map(([s, n]) => `${s} ${n.toLocaleString('en')}`).join(', ')}`,
    `features: ${run.features.join(', ')}`,
    `params: ${JSON.stringify(run.params)}`,
  ];
  if (run.status === 'succeeded') {
    for (const set of ['train', 'validation', 'test'] as const) {
      const m = run.metrics[set];
      if (m) lines.push(`${set.padEnd(10)} ${Object.entries(m).map(([k, v]) => `${k} ${fmt(v)}`).join('  ')}`);
    }
    if (run.crossValidation) lines.push(crossValidationLine(run));
    lines.push(`model ${run.modelBytes?.toLocaleString('en')} bytes · ${fmt(run.latencyMsPerRow)} ms per row · trained in ${fmt(run.durationSeconds)} s on ${run.backend}`);
  }
  if (run.error) lines.push(`error: ${run.error}`);
  return lines.join('\n');
}

function describeEvaluation(run: Run, e: Evaluation): string {
  const lines = [`${run.name}: evaluated on ${e.rows.toLocaleString('en')} ${e.set} rows`, headline(run)];
  if (e.confusionMatrix && e.labels) {
    lines.push('', 'confusion matrix (rows: true class, columns: predicted)');
    lines.push(table([['', ...e.labels], ...e.confusionMatrix.map((row, i) => [e.labels![i]!, ...row.map(String)])]));
  }
  if (e.perClass) lines.push('', table([['CLASS', 'PRECISION', 'RECALL', 'F1', 'SUPPORT'], ...e.perClass.map((c) => [c.label, fmt(c.precision), fmt(c.recall), fmt(c.f1), String(c.support)])]));
  if (e.thresholdSweep) {
    const best = e.thresholdSweep.reduce((a, b) => (b.f1 > a.f1 ? b : a));
    lines.push('', `best F1 ${fmt(best.f1)} at threshold ${best.threshold.toFixed(2)} (precision ${fmt(best.precision)}, recall ${fmt(best.recall)})`);
  }
  if (e.importance) {
    lines.push('', `permutation importance (drop in ${e.importance.metric} when shuffled, ${e.importance.repeats} repeats on ${e.importance.rows.toLocaleString('en')} rows)`);
    lines.push(table([['COLUMN', 'MEAN', 'STD'], ...e.importance.columns.map((c) => [c.column, fmt(c.mean), fmt(c.std)])]));
  }
  for (const f of e.fairness ?? []) {
    lines.push('', `fairness by ${f.column}: demographic parity difference ${fmt(f.demographicParityDifference)}, equalized odds difference ${fmt(f.equalizedOddsDifference)}, disparate impact ratio ${fmt(f.disparateImpactRatio)}${f.judged ? ` — ${f.judged.metric} ${f.judged.passes ? 'meets' : 'FAILS'} the bound ${f.judged.bound}` : ''}`);
    lines.push(table([['GROUP', 'ROWS', 'SELECTION RATE', 'TPR', 'FPR', 'ACCURACY'], ...f.groups.map((g) => [g.group, String(g.n), fmt(g.selectionRate), fmt(g.tpr), fmt(g.fpr), fmt(g.accuracy)])]));
  }
  if (e.residuals) lines.push('', `residuals: ${e.residuals.actual.length.toLocaleString('en')} points kept for plots`);
  for (const w of e.overfitting) lines.push(`warning: ${w}`);
  return lines.join('\n');
}

/** Starts a search and reports trials as they finish, until the parent run ends. */
async function search(client: Client, io: CliIo, opts: { dataset: string; model: Run['model']; search?: SearchRequest['strategy']; trials?: number; target?: string; params?: Record<string, string>; split?: string; seed?: number; task?: Run['task']; exclude?: string[]; name?: string; json?: boolean }): Promise<number | void> {
  const started = await client.call('train.search', { dataset: opts.dataset, model: opts.model, strategy: opts.search, trials: opts.trials, target: opts.target, fixed: opts.params ?? {}, split: opts.split, seed: opts.seed, task: opts.task, exclude: opts.exclude ?? [], name: opts.name });
  return follow(client, io, started, Boolean(opts.json));
}

/** Reports a parent run's children as they finish, until it ends; prints the winner. */
async function follow(client: Client, io: CliIo, started: { run: Run }, json: boolean): Promise<number | void> {
  const opts = { json };
  if (!opts.json) io.err(`run ${started.run.id}: ${started.run.name}\n`);
  let parent = started.run;
  let reported = 0;
  while (parent.status === 'running') {
    await new Promise((r) => setTimeout(r, 500));
    parent = await client.call('runs.get', { id: parent.id });
    const children = (await client.call('runs.list', { limit: 10_000 })).filter((r) => r.parentRunId === parent.id && r.status !== 'running');
    if (!opts.json && children.length > reported && process.stderr.isTTY) io.err(`\r\x1b[K${children.length} trials finished`);
    reported = children.length;
  }
  if (!opts.json && process.stderr.isTTY) io.err('\r\x1b[K');
  if (parent.status !== 'succeeded') {
    io.err(`mlcycle: the search ${parent.status}: ${parent.error ?? ''}\n`);
    return 1;
  }
  emit(io, opts.json, parent, () => [parent.id, `best of ${parent.search!.trials} ${parent.search!.strategy === 'auto' ? 'learners' : 'trials'} by validation ${parent.search!.metric}: ${parent.model} ${parent.search!.bestRunId} ${JSON.stringify(parent.params)}`, headline(parent)].join('\n'));
}

/** `mlcycle runs <name> <run> [--project] [--json]`: one call about one run, printed in words or as JSON. */
function oneRunCommand<T>(runs: Command, io: CliIo, run: RunCommand, name: string, description: string, jsonHelp: string, call: (client: Client, ref: string) => Promise<T>, human: (value: T) => string): void {
  runs
    .command(name)
    .description(description)
    .argument('<run>', 'run id or name')
    .option('--project <dir>', 'project folder (default: current folder)')
    .option('--json', jsonHelp)
    .action((ref: string, opts: { project?: string; json?: boolean }) =>
      run(
        () =>
          withProject(io, opts.project, async (client) => {
            const value = await call(client, ref);
            emit(io, opts.json, value, () => human(value));
          }),
        opts.json,
      ),
    );
}

export function registerTrain(program: Command, io: CliIo, run: RunCommand): void {
  program
    .command('train')
    .description('Train a model on a dataset version as a job; prints the run id and its metrics')
    .argument('[dataset]', 'the same as --dataset')
    .option('--dataset <dataset>', 'name, name@version, or id')
    .addOption(new Option('--model <kind>', 'learner (or --auto)').choices([...MODEL_KINDS]))
    .option('--auto', 'try every learner that fits the task within --budget seconds; keep the best by the objective\'s metric on validation rows')
    .option('--budget <seconds>', 'time budget of --auto (default 300)', intOption('--budget'))
    .option('--target <column>', "what to predict (default: the dataset's target)")
    .option('--params <k=v,...>', 'learner hyperparameters, e.g. l2=0.01,maxIterations=300', parseParams)
    .option('--split <split>', 'a saved split (id or name); default: a new 80/20 split (stratified for classes) with --seed')
    .option('--seed <n>', 'random seed (default 42)', intOption('--seed'))
    .addOption(new Option('--task <task>', 'default: inferred from the target').choices([...TRAIN_TASKS]))
    .option('--cv <k>', 'k-fold cross-validation on the training rows first (stratified for classes): mean and standard deviation per metric', intOption('--cv'))
    .addOption(new Option('--search <strategy>', 'hyperparameter search over the learner\'s default space: random, or successive halving').choices([...SEARCH_STRATEGIES]))
    .option('--trials <n>', 'trials of a search (default 12)', intOption('--trials'))
    .option('--exclude <column>', 'leave a column out of the features (repeatable)', collect)
    .option('--sensitive <column>', "report fairness by this column (repeatable; default: the objective's sensitive columns)", collect)
    .option('--name <name>', 'a name for the run')
    .option('--project <dir>', 'project folder (default: current folder)')
    .option('--json', 'print the finished run as JSON')
    .action((positional: string | undefined, given: { dataset?: string; model?: Run['model']; auto?: boolean; budget?: number; sensitive?: string[]; cv?: number; search?: SearchRequest['strategy']; trials?: number; target?: string; params?: Record<string, string>; split?: string; seed?: number; task?: Run['task']; exclude?: string[]; name?: string; project?: string; json?: boolean }) =>
      run(
        () => {
          if (positional && given.dataset && positional !== given.dataset) throw new UsageError(`two datasets given: ${positional} and --dataset ${given.dataset}`);
          const dataset = positional ?? given.dataset;
          // Named either way: "mlcycle train penguins --model gbdt" is what people type first.
          if (!dataset) throw new UsageError('name the dataset to train on: mlcycle train DATASET --model KIND (or --dataset DATASET)');
          const opts = { ...given, dataset };
          return withProject(io, opts.project, async (client) => {
            if (opts.auto) return follow(client, io, await client.call('train.auto', { dataset: opts.dataset, budgetSeconds: opts.budget, target: opts.target, split: opts.split, seed: opts.seed, task: opts.task, exclude: opts.exclude ?? [], name: opts.name, sensitive: opts.sensitive }), Boolean(opts.json));
            if (!opts.model) throw new UsageError('name a learner with --model, or pass --auto to try them all');
            if (opts.search) return search(client, io, { ...opts, model: opts.model });
            const started = await client.call('train.start', {
              dataset: opts.dataset,
              model: opts.model!,
              target: opts.target,
              params: opts.params ?? {},
              split: opts.split,
              seed: opts.seed,
              task: opts.task,
              exclude: opts.exclude ?? [],
              name: opts.name,
              cv: opts.cv,
              sensitive: opts.sensitive,
            });
            if (!opts.json) io.err(`run ${started.run.id}: training ${started.run.name}\n`);
            if (!(await completed(client, started.job, io, Boolean(opts.json)))) return 1;
            const finished = await client.call('runs.get', { id: started.run.id });
            emit(io, opts.json, finished, () => [finished.id, headline(finished), ...(finished.crossValidation ? [crossValidationLine(finished)] : [])].join('\n'));
          });
        },
        given.json,
      ),
    );

  const runs = program.command('runs').description('Training runs: list and inspect');
  runs
    .command('list', { isDefault: true })
    .description('List runs, newest first')
    .option('--dataset <dataset>', 'only runs on this dataset version')
    .option('--project <dir>', 'project folder (default: current folder)')
    .option('--json', 'print the result as JSON')
    .action((opts: { dataset?: string; project?: string; json?: boolean }) =>
      run(
        () =>
          withProject(io, opts.project, async (client) => {
            const list = await client.call('runs.list', { dataset: opts.dataset });
            emit(io, opts.json, list, () =>
              list.length === 0
                ? 'No runs yet. Train one with "mlcycle train --dataset D --model logistic".'
                : table([['ID', 'NAME', 'STATUS', 'MODEL', 'DATASET', 'METRICS', 'CREATED'], ...list.map((r) => [r.id.slice(0, 8), r.name, r.status, r.model, r.dataset, r.status === 'succeeded' ? headline(r) : (r.error ?? ''), r.createdAt])]),
            );
          }),
        opts.json,
      ),
    );
  runs
    .command('compare')
    .description('Compare runs side by side: parameters that differ, then every metric per split')
    .argument('<runs...>', 'two or more run ids or names')
    .option('--project <dir>', 'project folder (default: current folder)')
    .option('--json', 'print the runs as JSON')
    .action((refs: string[], opts: { project?: string; json?: boolean }) =>
      run(
        () =>
          withProject(io, opts.project, async (client) => {
            if (refs.length < 2) throw new UsageError('compare needs at least two runs');
            const found = await Promise.all(refs.map((id) => client.call('runs.get', { id })));
            emit(io, opts.json, found, () => compareRuns(found));
          }),
        opts.json,
      ),
    );
  runs
    .command('explain')
    .description("Explain one row's prediction: each column's contribution (exact for linear models, by occlusion otherwise)")
    .argument('<run>', 'run id or name')
    .requiredOption('--row <n>', 'row position in the dataset version, from 0', intOption('--row'))
    .option('--project <dir>', 'project folder (default: current folder)')
    .option('--json', 'print the explanation as JSON')
    .action((ref: string, opts: { row: number; project?: string; json?: boolean }) =>
      run(
        () =>
          withProject(io, opts.project, async (client) => {
            const job = await client.call('runs.explain', { id: ref, row: opts.row });
            const done = await completed(client, job, io, Boolean(opts.json));
            if (!done) return 1;
            const e = done.result as RowExplanation;
            emit(io, opts.json, e, () =>
              [
                `row ${e.row}: predicted ${e.prediction}${e.probabilities ? ` (${Object.entries(e.probabilities).map(([c, p]) => `${c} ${fmt(p)}`).join(', ')})` : ''}`,
                e.methodKind === 'treeshap' && e.baseValue !== undefined
                  ? `${e.scale}: ${fmt(e.output)} = base value ${fmt(e.baseValue)} (expected over the training rows) + the contributions; ${e.method}`
                  : `${e.scale}: ${fmt(e.output)} against ${fmt(e.baselineOutput)} for a row of baseline values; ${e.method}`,
                table([['COLUMN', 'VALUE', 'CONTRIBUTION'], ...e.contributions.map((c) => [c.column, String(c.value), fmt(c.contribution)])]),
              ].join('\n'),
            );
          }),
        opts.json,
      ),
    );
  oneRunCommand(runs, io, run, 'card', 'Print a model card draft (Markdown) for a run: intended use, data, metrics, fairness, limitations', 'print {markdown} as JSON', (client, ref) => client.call('runs.card', { id: ref }), (card) => card.markdown);
  oneRunCommand(runs, io, run, 'cancel', 'Stop a run that is training; for a search, every trial still queued or running', 'print the run as JSON', (client, ref) => client.call('runs.cancel', { id: ref }), (stopped) => `${stopped.name}: ${stopped.status}`);
  oneRunCommand(runs, io, run, 'show', 'Show one run: parameters, rows, metrics per split, model size and latency', 'print the run as JSON', (client, ref) => client.call('runs.get', { id: ref }), describeRun);
}

export function registerEvaluate(program: Command, io: CliIo, run: RunCommand): void {
  program
    .command('evaluate')
    .description('Evaluation of a finished run on its test split: metrics, confusion matrix, per-class scores, best threshold, residuals, overfitting warnings')
    .argument('<run>', 'run id or name')
    .option('--project <dir>', 'project folder (default: current folder)')
    .option('--json', 'print {run, evaluation} as JSON (curves, calibration, threshold sweep included)')
    .action((ref: string, opts: { project?: string; json?: boolean }) =>
      run(
        () =>
          withProject(io, opts.project, async (client) => {
            const found = await client.call('runs.evaluation', { id: ref });
            if (!found.evaluation) {
              io.err(`mlcycle: run ${found.run.name} is ${found.run.status}; only a finished run has an evaluation.\n`);
              return 1;
            }
            emit(io, opts.json, found, () => describeEvaluation(found.run, found.evaluation!));
          }),
        opts.json,
      ),
    );
}
