import { useEffect } from 'react';
import { useAppStore } from '../../store';
import { BriefExport } from '../BriefExport';
import { useLiveDashboard } from '../GuideHint';
import { ChampionSlots } from './ChampionSlots';
import { NextActionCard } from './NextActionCard';
import { ReadinessChecklist } from './ReadinessChecklist';
import { StageCard } from './StageCard';

/** The project's home page: the next step, every stage's status, readiness, and what runs where. */
export function OverviewPage() {
  const dashboard = useAppStore((s) => s.dashboard);
  const error = useAppStore((s) => s.dashboardError);
  const projectName = useAppStore((s) => s.project?.name ?? '');
  const loadDashboard = useAppStore((s) => s.loadDashboard);

  // Coming back to the home page shows the latest state, whatever changed elsewhere; and it follows changes.
  useEffect(() => {
    void loadDashboard();
  }, [loadDashboard]);
  useLiveDashboard();

  return (
    <article className="overview-page" aria-labelledby="stage-title" data-testid="overview">
      <p className="eyebrow">Project home</p>
      <div className="stage-heading">
        <h1 id="stage-title" data-testid="stage-title">
          Overview
        </h1>
      </div>
      <p className="stage-summary">{projectName}: where each stage stands, and what to do next.</p>

      {!dashboard ? (
        error ? (
          <div className="form-error" role="alert">
            <p>Could not load the dashboard: {error}</p>
            <button type="button" className="button small" onClick={() => void loadDashboard()}>
              Try again
            </button>
          </div>
        ) : (
          <p className="muted" role="status">
            <span className="spinner" aria-hidden="true" /> Loading the dashboard…
          </p>
        )
      ) : (
        <>
          <NextActionCard next={dashboard.next} />
          <div className="overview-grid">
            <section className="overview-stages" aria-labelledby="lifecycle-title">
              <h2 id="lifecycle-title">Lifecycle</h2>
              <ol className="stage-cards">
                {dashboard.stages.map((state) => (
                  <StageCard key={state.id} state={state} />
                ))}
              </ol>
            </section>
            <div className="overview-side">
              <ReadinessChecklist items={dashboard.readiness} />
              <ChampionSlots champion={dashboard.champion} deployments={dashboard.deployments} />
              <section className="card" aria-labelledby="share-title">
                <h2 id="share-title">Share</h2>
                <p className="muted share-text">The objective, people, policy and decision log as one document.</p>
                <BriefExport compact />
              </section>
            </div>
          </div>
        </>
      )}
    </article>
  );
}
