import { useEffect } from 'react';
import type { Client } from '../../../../shared/client';
import type { Alert, AlertRule, DriftHeatmap, FeatureHistogram, HealthReport, MonitorStatus, PerformanceReport } from '../../../../shared/monitor/models';
import { useEngineLoad, type Loaded } from '../../hooks/useEngineLoad';
import { toShownError } from '../../lib/errors';
import { windowKey, type WindowArgs } from '../../lib/monitor-window';
import { useAppStore } from '../../store';
import { monitorActions, useMonitorStore, type PullShown } from './monitor-store';

export type { Loaded } from '../../hooks/useEngineLoad';

/** Loads whenever `key` changes or the Monitor workspace records a change. */
function useLoad<T>(key: string | null, load: (client: Client) => Promise<T>): Loaded<T> {
  return useEngineLoad(key, useMonitorStore((s) => s.changes), load);
}

const k = (...parts: Array<string | number | null>) => parts.join('\u0000');

export const useStatuses = () => useLoad<MonitorStatus[]>('status', (c) => c.call('monitor.status', {}));

export const useHeatmap = (target: string, args: WindowArgs | null) => useLoad<DriftHeatmap>(args && k('heatmap', target, windowKey(args)), (c) => c.call('monitor.heatmap', { target, ...args }));

/** A feature's distributions, over every served row or in one window of the heatmap's cut (`args`). */
export const useHistogram = (target: string, feature: string | null, window: { index: number; args: WindowArgs } | null) =>
  useLoad<FeatureHistogram>(feature && k('histogram', target, feature, window ? `${window.index}:${windowKey(window.args)}` : 'all'), (c) =>
    c.call('monitor.histogram', { target, feature: feature!, ...(window ? { window: window.index, ...window.args } : {}) }),
  );

export const usePerformance = (target: string, args: WindowArgs | null) => useLoad<PerformanceReport>(args && k('performance', target, windowKey(args)), (c) => c.call('monitor.performance', { target, ...args }));

export const useHealth = (target: string, windowMinutes: number | undefined) =>
  useLoad<HealthReport>(k('health', target, windowMinutes ?? 'auto'), (c) => c.call('monitor.health', { target, ...(windowMinutes ? { windowMinutes } : {}) }));

export const useAlerts = (target: string) => useLoad<Alert[]>(k('alerts', target), (c) => c.call('monitor.alerts.list', { target, status: 'all' }));

export const useRules = () => useLoad<AlertRule[]>('rules', (c) => c.call('monitor.rules.list', {}));

export const useWebhook = () => useLoad<{ url: string | null }>('webhook', (c) => c.call('monitor.webhook.get', {}));

/**
 * Reloads the Monitor views when monitoring data or deployments change anywhere: every mutating call
 * is audited (monitor.pull from the CLI, labels, rules, a redeploy), and a raised alert is pushed.
 */
export function useMonitorChanges(): void {
  const client = useAppStore((s) => s.client);
  useEffect(() => {
    if (!client) return;
    const offAudit = client.on('audit.recorded', (entry) => {
      if (/^(monitor|deploy|targets)\./.test(entry.action)) monitorActions.changed();
    });
    const offAlert = client.on('alert.raised', () => monitorActions.changed());
    return () => {
      offAudit();
      offAlert();
    };
  }, [client]);
}

/**
 * Pulls one target (or every target with a live deployment): its new prediction-log records, its
 * metrics and resource use, then the alert rules. Each target's outcome is kept to show beside it;
 * a failed call is shown against every target it was for.
 */
export async function pullNow(client: Client, target: string | null, all: readonly string[]): Promise<void> {
  const targets = target ? [target] : all;
  const at = new Date().toISOString();
  monitorActions.pulling(targets, true);
  try {
    const outcomes = await client.call('monitor.pull', target ? { target } : {});
    monitorActions.pulled(Object.fromEntries(outcomes.map((outcome): [string, PullShown] => [outcome.target, { at, outcome }])));
  } catch (e) {
    const error = toShownError(e).message;
    monitorActions.pulled(Object.fromEntries(targets.map((t): [string, PullShown] => [t, { at, error }])));
  } finally {
    monitorActions.pulling(targets, false);
    monitorActions.changed();
  }
}
