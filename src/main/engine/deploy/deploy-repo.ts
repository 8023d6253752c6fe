import { randomUUID } from 'node:crypto';
import { MlcycleError } from '../../../shared/contract/errors';
import type { DeployEvent, Deployment, Target, TargetKind } from '../../../shared/deploy/models';
import type { Db } from '../store/database';

interface TargetRow {
  id: string;
  name: string;
  kind: TargetKind;
  config: string;
  created_at: string;
  created_by: string;
}

interface DeploymentRow {
  id: string;
  target: string;
  kind: TargetKind;
  model: string;
  version: number;
  status: Deployment['status'];
  url: string | null;
  created_at: string;
  created_by: string;
  ended_at: string | null;
}

/** Stored target settings: never a token (that lives in the user profile; `tokenFile` points at it). */
export type StoredConfig = Record<string, unknown> & { kind: TargetKind };

const DEPLOYMENT_SELECT = 'SELECT d.*, t.name AS target, t.kind FROM deployments d JOIN deploy_targets t ON t.id = d.target_id';

/** Deploy targets and the deployments made to them, with each step's event. */
export class DeployRepo {
  constructor(private readonly db: Db) {}

  private toTarget(r: TargetRow): Target & { stored: StoredConfig } {
    const stored = JSON.parse(r.config) as StoredConfig;
    const { tokenFile, ...shown } = stored;
    return { id: r.id, name: r.name, kind: r.kind, config: shown, hasToken: typeof tokenFile === 'string', createdAt: r.created_at, createdBy: r.created_by, stored };
  }

  listTargets(): Array<Target & { stored: StoredConfig }> {
    return (this.db.prepare('SELECT * FROM deploy_targets ORDER BY name').all() as TargetRow[]).map((r) => this.toTarget(r));
  }

  target(name: string): Target & { stored: StoredConfig } {
    const row = this.db.prepare('SELECT * FROM deploy_targets WHERE name = ? OR id = ?').get(name, name) as TargetRow | undefined;
    if (!row) {
      const known = this.listTargets().map((t) => t.name);
      throw new MlcycleError('NOT_FOUND', `No deploy target '${name}'.${known.length ? ` Targets: ${known.join(', ')}.` : ' Add one first (mlcycle targets add).'}`, { field: 'target' });
    }
    return this.toTarget(row);
  }

  saveTarget(name: string, config: StoredConfig, by: string, replace: boolean): Target & { stored: StoredConfig } {
    const existing = this.db.prepare('SELECT id FROM deploy_targets WHERE name = ?').get(name) as { id: string } | undefined;
    if (existing && !replace) throw new MlcycleError('CONFLICT', `A target named '${name}' exists; choose another name or replace it.`, { field: 'name' });
    if (existing) this.db.prepare('UPDATE deploy_targets SET kind = ?, config = ? WHERE id = ?').run(config.kind, JSON.stringify(config), existing.id);
    else this.db.prepare('INSERT INTO deploy_targets (id, name, kind, config, created_at, created_by) VALUES (?, ?, ?, ?, ?, ?)').run(randomUUID(), name, config.kind, JSON.stringify(config), new Date().toISOString(), by);
    return this.target(name);
  }

  removeTarget(name: string): void {
    const t = this.target(name);
    const live = this.current(t.name);
    if (live && live.status === 'live') throw new MlcycleError('CONFLICT', `${t.name} still serves ${live.model} v${live.version}; undeploy it first.`, { field: 'target' });
    this.db.transaction(() => {
      this.db.prepare('DELETE FROM deployment_events WHERE deployment_id IN (SELECT id FROM deployments WHERE target_id = ?)').run(t.id);
      this.db.prepare('DELETE FROM deployments WHERE target_id = ?').run(t.id);
      this.db.prepare('DELETE FROM deploy_targets WHERE id = ?').run(t.id);
    })();
  }

