import type { ReactNode } from 'react';
import { PRODUCTION_ALIAS } from '../../../../shared/registry/models';
import { dateTime } from '../../lib/format';
import { gateSummary } from '../../lib/registry-words';
import { TabList } from '../TabList';
import { AliasBadges } from './AliasBadges';
import { GovernanceTab } from './GovernanceTab';
import { MarkdownView } from './MarkdownView';
import { modelsActions, useModelsStore, type VersionTab } from './models-store';
import { OverviewTab } from './OverviewTab';
import { ParityBadge } from './ParityBadge';
import { ParityPanel } from './ParityPanel';
import { UseTab } from './UseTab';
import { useVersionDetail } from './useRegistry';
import '../../styles/objectives.css';

const TABS: Array<{ id: VersionTab; label: string }> = [
  { id: 'overview', label: 'Overview' },
  { id: 'governance', label: 'Gates & approvals' },
  { id: 'parity', label: 'Parity' },
  { id: 'card', label: 'Model card' },
  { id: 'use', label: 'Export & score' },
];

/** One registered version: a header that says where it stands, then its sections as tabs. */
export function VersionPage({ model, version }: { model: string; version: number }) {
  const { data, error } = useVersionDetail(model, version);
  const tab = useModelsStore((s) => s.tab);

  if (error && !data)
    return (
      <p className="form-error" role="alert" data-testid="version-error">
        Could not open {model} v{version}: {error}
      </p>
    );
  if (!data)
    return (
      <p className="muted" role="status">
        <span className="spinner" aria-hidden="true" /> Loading {model} v{version}…
      </p>
    );
  const v = data.version;
  const panels: Record<VersionTab, ReactNode> = {
    overview: <OverviewTab detail={data} />,
    governance: <GovernanceTab detail={data} />,
    parity: <ParityPanel parity={v.parity} task={v.task} />,
    card: (
      <section className="card" aria-label="Model card" data-testid="version-card">
        {data.modelCard ? <MarkdownView source={data.modelCard} /> : <p className="muted">This package carries no model card.</p>}
      </section>
    ),
    use: <UseTab version={v} />,
  };

  return (
    <div className="version-page" data-testid="version-page" data-model={model} data-version={version}>
      <header className="card version-head">
        <div className="models-title-row">
          <h2 data-testid="version-title">
            <span className="mono">{v.model}</span> v{v.version}
          </h2>
          <AliasBadges aliases={v.aliases.map((alias) => ({ alias }))} />
          <ParityBadge passed={v.parity.passed} />
          <span className={data.gates.passed ? 'badge badge-pass' : 'badge badge-warn'} data-testid="version-gate-summary">
            {!data.gates.passed ? gateSummary(data.gates) : v.aliases.includes(PRODUCTION_ALIAS) ? 'All required gates pass' : 'Ready to promote'}
          </span>
        </div>
        <p className="muted">
          Run <strong>{v.runName}</strong> · {v.learner} ({v.task}) on <span className="mono">{v.dataset}</span> · registered by {v.createdBy}, {dateTime(v.createdAt)}
        </p>
        {v.description && <p data-testid="version-description">{v.description}</p>}
      </header>
      <TabList name="version" label={`Sections of ${v.model} v${v.version}`} tabs={TABS} current={tab} onSelect={modelsActions.setTab} />
      <div role="tabpanel" id={`version-panel-${tab}`} aria-labelledby={`version-tab-${tab}`} className="version-panel">
        {panels[tab]}
      </div>
    </div>
  );
}
