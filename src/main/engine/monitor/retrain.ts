import fs from 'node:fs';
import path from 'node:path';
import { MlcycleError } from '../../../shared/contract/errors';
import type { Job } from '../../../shared/contract/models';
import type { DatasetVersion } from '../../../shared/data/models';
import type { Split } from '../../../shared/data/split';
import type { Deployment } from '../../../shared/deploy/models';
import type { RetrainComparison, RetrainOutcome, RetrainStep } from '../../../shared/monitor/retrain';
import type { ModelVersion } from '../../../shared/registry/models';
import type { Run } from '../../../shared/train/models';
import type { EngineContext } from '../context';
import type { TaskContext } from '../jobs/tasks/types';
import { graphInputs } from '../package/inputs';
import type { Signature } from '../registry/package-docs';
import { readPackage } from '../signing/verify';
import { sha256File, temporaryName } from '../store/artifacts';
import type { ProjectStore } from '../store/project-store';
import { readModelFile } from '../train/model-file';
import { rankingMetric } from '../train/search';
import { LabelsRepo } from './labels-repo';
import { liveVersion } from './live-version';
import { awaitJob, callMethod, resultOf } from './retrain-calls';
import { compareOnHoldout } from './retrain-compare';
import { buildRetrainData, type RetrainData } from './retrain-data';

export interface RetrainArgs {
  target: string;
  includeOriginal: boolean;
  from?: string;
  promote: boolean;
  redeploy: boolean;
}

/** Each step's share of the job's progress: [start, end]. */
const SPAN = { data: [0, 0.1], split: [0.1, 0.14], train: [0.14, 0.5], register: [0.5, 0.72], champion: [0.72, 0.77], challenger: [0.77, 0.82], deploy: [0.85, 1] } as const;

const signatureOf = (store: ProjectStore, v: ModelVersion) => JSON.parse(Buffer.from(readPackage(store.artifacts.pathOf(v.packageSha256)).contents.get('signature.json')!).toString('utf8')) as Signature;
const num = (x: number | null) => (x === null ? 'undefined' : Number(x.toPrecision(4)).toString());

/** The new dataset version: the data step's file adopted into artifacts, a version of the champion's dataset with it as parent. */
function addDatasetVersion(ctx: EngineContext, jobId: string, args: RetrainArgs, original: DatasetVersion, data: RetrainData, sha256: string): DatasetVersion {
  const { store } = ctx.session.require();
  const stored = store.artifacts.adoptFile(data.datasetFile, sha256, 'application/vnd.apache.parquet');
  const columns = data.columns.map((c) => ({ ...c, semantic: original.columns.find((o) => o.name === c.name)!.semantic }));
  const parent = `${original.datasetName}@${original.version}`;
  const note = `Retraining on ${args.target}'s labels: ${data.training} labeled rows served${args.from ? ` since ${args.from}` : ''}${args.includeOriginal ? `, after the ${data.original} rows of ${parent}` : ''}; the newest ${data.heldOut} held out to compare on.`;
  return store.datasets.addVersion(
    {
      name: original.datasetName,
      sha256,
      rows: data.rows,
      bytes: stored.size,
      columns,
      target: original.target,
      source: { kind: 'retrain', parent, target: args.target, labeledRows: data.training, heldOutRows: data.heldOut, originalRows: data.original, from: args.from ?? null, note },
      parentId: original.id,
      rejectedRows: 0,
      rejectSample: [],
      jobId,
    },
    ctx.identity,
  ).version;
}

