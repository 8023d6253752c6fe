import type { HealthReport } from '../../../shared/monitor/models';
import type { EngineContext } from '../context';
import { ServerClient } from '../deploy/server-client';
import { endpointOf } from '../handlers/deploy';
import type { ProjectStore } from '../store/project-store';
import { bucketsFromJson, bucketsToJson, healthWindows, scrapeFromMetrics, type HealthScrape } from './health-windows';
import { recentResources } from './resources';

export { healthSignals } from './health-windows';

/** Scrapes read for one report: enough for months of hourly pulls, bounded so a report stays quick. */
const MAX_SCRAPES = 5000;

/** Keeps one scrape of a target; returns it as stored. */
export function recordScrape(store: ProjectStore, targetId: string, scrape: HealthScrape): HealthScrape {
  store.db.prepare('INSERT INTO health_scrapes (target_id, at, requests_total, errors_total, latency_buckets) VALUES (?, ?, ?, ?, ?)').run(targetId, scrape.at, scrape.requests, scrape.errors, bucketsToJson(scrape.buckets));
  return scrape;
}

/**
 * Reads the target's server /metrics (a local server must be running; Kubernetes pods are not
 * reachable from here) and keeps its counters, summed over the models it serves. Throws when the
 * server cannot be reached: the caller records the pull as without health.
 */
export async function scrapeHealth(ctx: EngineContext, targetName: string): Promise<HealthScrape> {
  const { store } = ctx.session.require();
  const target = store.deploy.target(targetName);
  const text = await new ServerClient(await endpointOf(ctx, target.name, false)).metrics();
  return recordScrape(store, target.id, scrapeFromMetrics(text, new Date().toISOString()));
}

/** The target's scrapes, oldest first (the newest MAX_SCRAPES). */
export function storedScrapes(store: ProjectStore, targetId: string): HealthScrape[] {
  const rows = store.db
    .prepare('SELECT at, requests_total AS requests, errors_total AS errors, latency_buckets AS buckets FROM health_scrapes WHERE target_id = ? ORDER BY at DESC, id DESC LIMIT ?')
    .all(targetId, MAX_SCRAPES) as Array<{ at: string; requests: number; errors: number; buckets: string }>;
  return rows.reverse().map((r) => ({ ...r, buckets: bucketsFromJson(r.buckets) }));
}

/** `monitor.health`: request rate, error rate and latency percentiles per window, and the recent resource samples. */
export function healthReport(store: ProjectStore, targetName: string, windowMinutes?: number): HealthReport {
  const target = store.deploy.target(targetName);
  return { target: target.name, windows: healthWindows(storedScrapes(store, target.id), windowMinutes), resources: recentResources(store, target.id) };
}