  private toDeployment(r: DeploymentRow): Deployment {
    const events = this.db.prepare('SELECT at, step, outcome, message FROM deployment_events WHERE deployment_id = ? ORDER BY id').all(r.id) as DeployEvent[];
    return { id: r.id, target: r.target, kind: r.kind, model: r.model, version: r.version, status: r.status, url: r.url, events, createdAt: r.created_at, createdBy: r.created_by, endedAt: r.ended_at };
  }

  createDeployment(target: string, model: string, version: number, versionId: string | null, by: string): Deployment {
    const t = this.target(target);
    const id = randomUUID();
    this.db.prepare('INSERT INTO deployments (id, target_id, model, version, version_id, status, created_at, created_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?)').run(id, t.id, model, version, versionId, 'deploying', new Date().toISOString(), by);
    return this.deployment(id);
  }

  deployment(id: string): Deployment {
    const row = this.db.prepare(`${DEPLOYMENT_SELECT} WHERE d.id = ?`).get(id) as DeploymentRow | undefined;
    if (!row) throw new MlcycleError('NOT_FOUND', `No deployment ${id}`, { id });
    return this.toDeployment(row);
  }

  addEvents(id: string, events: DeployEvent[]): void {
    const insert = this.db.prepare('INSERT INTO deployment_events (deployment_id, at, step, outcome, message) VALUES (?, ?, ?, ?, ?)');
    this.db.transaction(() => events.forEach((e) => insert.run(id, e.at, e.step, e.outcome, e.message)))();
  }

  /** Ends a deployment's attempt: live (replacing the target's earlier live one), failed or rolled back. */
  finish(id: string, status: Deployment['status'], url: string | null): Deployment {
    const d = this.deployment(id);
    const now = new Date().toISOString();
    this.db.transaction(() => {
      if (status === 'live') {
        this.db.prepare(`UPDATE deployments SET status = 'undeployed', ended_at = ? WHERE target_id = (SELECT target_id FROM deployments WHERE id = ?) AND status = 'live' AND model = ? AND id <> ?`).run(now, id, d.model, id);
      }
      this.db.prepare('UPDATE deployments SET status = ?, url = ?, ended_at = ? WHERE id = ?').run(status, url, status === 'live' ? null : now, id);
    })();
    return this.deployment(id);
  }

  list(target?: string): Deployment[] {
    const rows = target
      ? (this.db.prepare(`${DEPLOYMENT_SELECT} WHERE t.name = ? ORDER BY d.created_at DESC`).all(this.target(target).name) as DeploymentRow[])
      : (this.db.prepare(`${DEPLOYMENT_SELECT} ORDER BY d.created_at DESC`).all() as DeploymentRow[]);
    return rows.map((r) => this.toDeployment(r));
  }

  /** The target's live deployment, else the one that ended last (an undeploy after a rollback names the version undeployed, not the rolled-back one). */
  current(target: string): Deployment | null {
    const all = this.list(target);
    const live = all.find((d) => d.status === 'live');
    if (live) return live;
    return [...all].sort((a, b) => (b.endedAt ?? b.createdAt).localeCompare(a.endedAt ?? a.createdAt))[0] ?? null;
  }

  /** The live deployment before `id` on the same target and model: what a rollback returns to. */
  previousLive(target: string, model: string, beforeId: string): Deployment | null {
    const all = this.list(target).filter((d) => d.model === model);
    const at = all.findIndex((d) => d.id === beforeId);
    return all.slice(at + 1).find((d) => d.status === 'undeployed' || d.status === 'live') ?? null;
  }

  /** Marks a deployment undeployed (after undeploy) or as the live one again (after a rollback to it). */
  setStatus(id: string, status: Deployment['status']): Deployment {
    this.db.prepare('UPDATE deployments SET status = ?, ended_at = ? WHERE id = ?').run(status, status === 'live' ? null : new Date().toISOString(), id);
    return this.deployment(id);
  }
}
