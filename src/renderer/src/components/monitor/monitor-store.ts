import { create } from 'zustand';
import type { PullOutcome } from '../../../../shared/monitor/methods';
import { AUTO_WINDOWS, type WindowForm } from '../../lib/monitor-window';

/**
 * The Monitor page's own state: which deployment is open and on which tab, how windows are cut, the
 * feature (and window) chosen in the heatmap, and each target's last pull as this window saw it. It
 * outlives the page, so coming back lands where the user was; another project starts afresh.
 */

export type MonitorTab = 'drift' | 'performance' | 'health' | 'alerts' | 'retrain';

export type PullShown = { at: string; outcome: PullOutcome } | { at: string; error: string };

interface MonitorState {
  projectId: string | null;
  target: string | null;
  tab: MonitorTab;
  windows: WindowForm;
  /** The heatmap's chosen feature, and the window it was chosen in (null: every window). */
  feature: string | null;
  window: number | null;
  /** Bumped whenever monitoring data changed (a pull, labels, an alert, from anywhere): views reload. */
  changes: number;
  pulls: Record<string, PullShown>;
  /** Targets with a pull in flight from this window. */
  pulling: Record<string, true>;
}

const FRESH = { target: null, tab: 'drift', windows: AUTO_WINDOWS, feature: null, window: null, changes: 0, pulls: {}, pulling: {} } satisfies Omit<MonitorState, 'projectId'>;

export const useMonitorStore = create<MonitorState>()(() => ({ projectId: null, ...FRESH }));

export const monitorActions = {
  adopt(projectId: string | null) {
    if (useMonitorStore.getState().projectId !== projectId) useMonitorStore.setState({ projectId, ...FRESH });
  },
  openTarget(target: string | null, tab: MonitorTab = 'drift') {
    useMonitorStore.setState({ target, tab, feature: null, window: null });
  },
  setTab(tab: MonitorTab) {
    useMonitorStore.setState({ tab });
  },
  setWindows(windows: WindowForm) {
    // Window numbers mean something else once windows are cut differently.
    useMonitorStore.setState({ windows, window: null });
  },
  choose(feature: string, window: number | null = null) {
    useMonitorStore.setState({ feature, window });
  },
  changed() {
    useMonitorStore.setState((s) => ({ changes: s.changes + 1 }));
  },
  pulling(targets: readonly string[], busy: boolean) {
    useMonitorStore.setState((s) => {
      const pulling = { ...s.pulling };
      for (const t of targets) {
        if (busy) pulling[t] = true;
        else delete pulling[t];
      }
      return { pulling };
    });
  },
  pulled(shown: Record<string, PullShown>) {
    useMonitorStore.setState((s) => ({ pulls: { ...s.pulls, ...shown } }));
  },
};
