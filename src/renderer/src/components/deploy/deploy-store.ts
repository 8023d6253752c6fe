import { create } from 'zustand';
import type { TargetStatus, TargetTest } from '../../../../shared/deploy/models';
import { addSample, sampleOf, type TrafficSample } from '../../lib/deploy-traffic';

/**
 * The Deploy page's own state: which target is open and on which tab, the last connection test of
 * each target (the engine does not store tests), and each target's latest status with its traffic
 * samples. It outlives the page, so the charts keep their history when the user looks elsewhere;
 * another project starts afresh.
 */

export type TargetTab = 'live' | 'history' | 'manifests';

export type TestOutcome = { at: string; result: TargetTest } | { at: string; error: string };

interface DeployState {
  projectId: string | null;
  target: string | null;
  tab: TargetTab;
  /** Bumped whenever targets or deployments changed (here, in another window, or from the CLI): views reload. */
  changes: number;
  tests: Record<string, TestOutcome>;
  statuses: Record<string, TargetStatus>;
  traffic: Record<string, TrafficSample[]>;
}

const FRESH = { target: null, tab: 'live', changes: 0, tests: {}, statuses: {}, traffic: {} } satisfies Omit<DeployState, 'projectId'>;

export const useDeployStore = create<DeployState>()(() => ({ projectId: null, ...FRESH }));

export const deployActions = {
  adopt(projectId: string | null) {
    if (useDeployStore.getState().projectId !== projectId) useDeployStore.setState({ projectId, ...FRESH });
  },
  openTarget(target: string | null, tab: TargetTab = 'live') {
    useDeployStore.setState({ target, tab });
  },
  setTab(tab: TargetTab) {
    useDeployStore.setState({ tab });
  },
  changed() {
    useDeployStore.setState((s) => ({ changes: s.changes + 1 }));
  },
  tested(target: string, outcome: TestOutcome) {
    useDeployStore.setState((s) => ({ tests: { ...s.tests, [target]: outcome } }));
  },
  /** A fresh deploy.status answer: kept as the latest, and as a traffic sample when the server answered. */
  observed(status: TargetStatus, at: number) {
    const sample = sampleOf(status, at);
    useDeployStore.setState((s) => ({
      statuses: { ...s.statuses, [status.target]: status },
      traffic: sample ? { ...s.traffic, [status.target]: addSample(s.traffic[status.target] ?? [], sample) } : s.traffic,
    }));
  },
  /** A removed target (or one renamed by replacing) leaves nothing behind. */
  forget(target: string) {
    useDeployStore.setState((s) => {
      const { [target]: _t, ...tests } = s.tests;
      const { [target]: _s, ...statuses } = s.statuses;
      const { [target]: _d, ...traffic } = s.traffic;
      return { tests, statuses, traffic, target: s.target === target ? null : s.target };
    });
  },
};
