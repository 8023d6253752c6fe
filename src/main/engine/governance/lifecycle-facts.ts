import { metricSpec } from '../../../shared/governance/metrics';
import { monitoredMetric } from '../../../shared/monitor/performance-signals';
import type { ProjectStore } from '../store/project-store';

/** What the dashboard needs to know of each stage, read from the project in one go. */
export interface LifecycleFacts {
  /** The most recently made dataset version; profiled: some version of its dataset is. */
  dataset: { ref: string; rows: number; target: string | null; profiled: boolean; cleaned: boolean } | null;
  splits: number;
  /** Finished runs (not search trials), newest first, with the objective's metric on their test rows. */
  runs: Array<{ name: string; model: string; test: number | null }>;
  metric: { id: string; label: string; threshold: number | null; higherIsBetter: boolean };
  /** Registered versions, newest first. */
  versions: Array<{ model: string; version: number; approvals: number; parityPassed: boolean }>;
  approvalsRequired: number;
  champion: { model: string; version: number; test: number | null } | null;
  targets: string[];
  /** What is live on each target, and what monitoring has seen of it. */
  live: Array<{ target: string; model: string; version: number; url: string | null; lastPullAt: string | null; lastError: string | null; rowsCollected: number; labeledRows: number; openAlerts: number }>;
  /** A retrain has made a dataset version from served labels. */
  retrained: boolean;
}

export function lifecycleFacts(store: ProjectStore): LifecycleFacts {
  const objective = store.objective.current().value;
  const versions = store.datasets.list().flatMap((d) => store.datasets.versions(d.id));
  const newest = versions.sort((a, b) => b.createdAt.localeCompare(a.createdAt))[0];
  const runs = store.runs.list({ limit: 500 }).filter((r) => r.status === 'succeeded' && r.parentRunId === null && r.modelSha256 !== null);
  const task = runs[0]?.task ?? objective.task ?? 'binary';
  const ranked = monitoredMetric(objective.primaryMetric?.metric ?? null, task);
  const models = store.registry.list();
  const registered = models.flatMap((m) => store.registry.versions(m.name)).sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  const championModel = models.find((m) => m.aliases.champion !== undefined);
  const champion = championModel ? store.registry.version(championModel.name, 'champion') : null;
  // The champion's own run, even when it was a search trial (those are not in `runs`).
  const championRun = champion ? store.runs.get(champion.runId) : undefined;
  const targets = store.deploy.listTargets();
  return {
    dataset: newest
      ? {
          ref: `${newest.datasetName}@${newest.version}`,
          rows: newest.rows,
          target: newest.target,
          // Any version of the dataset: a cleaned or retrained version inherits what its parent's profile showed.
          profiled: versions.some((v) => v.datasetId === newest.datasetId && store.datasets.profile(v.id) !== null),
          cleaned: versions.some((v) => v.parentId !== null),
        }
      : null,
    splits: store.splits.list().length,
    runs: runs.map((r) => ({ name: r.name, model: r.model, test: r.metrics.test?.[ranked.metric] ?? null })),
    metric: {
      id: ranked.metric,
      label: metricSpec(ranked.metric)?.label ?? ranked.metric,
      threshold: objective.primaryMetric?.metric === ranked.metric ? objective.primaryMetric.threshold : null,
      higherIsBetter: ranked.higherIsBetter,
    },
    versions: registered.map((v) => ({ model: v.model, version: v.version, approvals: v.approvals.length, parityPassed: v.parity.passed })),
    approvalsRequired: store.policy.current().value.promotion.approvals.required,
    champion: champion ? { model: champion.model, version: champion.version, test: championRun?.metrics.test?.[ranked.metric] ?? null } : null,
    targets: targets.map((t) => t.name),
    live: targets.flatMap((t) => {
      const d = store.deploy.current(t.name);
      if (!d || d.status !== 'live') return [];
      const cursor = store.monitor.cursor(t.id);
      return [{ target: t.name, model: d.model, version: d.version, url: d.url, lastPullAt: cursor.lastPullAt, lastError: cursor.lastError, ...store.monitor.totals(t.id) }];
    }),
    retrained: versions.some((v) => (v.source as { kind?: string } | null)?.kind === 'retrain'),
  };
}
