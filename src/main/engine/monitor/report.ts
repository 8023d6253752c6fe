import type { Alert, FeatureHistogram } from '../../../shared/monitor/models';
import { renderMonitorReport, type ReportData } from '../../../shared/monitor/report-html';
import type { EngineContext } from '../context';
import { liveVersion } from './live-version';
import { driftHeatmap, featureHistogram } from './views';

/** Histograms in the report: the features that drifted most (by windows drifted), then the rest, up to this many. */
const REPORT_HISTOGRAMS = 6;

const unavailable = (error: unknown) => ({ unavailable: `Not available: ${(error as Error).message}` });

/** Gathers the monitoring views of one deployment into the self-contained HTML report. */
export async function monitorReport(ctx: EngineContext, target: string, choice: { windowMinutes?: number; windowRows?: number }): Promise<string> {
  const { store, duck } = ctx.session.require();
  // Loaded here, not at the top: the handler map imports this module.
  const { handlers } = await import('../handlers/index');
  const con = await duck.con();
  const live = liveVersion(store, target);
  const heatmap = await driftHeatmap(con, live, choice, store.policy.current().value.monitoring);
  const ranked = [...heatmap.features].sort((a, b) => b.cells.filter((c) => c.drifted).length - a.cells.filter((c) => c.drifted).length);
  const histograms: FeatureHistogram[] = [];
  for (const f of ranked.slice(0, REPORT_HISTOGRAMS)) histograms.push(await featureHistogram(con, live, f.feature));
  const performance = await Promise.resolve(handlers['monitor.performance']({ target, ...choice }, ctx)).catch(unavailable);
  const health = await Promise.resolve(handlers['monitor.health']({ target }, ctx)).catch(unavailable);
  const alerts: Alert[] = await Promise.resolve(handlers['monitor.alerts.list']({ target, status: 'all' }, ctx)).catch(() => []);
  const data: ReportData = { project: store.summary().name, generatedAt: new Date().toISOString(), heatmap, histograms, performance, health, alerts };
  return renderMonitorReport(data);
}
