import type { Dashboard, ReadinessItem, StageState } from '../../../shared/governance/dashboard';
import { metricSpec } from '../../../shared/governance/metrics';
import { objectiveMissing, type Objective } from '../../../shared/governance/objective';
import { GOVERNANCE_STAGES, type Person } from '../../../shared/governance/people';
import { STAGES } from '../../../shared/stages';
import type { LifecycleFacts } from './lifecycle-facts';

export interface DashboardInput {
  objective: Objective;
  people: Person[];
  facts: LifecycleFacts;
}

function objectivesStage({ objective, people }: DashboardInput): StageState {
  const missing = objectiveMissing(objective);
  const owners = GOVERNANCE_STAGES.filter((stage) => people.some((p) => p.raci[stage] === 'A'));
  const touched = objective.problem || objective.task || objective.primaryMetric || people.length > 0;
  if (!touched) {
    return { id: 'objectives', status: 'not_started', summary: 'No objective yet.', nextAction: 'Write down the business problem, the ML task and the metric that defines success.' };
  }
  if (missing.length) {
    return { id: 'objectives', status: 'in_progress', summary: `Objective drafted; still missing ${missing.join(', ')}.`, nextAction: `Add ${missing[0]} to the objective.` };
  }
  const spec = metricSpec(objective.primaryMetric!.metric)!;
  const goal = `${spec.label} ${spec.higherIsBetter ? '≥' : '≤'} ${objective.primaryMetric!.threshold}`;
  if (owners.length < GOVERNANCE_STAGES.length) {
    const unowned = GOVERNANCE_STAGES.filter((stage) => !owners.includes(stage));
    return {
      id: 'objectives',
      status: 'in_progress',
      summary: `Success means ${goal}. ${owners.length} of ${GOVERNANCE_STAGES.length} stages have an accountable owner.`,
      nextAction: `Name who is accountable (A) for ${unowned.join(', ')}.`,
    };
  }
  return { id: 'objectives', status: 'done', summary: `Success means ${goal}; every stage has an accountable owner.`, nextAction: null };
}

const num = (v: number) => Number(v.toPrecision(3)).toString();
type StageId = StageState['id'];
const stage = (id: StageId, status: StageState['status'], summary: string, nextAction: string | null): StageState => ({ id, status, summary, nextAction });

/** Where the data stands: imported → profiled → cleaned (optional once split) → split. */
function dataStage({ facts }: DashboardInput): StageState {
  const d = facts.dataset;
  if (!d) return stage('data', 'not_started', 'No data yet.', 'Import the data the model will learn from (a CSV, Parquet or JSON file, a database table or a URL).');
  const what = `${d.ref}, ${d.rows.toLocaleString('en')} rows`;
  if (!d.target) return stage('data', 'in_progress', `${what}; no target column.`, `Choose the target column of ${d.ref}: what the model should predict.`);
  if (facts.splits > 0) return stage('data', 'done', `${what}; ${facts.splits} split${facts.splits > 1 ? 's' : ''} saved.`, null);
  if (!d.profiled) return stage('data', 'in_progress', `${what}, target ${d.target}.`, `Profile ${d.ref}: missing values, distributions and warnings before you train on it.`);
  if (!d.cleaned) return stage('data', 'in_progress', `${what}, profiled.`, `Clean ${d.ref} with a recipe (drop rows with gaps, impute, clip…), or split it as it is.`);
  return stage('data', 'in_progress', `${what}, cleaned.`, `Split ${d.ref} into train, validation and test rows (stratified by ${d.target}).`);
}

/** Training wants two learners, so there is something to compare. */
function trainStage({ facts }: DashboardInput): StageState {
  const kinds = [...new Set(facts.runs.map((r) => r.model))];
  if (facts.runs.length === 0) return stage('train', 'not_started', 'No runs yet.', facts.splits ? 'Train a first model on the saved split.' : 'Train a first model once the data is split.');
  if (kinds.length < 2) return stage('train', 'in_progress', `${facts.runs.length} run${facts.runs.length > 1 ? 's' : ''} of ${kinds[0]}.`, `Train a second learner (not ${kinds[0]}) on the same split, so you have something to compare.`);
  return stage('train', 'done', `${facts.runs.length} runs of ${kinds.join(', ')}.`, null);
}

function bestRun({ facts }: DashboardInput) {
  const scored = facts.runs.filter((r) => r.test !== null);
  return scored.sort((a, b) => (facts.metric.higherIsBetter ? b.test! - a.test! : a.test! - b.test!))[0] ?? null;
}

