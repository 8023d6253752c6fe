import path from 'node:path';
import { MlcycleError } from '../../shared/contract/errors';
import type { ProjectSummary } from '../../shared/contract/models';
import type { EventBus } from './events';
import { InteractiveDuck } from './data/duck';
import { JobManager } from './jobs/manager';
import { sampleWhileJobsRun } from './monitor/resources';
import type { RecentProjects } from './recent';
import { ProjectStore } from './store/project-store';

export interface OpenProject {
  store: ProjectStore;
  jobs: JobManager;
  duck: InteractiveDuck;
}

function isProcessAlive(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** The project this engine has open (at most one) and the job manager that belongs to it. */
export class Session {
  private current: OpenProject | null = null;
  /** Stops sampling CPU and memory while the open project's jobs run. */
  private stopSampling: (() => void) | null = null;

  constructor(
    private readonly bus: EventBus,
    private readonly recent: RecentProjects,
  ) {}

  get project(): OpenProject | null {
    return this.current;
  }

  require(): OpenProject {
    if (!this.current) throw new MlcycleError('NO_PROJECT', 'No project is open. Create or open a project first.');
    return this.current;
  }

  async create(dir: string, name: string, actor: string): Promise<ProjectSummary> {
    const store = ProjectStore.create(dir, name, actor);
    return this.adopt(store);
  }

  async open(dir: string): Promise<ProjectSummary> {
    if (this.current && this.current.store.dir === path.resolve(dir)) return this.current.store.summary();
    const store = ProjectStore.open(dir);
    // Jobs whose engine died (kill -9, crash) can never finish: say so instead of showing them running.
    store.jobs.markOrphansInterrupted(isProcessAlive);
    store.artifacts.sweepTemporaries(isProcessAlive);
    store.runs.markInterrupted();
    return this.adopt(store);
  }

  async close(): Promise<void> {
    const open = this.current;
    if (!open) return;
    this.current = null;
    this.stopSampling?.();
    this.stopSampling = null;
    await open.jobs.dispose();
    await open.duck.close();
    open.store.close();
    this.bus.emit('project.changed', null);
  }

  private async adopt(store: ProjectStore): Promise<ProjectSummary> {
    await this.close();
    this.current = { store, jobs: new JobManager(store.jobs, this.bus), duck: new InteractiveDuck() };
    this.stopSampling = sampleWhileJobsRun(this.bus, store);
    const summary = store.summary();
    this.recent.touch(summary.dir, summary.name);
    this.bus.emit('project.changed', summary);
    return summary;
  }
}
