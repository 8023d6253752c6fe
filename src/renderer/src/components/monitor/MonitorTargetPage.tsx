import type { MonitorStatus } from '../../../../shared/monitor/models';
import { dateTime } from '../../lib/format';
import { windowArgs } from '../../lib/monitor-window';
import { TabList, type TabItem } from '../TabList';
import { AlertsPanel } from './AlertsPanel';
import { DriftPanel } from './DriftPanel';
import { HealthPanel } from './HealthPanel';
import { monitorActions, useMonitorStore, type MonitorTab } from './monitor-store';
import { PerformancePanel } from './PerformancePanel';
import { PullButton, PullOutcomes } from './PullNow';
import { ReportButton } from './ReportButton';
import { RetrainPanel } from './RetrainPanel';
import { SimulatePanel } from './SimulatePanel';
import { WindowChoice } from './WindowChoice';

/** One deployment: what it serves and what was collected, Pull now and the report, then its views by tab. */
export function MonitorTargetPage({ status }: { status: MonitorStatus }) {
  const tab = useMonitorStore((s) => s.tab);
  const pulls = useMonitorStore((s) => s.pulls);
  const form = useMonitorStore((s) => s.windows);
  const chosen = windowArgs(form);
  const target = status.target;

  const tabs: TabItem<MonitorTab>[] = [
    { id: 'drift', label: 'Drift' },
    { id: 'performance', label: 'Performance' },
    { id: 'health', label: 'Health' },
    { id: 'alerts', label: 'Alerts', extra: status.openAlerts > 0 ? <span className="tab-count monitor-tab-alerts">{status.openAlerts}</span> : undefined },
    { id: 'retrain', label: 'Retrain' },
  ];

  return (
    <div className="deploy-target-page monitor-target-page" data-testid="monitor-target-page" data-target={target}>
      <section className="card target-head" aria-labelledby="monitor-target-title">
        <div className="models-title-row">
          <h2 id="monitor-target-title" data-testid="monitor-target-title">
            {target}
          </h2>
          {status.model ? <span className="badge mono">{`${status.model} v${status.version}`}</span> : <span className="badge">nothing live</span>}
        </div>
        <dl className="evaluate-metrics monitor-facts" data-testid="monitor-facts">
          <div>
            <dt>Last pull</dt>
            <dd>{status.lastPullAt ? dateTime(status.lastPullAt) : 'never'}</dd>
          </div>
          <div>
            <dt>Rows collected</dt>
            <dd data-testid="monitor-rows">{status.rowsCollected.toLocaleString('en')}</dd>
          </div>
          <div>
            <dt>Labeled rows</dt>
            <dd data-testid="monitor-labeled">{status.labeledRows.toLocaleString('en')}</dd>
          </div>
          <div>
            <dt>Open alerts</dt>
            <dd data-testid="monitor-open-alerts">{status.openAlerts}</dd>
          </div>
        </dl>
        {status.lastError && (
          <p className="monitor-pull-error" data-testid="monitor-last-error">
            The last pull failed: {status.lastError}
          </p>
        )}
        <div className="form-actions monitor-head-actions">
          <PullButton target={target} all={[target]} disabled={!status.model} />
          <ReportButton target={target} args={chosen.args} />
          <WindowChoice />
        </div>
        <PullOutcomes pulls={pulls} targets={[target]} />
        {status.model && <SimulatePanel target={target} />}
      </section>
      <TabList name="monitor" label={`${target} monitoring sections`} tabs={tabs} current={tab} onSelect={monitorActions.setTab} />
      <div role="tabpanel" id={`monitor-panel-${tab}`} aria-labelledby={`monitor-tab-${tab}`} className="deploy-panel">
        {!status.model && tab !== 'alerts' ? (
          <p className="card muted" data-testid="monitor-nothing-live">
            Nothing is live on {target}: deploy a model to it (Deploy), send it traffic and pull, then its drift, performance and health show here.
          </p>
        ) : tab === 'drift' ? (
          <DriftPanel target={target} args={chosen.args} />
        ) : tab === 'performance' ? (
          <PerformancePanel target={target} args={chosen.args} />
        ) : tab === 'health' ? (
          <HealthPanel target={target} minutes={chosen.args?.windowMinutes} />
        ) : tab === 'alerts' ? (
          <AlertsPanel target={target} />
        ) : (
          <RetrainPanel status={status} />
        )}
      </div>
    </div>
  );
}
