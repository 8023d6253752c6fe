import type { Dashboard, ReadinessItem, StageState } from '../../../shared/governance/dashboard';
import { metricSpec } from '../../../shared/governance/metrics';
import { objectiveMissing, type Objective } from '../../../shared/governance/objective';
import { GOVERNANCE_STAGES, type Person } from '../../../shared/governance/people';
import { STAGES } from '../../../shared/stages';

export interface DashboardInput {
  objective: Objective;
  people: Person[];
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

/** Stages whose workspaces are not built yet still show where they stand and what comes next. */
const LATER_STAGE_ACTIONS: Record<Exclude<StageState['id'], 'objectives'>, string> = {
  data: 'Import the data the model will learn from.',
  train: 'Train a first model once the data is split.',
  evaluate: 'Evaluate the trained models against the objective.',
  models: 'Package the best model and register it.',
  deploy: 'Deploy the registered model.',
  monitor: 'Watch the deployed model for drift and decay.',
};

function readiness({ objective, people }: DashboardInput): ReadinessItem[] {
  const missing = objectiveMissing(objective);
  const owned = GOVERNANCE_STAGES.filter((stage) => people.some((p) => p.raci[stage] === 'A'));
  return [
    {
      id: 'objective_defined',
      label: 'Objective defined',
      status: missing.length ? 'pending' : 'done',
      detail: missing.length ? `Missing ${missing.join(', ')}.` : 'Problem, task and primary metric with threshold are set.',
    },
    {
      id: 'owners_named',
      label: 'Owners named',
      status: owned.length === GOVERNANCE_STAGES.length ? 'done' : 'pending',
      detail: `${owned.length} of ${GOVERNANCE_STAGES.length} stages have an accountable owner.`,
    },
    { id: 'data_profiled', label: 'Data profiled', status: 'not_available', detail: 'Available once the Data workspace lands.' },
    { id: 'metric_threshold_met', label: 'Metric threshold met', status: 'not_available', detail: 'Judged on the test split once models are trained.' },
    {
      id: 'fairness_checked',
      label: 'Fairness checked',
      status: 'not_available',
      detail: objective.constraints.fairness ? `Bound set on ${objective.constraints.fairness.sensitiveColumns.join(', ')}; checked once models are evaluated.` : 'No fairness bound in the objective yet.',
    },
    { id: 'package_verified', label: 'Package verified (ONNX parity)', status: 'not_available', detail: 'Checked when a model is packaged.' },
    { id: 'deployment_smoke_tested', label: 'Deployment smoke-tested', status: 'not_available', detail: 'Checked after each deployment.' },
  ];
}

/** The project's home page: each stage's status and next action, the readiness checklist, and slots for later stages. */
export function buildDashboard(input: DashboardInput): Dashboard {
  const stages: StageState[] = STAGES.map((stage) =>
    stage.id === 'objectives'
      ? objectivesStage(input)
      : { id: stage.id, status: 'not_started', summary: stage.summary, nextAction: LATER_STAGE_ACTIONS[stage.id] },
  );
  const firstOpen = stages.find((s) => s.nextAction !== null && s.status !== 'done');
  return {
    stages,
    next: firstOpen ? { stage: firstOpen.id, action: firstOpen.nextAction! } : null,
    readiness: readiness(input),
    champion: null,
    deployments: [],
  };
}