/** The champion's split settings on the new version; a time or group split whose column is not in it falls back to the task's default. */
function splitSettings(store: ProjectStore, run: Run, columns: string[]): { strategy: Split['strategy']; column: string | null; ratios: number[]; seed: number; note: string } {
  const s = run.splitId ? store.splits.resolve(run.splitId) : null;
  if (s && (s.column === null || columns.includes(s.column))) return { strategy: s.strategy, column: s.column, ratios: s.ratios, seed: s.seed, note: `the champion's ${s.strategy} ${s.ratios.join('/')} split, seed ${s.seed}` };
  const strategy = run.task === 'regression' ? 'random' : 'stratified';
  const ratios = s?.ratios ?? [0.8, 0.2];
  const seed = s?.seed ?? run.seed;
  return { strategy, column: strategy === 'stratified' ? run.target : null, ratios, seed, note: `a ${strategy} ${ratios.join('/')} split, seed ${seed} (the champion's split column ${s?.column ?? '(none)'} is not in the retraining data)` };
}

/**
 * The retrain loop for a deploy target, run as a job on the engine's thread: each heavy step is a
 * job of its own in a worker, started through the same method a person would call. a. a new
 * dataset version from the live version's labeled served rows (newest held out); b. the champion's
 * split settings, learner and parameters on it; c. the challenger registered (parity included) and
 * both compared on the held-out rows; d. promotion through the gates; e. a redeploy to the target.
 */
