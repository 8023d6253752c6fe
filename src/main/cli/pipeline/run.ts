import type { Client } from '../../../shared/client';
import { MlcycleError } from '../../../shared/contract/errors';
import type { Job } from '../../../shared/contract/models';
import type { Split } from '../../../shared/data/split';
import type { Deployment } from '../../../shared/deploy/models';
import type { MlTask } from '../../../shared/governance/metrics';
import { monitoredMetric } from '../../../shared/monitor/performance-signals';
import type { PipelineFile, PipelineOutcome, PipelineStep } from '../../../shared/pipeline/pipeline';
import type { ModelVersion } from '../../../shared/registry/models';
import type { Run } from '../../../shared/train/models';
import { sourceFrom } from '../commands/data';

/** How the runner waits for a job and says what it is doing (the CLI prints; tests collect). */
export interface PipelineIo {
  follow(job: Job): Promise<Job>;
  say(line: string): void;
}

/** A step that could not go on (its message says why): the pipeline stops there and exits 1. */
class StepFailed extends Error {}

const num = (v: number | null | undefined) => (v === null || v === undefined ? 'n/a' : Number(v.toPrecision(4)).toString());

/**
 * Replays the project's path headless, each step through the same method a person's click reaches:
 * import → clean → split → train each learner → pick the best on the validation rows → register
 * (ONNX export, parity, signed package) → promotion gates → deploy. Stops at the first step that
 * fails; a refused promotion names its gates.
 */
