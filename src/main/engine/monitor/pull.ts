import type { Target } from '../../../shared/deploy/models';
import type { SignalValue } from '../../../shared/monitor/alerts';
import type { PullOutcome } from '../../../shared/monitor/methods';
import { performanceSignals } from '../../../shared/monitor/performance-signals';
import type { EngineContext } from '../context';
import { collectTarget } from './collect-target';
import { driftSignals } from './drift-signals';
import { healthReport, healthSignals, scrapeHealth } from './health';
import { LabelsRepo } from './labels-repo';
import { liveVersion } from './live-version';
import { performanceReport } from './performance';
import { projectRules, raiseAlerts } from './raise-alerts';
import { sampleResources } from './resources';

/**
 * Every signal the target's enabled rules watch, per window of each rule's length: drift and rows
 * from the collected predictions, performance from the labels, latency and errors from /metrics.
 * Each signal carries its window length, so a rule is judged on windows of its own length only.
 */
async function windowSignals(ctx: EngineContext, t: Target): Promise<SignalValue[]> {
  const { store, duck } = ctx.session.require();
  const rules = projectRules(store).filter((r) => r.enabled && (r.target === null || r.target === t.name));
  if (rules.length === 0 || !store.deploy.current(t.name)) return [];
  const live = liveVersion(store, t.name);
  const con = await duck.con();
  const policy = store.policy.current().value.monitoring;
  const watched = new Set(rules.map((r) => r.signal));
  const signals: SignalValue[] = [];
  for (const minutes of new Set(rules.map((r) => r.windowMinutes))) {
    const tag = <S extends Omit<SignalValue, 'target'>>(list: S[]) => list.map((s) => ({ ...s, target: t.name, windowMinutes: minutes }));
    if (live.files.length && (watched.has('drift.share') || watched.has('prediction.drift') || watched.has('rows'))) signals.push(...tag(await driftSignals(con, live, minutes, policy)));
    if (live.files.length && watched.has('performance.drop')) {
      const labels = new LabelsRepo(store.db).all(t.id);
      if (labels.length) signals.push(...tag(performanceSignals(await performanceReport(con, live, labels, store.objective.current().value, policy, { windowMinutes: minutes }))));
    }
    if (watched.has('latency.p99') || watched.has('error.rate')) signals.push(...tag(healthSignals(healthReport(store, t.name, minutes))));
  }
  return signals;
}

/**
 * One pull of a target: its new prediction-log records, a reading of its /metrics and of the
 * resources in use, then the alert rules evaluated on its windows. A part that fails (an offline
 * target) is reported and leaves what was stored before as it was.
 */
export async function pullTarget(ctx: EngineContext, t: Target): Promise<PullOutcome> {
  const { store } = ctx.session.require();
  const collected = await collectTarget(ctx, t);
  let health = false;
  if (collected.ok) {
    try {
      await scrapeHealth(ctx, t.name);
      health = true;
    } catch {
      // The log answered but /metrics did not: health stays as last read; the pull still counts.
    }
  }
  await sampleResources(store).catch(() => []);
  const raised = await raiseAlerts(ctx, t.name, await windowSignals(ctx, t));
  return { ...collected, health, alertsRaised: raised.length };
}
