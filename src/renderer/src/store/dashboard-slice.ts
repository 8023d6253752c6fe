import type { Dashboard } from '../../../shared/governance/dashboard';
import { toShownError } from '../lib/errors';
import { clientOf, projectGuard } from './client';
import type { SliceCreator } from './types';

export interface DashboardSlice {
  /** The project's home page: stage statuses, next action, readiness; null until loaded. */
  dashboard: Dashboard | null;
  dashboardError: string | null;
  loadDashboard(): Promise<void>;
  resetDashboard(): void;
}

export const createDashboardSlice: SliceCreator<DashboardSlice> = (set, get) => ({
  dashboard: null,
  dashboardError: null,

  async loadDashboard() {
    const current = projectGuard(get);
    try {
      const dashboard = await clientOf(get).call('project.dashboard');
      if (current()) set({ dashboard, dashboardError: null });
    } catch (error) {
      if (current()) set({ dashboardError: toShownError(error).message });
    }
  },

  resetDashboard() {
    set({ dashboard: null, dashboardError: null });
  },
});