/** Evaluation is done once a run was chosen (registered); it needs attention when no run meets the threshold. */
function evaluateStage(input: DashboardInput): StageState {
  const { facts } = input;
  const best = bestRun(input);
  if (!best) return stage('evaluate', 'not_started', 'Nothing to evaluate yet.', 'Evaluate the trained models against the objective.');
  const { label, threshold, higherIsBetter } = facts.metric;
  const summary = `Best: ${best.name}, test ${label} ${num(best.test!)}${threshold === null ? '' : ` (goal ${higherIsBetter ? '≥' : '≤'} ${threshold})`}.`;
  const meets = threshold === null || (higherIsBetter ? best.test! >= threshold : best.test! <= threshold);
  if (!meets) return stage('evaluate', 'attention', summary, `No run meets the objective's ${label} yet: look at the errors in Evaluate, then try another learner, a search, or cleaner data.`);
  if (facts.versions.length) return stage('evaluate', 'done', summary, null);
  return stage('evaluate', 'in_progress', summary, `Compare the runs side by side in Evaluate and pick the one to ship (${best.name} leads).`);
}

/** Register (package + parity) → approvals the policy asks for → promote to champion. */
function modelsStage({ facts }: DashboardInput): StageState {
  const newest = facts.versions[0];
  if (!newest) return stage('models', 'not_started', 'Nothing registered yet.', 'Register the chosen run: its ONNX package is checked for parity and signed.');
  const name = `${newest.model} v${newest.version}`;
  // Done while no version of the champion's model is newer than the champion.
  const champion = facts.champion;
  if (champion && facts.versions.every((v) => v.model !== champion.model || v.version <= champion.version)) {
    return stage('models', 'done', `${champion.model} v${champion.version} is the champion.`, null);
  }
  if (newest.approvals < facts.approvalsRequired) {
    const missing = facts.approvalsRequired - newest.approvals;
    return stage('models', 'in_progress', `${name} registered${facts.champion ? `; the champion is v${facts.champion.version}` : ''}.`, `Approve ${name}: the policy asks for ${missing} more approval${missing > 1 ? 's' : ''} before promotion.`);
  }
  return stage('models', 'in_progress', `${name} registered and approved.`, `Promote ${name} to champion: the promotion gates check metric, fairness, parity and approvals.`);
}

function deployStage({ facts }: DashboardInput): StageState {
  const champion = facts.champion;
  const live = champion ? facts.live.filter((l) => l.model === champion.model) : [];
  if (!champion) return stage('deploy', 'not_started', 'Nothing to deploy yet.', 'Deploy the champion once one is promoted.');
  const name = `${champion.model} v${champion.version}`;
  if (!live.length) return stage('deploy', 'not_started', `${name} is not deployed.`, facts.targets.length ? `Deploy ${name} to ${facts.targets[0]} (a smoke test checks it answers as the package does).` : `Add a deploy target (a local server is one click) and deploy ${name}.`);
  const stale = live.filter((l) => l.version !== champion.version);
  if (stale.length) return stage('deploy', 'in_progress', `${stale.map((l) => `${l.target} serves v${l.version}`).join('; ')}.`, `Redeploy the champion ${name} to ${stale[0]!.target}.`);
  return stage('deploy', 'done', `${name} is live on ${live.map((l) => l.target).join(', ')}.`, null);
}

/** Monitoring needs traffic and a pull; open alerts lead to a look and a retrain. */
function monitorStage({ facts }: DashboardInput): StageState {
  const live = facts.live[0];
  if (!live) return stage('monitor', 'not_started', 'Nothing deployed to watch.', 'Watch the deployed model for drift and decay.');
  if (!live.rowsCollected) return stage('monitor', 'in_progress', `${live.model} v${live.version} on ${live.target}: nothing collected yet.`, `Send traffic to ${live.target} (or sample traffic from the Monitor page) and pull its prediction log.`);
  const seen = `${live.rowsCollected.toLocaleString('en')} rows served, ${live.labeledRows.toLocaleString('en')} labeled`;
  if (live.openAlerts) {
    return stage(
      'monitor',
      'attention',
      `${live.target}: ${seen}; ${live.openAlerts} open alert${live.openAlerts > 1 ? 's' : ''}.`,
      live.labeledRows ? `Look at the alerts on ${live.target}, then retrain on its labeled rows and compare with the champion.` : `Look at the alerts on ${live.target}, and add labels for its predictions to judge performance and retrain.`,
    );
  }
  return stage('monitor', 'done', `${live.target}: ${seen}; no open alerts${facts.retrained ? '; retrained from served labels' : ''}.`, null);
}

