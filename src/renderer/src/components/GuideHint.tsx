import { useEffect, useState } from 'react';
import { FINISHED_JOB_STATUSES } from '../../../shared/contract/models';
import type { Stage } from '../../../shared/stages';
import { useAppStore } from '../store';

/** Why each stage matters, in one line: the hint's second sentence. */
const WHY: Record<Stage['id'], string> = {
  objectives: 'A written goal and metric decide, later, whether a model is good enough to ship.',
  data: 'Models learn what the data shows them: look at it, fix what is wrong, and keep test rows aside.',
  train: 'Two different learners on the same split tell you whether the problem needs a complex model.',
  evaluate: 'Test rows the models never saw are the honest measure, per class and per group.',
  models: 'A registered version is the exact ONNX graph that will run, proven equal to the trained model.',
  deploy: 'A smoke test checks the server answers exactly as the package does before anyone relies on it.',
  monitor: 'The world moves: drift and late labels tell you when to retrain, before users notice.',
};

const STORAGE_KEY = 'mlcycle.guide.dismissed';
const dismissedStages = (): string[] => {
  try {
    return JSON.parse(localStorage.getItem(STORAGE_KEY) ?? '[]') as string[];
  } catch {
    return [];
  }
};

/** Brings back every dismissed hint (Overview offers it). */
export function showGuideHintsAgain(): void {
  localStorage.removeItem(STORAGE_KEY);
  window.dispatchEvent(new Event('mlcycle-guide'));
}

export function anyGuideHintDismissed(): boolean {
  return dismissedStages().length > 0;
}

/** Keeps the dashboard current: any change to the project (a save, a finished job) may move the next action. */
export function useLiveDashboard(): void {
  const loadDashboard = useAppStore((s) => s.loadDashboard);
  const client = useAppStore((s) => s.client);
  useEffect(() => {
    if (!client) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const refresh = () => {
      clearTimeout(timer);
      timer = setTimeout(() => void loadDashboard(), 400);
    };
    const offAudit = client.on('audit.recorded', refresh);
    const offJobs = client.on('job.updated', (job) => {
      if (FINISHED_JOB_STATUSES.includes(job.status)) refresh();
    });
    return () => {
      clearTimeout(timer);
      offAudit();
      offJobs();
    };
  }, [client, loadDashboard]);
}

/**
 * The guided path on each stage: what to do next here (the dashboard's next action for the stage)
 * and why, until the stage is done or the hint is dismissed. Follows the project as it changes.
 */
export function GuideHint({ stageId }: { stageId: Stage['id'] }) {
  const stage = useAppStore((s) => s.dashboard?.stages.find((st) => st.id === stageId) ?? null);
  const loadDashboard = useAppStore((s) => s.loadDashboard);
  const [dismissed, setDismissed] = useState(() => dismissedStages().includes(stageId));

  useEffect(() => {
    void loadDashboard();
  }, [stageId, loadDashboard]);

  useEffect(() => {
    const again = () => setDismissed(dismissedStages().includes(stageId));
    window.addEventListener('mlcycle-guide', again);
    return () => window.removeEventListener('mlcycle-guide', again);
  }, [stageId]);

  useLiveDashboard();

  if (dismissed || !stage?.nextAction || stage.status === 'done') return null;
  const dismiss = () => {
    localStorage.setItem(STORAGE_KEY, JSON.stringify([...new Set([...dismissedStages(), stageId])]));
    setDismissed(true);
  };
  return (
    <aside className="guide-hint" aria-label="What to do next" data-testid="guide-hint" data-stage={stageId}>
      <div>
        <p className="guide-hint-next">
          <strong>Next here:</strong> {stage.nextAction}
        </p>
        <p className="muted guide-hint-why">{WHY[stageId]}</p>
      </div>
      <button type="button" className="button small ghost" onClick={dismiss} aria-label="Dismiss this hint" data-testid="guide-hint-dismiss">
        Dismiss
      </button>
    </aside>
  );
}
