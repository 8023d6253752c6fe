import { MlcycleError } from '../../../shared/contract/errors';
import { metricInfo } from '../../../shared/ml';
import type { AutoRequest, Run, SearchRequest, SearchSummary, TrainTask } from '../../../shared/train/models';
import type { OpenProject } from '../session';
import { DEFAULT_SPACES, halvingRounds, sampleConfigs } from './search-space';
import { ensureSplit, startRun, type Prepared } from './start-run';

const DEFAULT_METRIC: Record<TrainTask, string> = { binary: 'roc_auc', multiclass: 'accuracy', regression: 'rmse' };

/** The objective's primary metric when it fits the task, else a sensible default for the task. */
export function rankingMetric(project: OpenProject, task: TrainTask): { metric: string; higherIsBetter: boolean } {
  const primary = project.store.objective.current().value.primaryMetric?.metric;
  const info = primary ? metricInfo(primary) : undefined;
  const fits = primary && (task === 'regression' ? ['rmse', 'mae', 'r2', 'mape'].includes(primary) : !['rmse', 'mae', 'r2', 'mape'].includes(primary));
  const metric = fits && info ? primary! : DEFAULT_METRIC[task];
  return { metric, higherIsBetter: metricInfo(metric)?.higherIsBetter ?? true };
}

/**
 * Runs a hyperparameter search as a parent run with one child run per trial. Trials are ordinary
 * training jobs, so the job queue runs as many at once as there are cores, each in its own worker.
 * Random search is one round on all training rows; successive halving starts every trial on a
 * small share of the rows and gives the best third three times as many, round after round. Trials
 * are ranked on the validation rows, never the test rows.
 */
export function startSearch(project: OpenProject, identity: string, prepared: Prepared, req: SearchRequest): { run: Run; children: Run[] } {
  const { store } = project;
  const space = req.space ?? DEFAULT_SPACES[req.model];
  const configs = sampleConfigs(space, req.trials, req.seed);
  const ranking = rankingMetric(project, prepared.task);
  const name = req.name ?? `${req.strategy} search: ${req.model} on ${prepared.version.datasetName}@${prepared.version.version}`;
  const parent = store.runs.create({ name, model: req.model, task: prepared.task, params: req.fixed, versionId: prepared.version.id, splitId: prepared.split?.id ?? null, target: prepared.target, features: prepared.features.map((c) => c.name), seed: req.seed, createdBy: identity, parentRunId: null });
  const plan = req.strategy === 'halving' ? halvingRounds(req.trials) : [{ keep: req.trials, fraction: 1 }];
  const summary: SearchSummary = { strategy: req.strategy, trials: req.trials, metric: ranking.metric, higherIsBetter: ranking.higherIsBetter, space, rounds: [], bestRunId: null };
  store.runs.saveSearch(parent.id, summary);

  const stillRunning = () => store.runs.get(parent.id).status === 'running';
  const score = (run: Run) => run.metrics.validation?.[ranking.metric] ?? null;
  const better = (a: Run, b: Run) => (ranking.higherIsBetter ? score(b)! - score(a)! : score(a)! - score(b)!);

  const launch = (round: number, trials: Array<Record<string, string | number>>, p: Prepared) => {
    const runIds: string[] = [];
    let pending = trials.length;
    summary.rounds.push({ fraction: plan[round]!.fraction, runIds });
    trials.forEach((config) => {
      const child = startRun(project, identity, p, {
        model: req.model,
        params: { ...req.fixed, ...config },
        name: `${name} · round ${round + 1} · ${Object.entries(config).map(([k, v]) => `${k}=${v}`).join(' ')}`,
        seed: req.seed,
        cv: null,
        parentRunId: parent.id,
        trainFraction: plan[round]!.fraction,
        onEnd: () => {
          if (--pending === 0) finishRound(round, trials, p);
        },
      });
      runIds.push(child.run.id);
    });
    store.runs.saveSearch(parent.id, summary);
  };

  const finishRound = (round: number, trials: Array<Record<string, string | number>>, p: Prepared) => {
    if (!stillRunning()) return;
    const ids = summary.rounds[round]!.runIds;
    const done = ids.map((id) => store.runs.get(id)).filter((r) => r.status === 'succeeded' && score(r) !== null);
    if (!done.length) {
      store.runs.end(parent.id, 'failed', `No trial of round ${round + 1} finished with a validation ${ranking.metric}; see the child runs for why.`);
      return;
    }
    const ranked = [...done].sort(better);
    if (round === plan.length - 1) {
      summary.bestRunId = ranked[0]!.id;
      store.runs.completeFromChild(parent.id, ranked[0]!.id, summary);
      return;
    }
    const keep = plan[round + 1]!.keep;
    launch(round + 1, ranked.slice(0, keep).map((r) => trials[ids.indexOf(r.id)]!), p);
  };

  ensureSplit(project, identity, prepared, (p, error) => {
    if (error) store.runs.end(parent.id, 'failed', `Could not make the split: ${error}`);
    else if (stillRunning()) launch(0, configs, p);
  });
  return { run: store.runs.get(parent.id), children: store.runs.children(parent.id) };
}