export async function runPipeline(client: Client, pipeline: PipelineFile, baseDir: string, io: PipelineIo): Promise<PipelineOutcome> {
  const outcome: PipelineOutcome = { ok: false, steps: [], gatesFailed: [], datasetVersionId: null, splitId: null, runIds: [], best: null, version: null, deploymentId: null };
  const note = (step: PipelineStep['step'], result: PipelineStep['outcome'], message: string) => {
    outcome.steps.push({ step, outcome: result, message });
    io.say(`${result === 'failed' ? '✗' : result === 'skipped' ? '–' : '✓'} ${step}: ${message}`);
  };
  /** Runs a job to its end; its result, or the current step fails with the job's own reason. */
  const finish = async <T>(started: Job): Promise<T> => {
    const job = await io.follow(started);
    if (job.status === 'succeeded') return job.result as T;
    throw new StepFailed(job.error?.message ?? `${job.title} ${job.status}`);
  };
  let current: PipelineStep['step'] = 'import';
  try {
    // Import: a new version of the dataset from the named file or URL (identical content reuses the version).
    let ref = pipeline.dataset;
    if (pipeline.import) {
      const source = pipeline.import.source;
      const imported = await finish<{ versionId: string; name: string; version: number; rows: number; reused: boolean }>(
        await client.call('data.import', { source: sourceFrom(source, {}, baseDir), options: { name: pipeline.dataset, target: pipeline.import.target ?? pipeline.target, onBadRows: 'fail', types: {}, semantic: {}, profile: true } }),
      );
      ref = imported.versionId;
      note('import', 'ok', `${imported.name}@${imported.version} (${imported.rows.toLocaleString('en')} rows${imported.reused ? ', the same content as before: version reused' : ''}) from ${source}`);
    } else note('import', 'skipped', `using ${pipeline.dataset} as it is`);
    const start = (await client.call('data.show', { ref })).version;

    current = 'clean';
    if (pipeline.recipe.length) {
      const cleaned = await finish<{ versionId: string; name: string; version: number; rows: number }>(await client.call('data.clean', { ref: start.id, recipe: { steps: pipeline.recipe } }));
      ref = cleaned.versionId;
      note('clean', 'ok', `${cleaned.name}@${cleaned.version} (${cleaned.rows.toLocaleString('en')} rows) after ${pipeline.recipe.length} recipe step${pipeline.recipe.length > 1 ? 's' : ''} on ${start.datasetName}@${start.version}`);
    } else {
      ref = start.id;
      note('clean', 'skipped', 'no recipe steps');
    }
    outcome.datasetVersionId = ref;
    current = 'split';
    const target = pipeline.target ?? (await client.call('data.show', { ref })).version.target;
    if (!target) throw new StepFailed(`${pipeline.dataset} has no target column; name one with target: in the pipeline file`);

    const { strategy, ratios, seed } = pipeline.split;
    const column = pipeline.split.column ?? (strategy === 'stratified' ? target : undefined);
    const split = await finish<Split>(await client.call('data.split', { ref, strategy, ratios, seed, ...(column ? { column } : {}) }));
    outcome.splitId = split.id;
    note('split', 'ok', `${split.strategy} ${split.ratios.join('/')} split, seed ${split.seed} (${split.name})`);

    current = 'train';
    const runs: Run[] = [];
    for (const learner of pipeline.train) {
      const started = await client.call('train.start', { dataset: ref, target, model: learner.model, params: learner.params, split: split.id, seed, exclude: [], ...(learner.name ? { name: learner.name } : {}) });
      await finish(started.job);
      const run = await client.call('runs.get', { id: started.run.id });
      runs.push(run);
      outcome.runIds.push(run.id);
      note('train', 'ok', `${run.name} (${run.model}, run ${run.id.slice(0, 8)})`);
    }

    current = 'evaluate';
    const objective = (await client.call('objective.get', {})).value;
    const { metric, higherIsBetter } = monitoredMetric(objective.primaryMetric?.metric ?? null, runs[0]!.task as MlTask);
    // Ranked on validation rows (test rows when the split has none): the test rows stay unseen by the choice.
    const scoreOf = (r: Run) => r.metrics.validation?.[metric] ?? r.metrics.test?.[metric] ?? null;
    const ranked = runs.filter((r) => scoreOf(r) !== null).sort((a, b) => (higherIsBetter ? scoreOf(b)! - scoreOf(a)! : scoreOf(a)! - scoreOf(b)!));
    const best = ranked[0];
    if (!best) throw new StepFailed(`no run has ${metric} to compare on`);
    outcome.best = { runId: best.id, metric, validation: best.metrics.validation?.[metric] ?? null, test: best.metrics.test?.[metric] ?? null };
    note('evaluate', 'ok', `${best.name} is best by ${metric} (${runs.map((r) => `${r.model} ${num(scoreOf(r))}`).join(', ')} on ${best.metrics.validation ? 'validation' : 'test'} rows); test ${metric} ${num(outcome.best.test)}`);

    current = 'register';
    const version = await finish<ModelVersion>(await client.call('registry.register', { run: best.id, model: pipeline.model, description: `Registered by the pipeline from ${best.dataset}.`, tags: ['pipeline'] }));
    outcome.version = { model: version.model, version: version.version };
    note('register', 'ok', `${version.model} v${version.version} (parity passed, largest difference ${version.parity.maxAbsDiff.toExponential(1)})`);

    current = 'gates';
    if (!pipeline.promote) {
      note('gates', 'skipped', 'promote: false; the version stays registered');
      note('deploy', 'skipped', 'nothing promoted');
      outcome.ok = true;
      return outcome;
    }
    try {
      await client.call('registry.promote', { model: version.model, version: version.version });
      note('gates', 'ok', `every required gate passed: ${version.model} v${version.version} is the champion`);
    } catch (error) {
      if (!(error instanceof MlcycleError) || error.code !== 'GATE_FAILED') throw error;
      outcome.gatesFailed = (error.details?.failed as string[] | undefined) ?? [];
      const next = outcome.gatesFailed.includes('approvals')
        ? ` ${version.model} v${version.version} stays registered: once a reviewer approves it (mlcycle registry approve ${version.model} ${version.version}), promote it (mlcycle registry promote ${version.model} ${version.version})${pipeline.deploy ? ` and deploy it (mlcycle deploy ${version.model}@${version.version} --target ${pipeline.deploy.target})` : ''}.`
        : ` ${version.model} v${version.version} stays registered; the gates are set in the objective and the promotion policy (mlcycle gates, mlcycle policy show).`;
      throw new StepFailed(`${error.message}${next}`);
    }

    current = 'deploy';
    if (!pipeline.deploy) note('deploy', 'skipped', 'no deploy target in the pipeline');
    else {
      const d = await finish<Deployment>(await client.call('deploy.start', { target: pipeline.deploy.target, model: version.model, version: version.version }));
      outcome.deploymentId = d.id;
      if (d.status !== 'live') throw new StepFailed(`${d.model} v${d.version} is ${d.status.replace('_', ' ')} on ${d.target}: ${d.events.at(-1)?.message ?? ''}`);
      note('deploy', 'ok', `${d.model} v${d.version} is live on ${d.target}${d.url ? ` at ${d.url}` : ''}`);
    }
    outcome.ok = true;
    return outcome;
  } catch (error) {
    note(current, 'failed', (error as Error).message);
    return outcome;
  }
}