export async function retrain(ctx: EngineContext, args: RetrainArgs, task: TaskContext, jobId: string): Promise<RetrainOutcome> {
  const project = ctx.session.require();
  const { store } = project;
  const via = `${args.target} (retrain job ${jobId.slice(0, 8)})`;
  const steps: RetrainStep[] = [];
  const note = (step: RetrainStep['step'], outcome: RetrainStep['outcome'], message: string) => {
    steps.push({ step, outcome, message });
    task.log(`${step}: ${message}`, outcome === 'failed' ? 'error' : outcome === 'refused' ? 'warn' : 'info');
  };
  const before = (next: string) => {
    if (task.isCancelled()) throw new MlcycleError('CANCELLED', `Retraining was cancelled before ${next}; what it made so far stays (${steps.map((s) => s.step).join(', ') || 'nothing'}).`);
  };
  const wait = (job: Job, span: readonly [number, number], label: string) => awaitJob(ctx, job, task, [span[0], span[1]], label);

  // a. Data
  task.progress(0.01, 'data: joining served rows with their labels');
  const live = liveVersion(store, args.target);
  const champion = live.version;
  const run = store.runs.get(champion.runId);
  const original = store.datasets.version(run.versionId);
  const column = (name: string) => original.columns.find((c) => c.name === name)!;
  const features = graphInputs(readModelFile(store.artifacts.pathOf(run.modelSha256!)).pipeline).map((g) => ({ input: g.name, column: column(g.column), numeric: g.type === 'float' }));
  const data = await buildRetrainData({
    servedFiles: live.files,
    version: String(champion.version),
    from: args.from ?? null,
    labels: new LabelsRepo(store.db).all(live.target.id),
    features,
    target: column(run.target),
    originalFile: args.includeOriginal ? store.artifacts.pathOf(original.sha256) : null,
    minWindowRows: store.policy.current().value.monitoring.minWindowRows,
    tempDir: store.artifacts.root,
  });
  const scores = [0, 1].map(() => path.join(store.artifacts.root, temporaryName('retrain-scores', '.parquet')));
  try {
    const version = addDatasetVersion(ctx, jobId, args, original, data, await sha256File(data.datasetFile));
    const dataset = `${version.datasetName}@${version.version}`;
    const minRows = store.policy.current().value.monitoring.minWindowRows;
    note('data', 'ok', `${dataset} (${data.rows} rows, parent ${original.datasetName}@${original.version}): ${data.training} of ${data.labeled} labeled rows served by ${champion.model} v${champion.version}${args.includeOriginal ? ` after its ${data.original} training rows` : ''}; the newest ${data.heldOut} (${data.window.from} to ${data.window.to}) held out${data.heldOut < minRows ? `, fewer than the policy's ${minRows} rows to judge a window: read the comparison with care` : ''}`);

    // b. Split and train with the champion's settings, learner and parameters.
    before('the split');
    const settings = splitSettings(store, run, data.columns.map((c) => c.name));
    const splitJob = await callMethod(ctx, 'data.split', { ref: version.id, strategy: settings.strategy, ratios: settings.ratios, seed: settings.seed, ...(settings.column ? { column: settings.column } : {}) }, via);
    const split = resultOf<Split>(await wait(splitJob, SPAN.split, 'train: splitting'), 'Splitting the new data');
    before('training');
    const cv = run.crossValidation?.folds.length;
    const name = `${run.name} · retrained on ${args.target}`.slice(0, 200);
    const started = await callMethod(ctx, 'train.start', { dataset: version.id, target: run.target, task: run.task, model: run.model, params: run.params, split: split.id, seed: run.seed, features: run.features, name, ...(cv ? { cv } : {}) }, via);
    resultOf(await wait(started.job, SPAN.train, 'train'), 'Training the challenger');
    const trained = store.runs.get(started.run.id);
    note('train', 'ok', `run ${trained.name} (${trained.id.slice(0, 8)}): ${run.model} with the champion's parameters on ${settings.note}`);

    // c. Register the challenger, then score both on the held-out rows.
    before('registration');
    const registering = await callMethod(ctx, 'registry.register', { run: trained.id, model: champion.model, description: `Challenger to v${champion.version}, retrained on ${args.target}'s labels (${dataset}).`, tags: ['retrained'] }, via);
    const challenger = resultOf<ModelVersion>(await wait(registering, SPAN.register, 'register'), 'Registering the challenger');
    note('register', 'ok', `${challenger.model} v${challenger.version} (parity ${challenger.parity.passed ? 'passed' : 'failed'}, largest difference ${challenger.parity.maxAbsDiff.toExponential(1)})`);
    before('the comparison');
    const scored: Array<{ file: string; classes: string[] | null }> = [];
    for (const [i, v] of [champion, challenger].entries()) {
      const scoring = await callMethod(ctx, 'registry.score', { model: v.model, version: v.version, input: data.holdoutFile, out: scores[i]!, id: 'holdout_row' }, via);
      resultOf(await wait(scoring, i === 0 ? SPAN.champion : SPAN.challenger, `compare: scoring with v${v.version}`), 'Scoring the held-out rows');
      scored.push({ file: scores[i]!, classes: signatureOf(store, v).classes ?? null });
    }
    const comparison = await compareOnHoldout(data.holdoutFile, scored[0]!, scored[1]!, rankingMetric(project, run.task), data.window);
    recordComparison(ctx, args.target, champion, challenger, dataset, trained.id, comparison);
    note('compare', comparison.winner === 'undecided' ? 'failed' : 'ok', describe(champion, challenger, comparison));

    // d. Promote through the gates; e. redeploy.
    before('promotion');
    task.progress(0.83, 'promote');
    const outcome = { promoted: false, gatesFailed: [] as string[], deploymentId: null as string | null, result: 'champion kept' as RetrainOutcome['outcome'] };
    if (!args.promote) {
      outcome.result = 'challenger registered';
      note('promote', 'skipped', `not asked to promote: v${challenger.version} stays registered beside the champion`);
    } else if (comparison.winner !== 'challenger') {
      note('promote', 'skipped', `the challenger did not beat v${champion.version} on the held-out rows: the champion keeps its place`);
    } else {
      try {
        await callMethod(ctx, 'registry.promote', { model: challenger.model, version: challenger.version }, via);
        outcome.promoted = true;
        outcome.result = 'promoted';
        note('promote', 'ok', `${challenger.model} v${challenger.version} is the champion`);
        store.decisions.add({ title: `Promoted ${challenger.model} v${challenger.version} to champion after retraining on ${args.target}'s labels`, why: describe(champion, challenger, comparison), details: 'Every required promotion gate passed.', links: [{ kind: 'model', ref: `${challenger.model}@${challenger.version}` }] }, ctx.identity);
      } catch (error) {
        if (!(error instanceof MlcycleError) || error.code !== 'GATE_FAILED') throw error;
        outcome.gatesFailed = (error.details?.failed as string[] | undefined) ?? [];
        outcome.result = 'awaiting gates';
        note('promote', 'refused', error.message);
        store.decisions.add({ title: `${challenger.model} v${challenger.version} won the retrain comparison but awaits the promotion gates (${outcome.gatesFailed.join(', ')})`, why: describe(champion, challenger, comparison), details: error.message, links: [{ kind: 'model', ref: `${challenger.model}@${challenger.version}` }] }, ctx.identity);
      }
    }
    if (outcome.promoted && args.redeploy) {
      before('the redeploy');
      const deploying = await callMethod(ctx, 'deploy.start', { target: args.target, model: challenger.model, version: challenger.version }, via);
      const d = resultOf<Deployment>(await wait(deploying, SPAN.deploy, 'deploy'), 'Redeploying');
      outcome.deploymentId = d.id;
      outcome.result = d.status === 'live' ? 'redeployed' : 'redeploy failed';
      note('deploy', d.status === 'live' ? 'ok' : 'failed', d.status === 'live' ? `${d.model} v${d.version} is live on ${d.target}` : `${d.status.replace('_', ' ')}: ${d.events.at(-1)?.message ?? ''}`);
    } else note('deploy', 'skipped', outcome.promoted ? 'not asked to redeploy' : 'nothing new to deploy');
    task.progress(1, outcome.result);
    return {
      target: live.target.name,
      champion: { model: champion.model, version: champion.version },
      datasetVersionId: version.id,
      dataset,
      splitId: split.id,
      runId: trained.id,
      challenger: { model: challenger.model, version: challenger.version },
      rows: { labeled: data.labeled, training: data.training, heldOut: data.heldOut, original: data.original },
      comparison,
      promoted: outcome.promoted,
      gatesFailed: outcome.gatesFailed,
      deploymentId: outcome.deploymentId,
      outcome: outcome.result,
      steps,
    };
  } finally {
    for (const file of [data.datasetFile, data.holdoutFile, ...scores]) fs.rmSync(file, { force: true });
  }
}

function describe(champion: ModelVersion, challenger: ModelVersion, c: RetrainComparison): string {
  const verdict = c.winner === 'undecided' ? `${c.metric} is undefined on these rows, so neither wins` : c.winner === 'challenger' ? 'the challenger wins' : 'the champion keeps its place (a tie goes to the champion)';
  return `On the ${c.rows} newest labeled rows (served ${c.from} to ${c.to}, not trained on), ${c.metric} of champion v${champion.version} is ${num(c.champion)} and of challenger v${challenger.version} ${num(c.challenger)} (${c.higherIsBetter ? 'higher' : 'lower'} is better): ${verdict}.`;
}

/** The comparison is a decision: in the decision log, with links to what it concerns, and in the audit log. */
function recordComparison(ctx: EngineContext, target: string, champion: ModelVersion, challenger: ModelVersion, dataset: string, runId: string, c: RetrainComparison): void {
  const { store } = ctx.session.require();
  const title = c.winner === 'challenger' ? `Retrained ${challenger.model} on ${target}'s labels: challenger v${challenger.version} beats v${champion.version}` : `Retrained ${challenger.model} on ${target}'s labels: v${champion.version} stays ahead of challenger v${challenger.version}`;
  store.decisions.add({ title, why: describe(champion, challenger, c), details: '', links: [{ kind: 'dataset', ref: dataset }, { kind: 'run', ref: runId }, { kind: 'model', ref: `${challenger.model}@${challenger.version}` }, { kind: 'model', ref: `${champion.model}@${champion.version}` }] }, ctx.identity);
  const entry = store.audit.record({ actor: ctx.identity, action: 'monitor.retrain.compare', target: `${target}: ${champion.model} v${champion.version} vs v${challenger.version}`, details: c, outcome: 'ok' });
  ctx.bus.emit('audit.recorded', entry);
}
