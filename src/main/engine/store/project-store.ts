import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { MlcycleError } from '../../../shared/contract/errors';
import type { ProjectSummary } from '../../../shared/contract/models';
import { ArtifactStore, ARTIFACTS_DIR } from './artifacts';
import { AuditLog } from './audit';
import { DB_FILE, openDatabase, type Db } from './database';
import { JobsRepo } from './jobs-repo';
import { Objective, EMPTY_OBJECTIVE } from '../../../shared/governance/objective';
import { DEFAULT_POLICY, Policy } from '../../../shared/governance/policy';
import { DatasetsRepo } from '../data/datasets-repo';
import { SplitsRepo } from '../data/splits-repo';
import { RunsRepo } from '../train/runs-repo';
import { RegistryRepo } from '../registry/registry-repo';
import { DeployRepo } from '../deploy/deploy-repo';
import { MonitorRepo } from '../monitor/monitor-repo';
import { DecisionsRepo } from '../governance/decisions-repo';
import { PeopleRepo } from '../governance/people-repo';
import { VersionedSettings } from '../governance/versioned-settings';

/** One open project folder: project.db plus artifacts/. Copy the folder and you copied the project. */
export class ProjectStore {
  readonly audit: AuditLog;
  readonly jobs: JobsRepo;
  readonly artifacts: ArtifactStore;
  readonly objective: VersionedSettings<typeof Objective>;
  readonly policy: VersionedSettings<typeof Policy>;
  readonly people: PeopleRepo;
  readonly decisions: DecisionsRepo;
  readonly datasets: DatasetsRepo;
  readonly splits: SplitsRepo;
  readonly runs: RunsRepo;
  readonly registry: RegistryRepo;
  readonly deploy: DeployRepo;
  readonly monitor: MonitorRepo;

  private constructor(
    readonly dir: string,
    readonly db: Db,
  ) {
    this.audit = new AuditLog(db);
    this.jobs = new JobsRepo(db);
    this.artifacts = new ArtifactStore(path.join(dir, ARTIFACTS_DIR), db);
    this.objective = new VersionedSettings(db, 'objective_versions', Objective, EMPTY_OBJECTIVE);
    this.policy = new VersionedSettings(db, 'policy_versions', Policy, DEFAULT_POLICY);
    this.people = new PeopleRepo(db);
    this.decisions = new DecisionsRepo(db);
    this.datasets = new DatasetsRepo(db);
    this.splits = new SplitsRepo(db);
    this.runs = new RunsRepo(db);
    this.registry = new RegistryRepo(db);
    this.deploy = new DeployRepo(db);
    this.monitor = new MonitorRepo(db);
  }

  /** Creates a project in `dir` (made if missing). Refuses a folder that already holds a project. */
  static create(dir: string, name: string, actor: string): ProjectStore {
    const abs = path.resolve(dir);
    if (fs.existsSync(path.join(abs, DB_FILE))) {
      throw new MlcycleError('CONFLICT', `${abs} already holds an MLCycle project; open it instead.`, { dir: abs });
    }
    if (fs.existsSync(abs) && !fs.statSync(abs).isDirectory()) {
      throw new MlcycleError('INVALID_ARGUMENT', `${abs} exists and is not a folder.`, { field: 'dir', dir: abs });
    }
    fs.mkdirSync(abs, { recursive: true });
    const db = openDatabase(abs, { create: true });
    db.prepare('INSERT INTO project (id, name, created_at, created_by) VALUES (?, ?, ?, ?)').run(
      randomUUID(),
      name,
      new Date().toISOString(),
      actor,
    );
    return new ProjectStore(abs, db);
  }

  static open(dir: string): ProjectStore {
    const abs = path.resolve(dir);
    if (!fs.existsSync(abs)) {
      throw new MlcycleError('NOT_FOUND', `Project folder ${abs} does not exist.`, { dir: abs });
    }
    const db = openDatabase(abs, { create: false });
    const store = new ProjectStore(abs, db);
    if (!db.prepare('SELECT 1 FROM project').get()) {
      db.close();
      throw new MlcycleError('NOT_A_PROJECT', `${path.join(abs, DB_FILE)} has no project record; it was not made by MLCycle.`, { dir: abs });
    }
    return store;
  }

  summary(): ProjectSummary {
    const row = this.db.prepare('SELECT id, name, created_at AS createdAt, created_by AS createdBy FROM project').get() as Omit<
      ProjectSummary,
      'dir' | 'schemaVersion'
    >;
    return { ...row, dir: this.dir, schemaVersion: this.db.pragma('user_version', { simple: true }) as number };
  }

  close(): void {
    if (this.db.open) this.db.close();
  }
}