const STAGE_BUILDERS: Record<StageId, (input: DashboardInput) => StageState> = {
  objectives: objectivesStage,
  data: dataStage,
  train: trainStage,
  evaluate: evaluateStage,
  models: modelsStage,
  deploy: deployStage,
  monitor: monitorStage,
};

function readiness(input: DashboardInput): ReadinessItem[] {
  const { objective, people, facts } = input;
  const missing = objectiveMissing(objective);
  const owned = GOVERNANCE_STAGES.filter((s) => people.some((p) => p.raci[s] === 'A'));
  const best = bestRun(input);
  const { label, threshold, higherIsBetter } = facts.metric;
  const meets = best && threshold !== null ? (higherIsBetter ? best.test! >= threshold : best.test! <= threshold) : null;
  const parity = facts.versions[0];
  const live = facts.live[0];
  return [
    { id: 'objective_defined', label: 'Objective defined', status: missing.length ? 'pending' : 'done', detail: missing.length ? `Missing ${missing.join(', ')}.` : 'Problem, task and primary metric with threshold are set.' },
    { id: 'owners_named', label: 'Owners named', status: owned.length === GOVERNANCE_STAGES.length ? 'done' : 'pending', detail: `${owned.length} of ${GOVERNANCE_STAGES.length} stages have an accountable owner.` },
    {
      id: 'data_profiled',
      label: 'Data profiled',
      status: !facts.dataset ? 'not_available' : facts.dataset.profiled ? 'done' : 'pending',
      detail: !facts.dataset ? 'Once data is imported.' : facts.dataset.profiled ? `${facts.dataset.ref} is profiled.` : `${facts.dataset.ref} has no profile yet.`,
    },
    {
      id: 'metric_threshold_met',
      label: 'Metric threshold met',
      status: meets === null ? 'not_available' : meets ? 'done' : 'failed',
      detail: meets === null ? (threshold === null ? 'The objective sets no threshold for this metric.' : 'Judged on the test split once models are trained.') : `Best test ${label} ${num(best!.test!)} against ${higherIsBetter ? '≥' : '≤'} ${threshold}.`,
    },
    {
      id: 'fairness_checked',
      label: 'Fairness checked',
      status: !objective.constraints.fairness ? 'not_available' : facts.champion ? 'done' : 'pending',
      detail: objective.constraints.fairness ? `Bound set on ${objective.constraints.fairness.sensitiveColumns.join(', ')}; ${facts.champion ? 'the champion passed the fairness gate.' : 'checked by the promotion gates.'}` : 'No fairness bound in the objective.',
    },
    {
      id: 'package_verified',
      label: 'Package verified (ONNX parity)',
      status: !parity ? 'not_available' : parity.parityPassed ? 'done' : 'failed',
      detail: parity ? `${parity.model} v${parity.version}: parity ${parity.parityPassed ? 'passed' : 'failed'}.` : 'Checked when a model is registered.',
    },
    { id: 'deployment_smoke_tested', label: 'Deployment smoke-tested', status: live ? 'done' : 'not_available', detail: live ? `${live.model} v${live.version} passed its smoke test on ${live.target}.` : 'Checked after each deployment.' },
  ];
}

/** The project's home page: each stage's status and next action, the readiness checklist, and slots for later stages. */
export function buildDashboard(input: DashboardInput): Dashboard {
  const stages = STAGES.map((s) => STAGE_BUILDERS[s.id](input));
  const firstOpen = stages.find((s) => s.nextAction !== null && s.status !== 'done');
  const { champion, live } = input.facts;
  return {
    stages,
    next: firstOpen ? { stage: firstOpen.id, action: firstOpen.nextAction! } : null,
    readiness: readiness(input),
    champion: champion && champion.test !== null ? { name: champion.model, version: String(champion.version), metric: input.facts.metric.label, value: Number(champion.test.toPrecision(4)) } : null,
    deployments: live.map((l) => ({ target: l.target, url: l.url ?? '', health: l.lastError ? 'down' : l.openAlerts ? 'degraded' : l.lastPullAt ? 'healthy' : 'unknown' })),
  };
}