/** A search needs validation rows to rank trials on without touching the test rows. */
export function requireValidation(prepared: Prepared): void {
  if (prepared.split && !prepared.split.counts.validation) {
    throw new MlcycleError('INVALID_ARGUMENT', `Split '${prepared.split.name}' has no validation set; a search ranks trials on validation rows. Choose a split with three shares (e.g. 0.7/0.15/0.15) or leave the split out.`, { field: 'split' });
  }
}

/** The learners that fit each task, in the order auto starts them. */
export const AUTO_LEARNERS: Record<TrainTask, Array<Run['model']>> = {
  binary: ['logistic', 'gbdt', 'random_forest', 'mlp'],
  multiclass: ['logistic', 'gbdt', 'random_forest', 'mlp'],
  regression: ['linear', 'gbdt', 'random_forest', 'mlp'],
};

/**
 * Auto: every available learner that fits the task (or those of them the request names), with its
 * defaults, trained in parallel up to the core count; when the budget runs out the ones still
 * training are stopped. The finished ones are ranked like search trials and the best becomes the
 * parent's result.
 */
export function startAuto(project: OpenProject, identity: string, prepared: Prepared, req: AutoRequest, available: (model: Run['model']) => boolean): { run: Run; children: Run[] } {
  const { store, jobs } = project;
  const models = AUTO_LEARNERS[prepared.task].filter((m) => available(m) && (!req.models || req.models.includes(m)));
  if (!models.length) {
    const fitting = AUTO_LEARNERS[prepared.task].filter(available);
    throw new MlcycleError('INVALID_ARGUMENT', `None of the chosen learners (${req.models?.join(', ') ?? 'none'}) fits this ${prepared.task} task; choose from ${fitting.join(', ')}.`, { field: 'models' });
  }
  const ranking = rankingMetric(project, prepared.task);
  const name = req.name ?? `auto: ${prepared.version.datasetName}@${prepared.version.version} → ${prepared.target}`;
  const parent = store.runs.create({ name, model: models[0]!, task: prepared.task, params: {}, versionId: prepared.version.id, splitId: prepared.split?.id ?? null, target: prepared.target, features: prepared.features.map((c) => c.name), seed: req.seed, createdBy: identity, parentRunId: null });
  const summary: SearchSummary = { strategy: 'auto', trials: models.length, metric: ranking.metric, higherIsBetter: ranking.higherIsBetter, space: {}, rounds: [], bestRunId: null, budgetSeconds: req.budgetSeconds };
  store.runs.saveSearch(parent.id, summary);
  const score = (run: Run) => run.metrics.validation?.[ranking.metric] ?? null;

  ensureSplit(project, identity, prepared, (p, error) => {
    if (error) return store.runs.end(parent.id, 'failed', `Could not make the split: ${error}`);
    const runIds: string[] = [];
    summary.rounds.push({ fraction: 1, runIds });
    let pending = models.length;
    const finish = () => {
      clearTimeout(timer);
      if (store.runs.get(parent.id).status !== 'running') return;
      const done = runIds.map((id) => store.runs.get(id)).filter((r) => r.status === 'succeeded' && score(r) !== null);
      if (!done.length) return store.runs.end(parent.id, 'failed', `No learner finished within ${req.budgetSeconds} s with a validation ${ranking.metric}; see the child runs.`);
      const best = done.sort((a, b) => (ranking.higherIsBetter ? score(b)! - score(a)! : score(a)! - score(b)!))[0]!;
      summary.bestRunId = best.id;
      store.runs.completeFromChild(parent.id, best.id, summary);
    };
    const timer = setTimeout(() => {
      for (const id of runIds) {
        const r = store.runs.get(id);
        if (r.status === 'running' && r.jobId) jobs.cancel(r.jobId);
      }
    }, req.budgetSeconds * 1000);
    for (const model of models) {
      const child = startRun(project, identity, p, { model, params: {}, name: `${name} · ${model}`, seed: req.seed, cv: null, parentRunId: parent.id, onEnd: () => --pending === 0 && finish() });
      runIds.push(child.run.id);
    }
    store.runs.saveSearch(parent.id, summary);
  });
  return { run: store.runs.get(parent.id), children: store.runs.children(parent.id) };
}
