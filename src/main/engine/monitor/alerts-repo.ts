import { randomBytes, randomUUID } from 'node:crypto';
import { MlcycleError } from '../../../shared/contract/errors';
import { alertKey, type AlertDraft } from '../../../shared/monitor/alerts';
import type { Alert, AlertRule } from '../../../shared/monitor/models';
import type { Db } from '../store/database';
import { rowByIdOrPrefix } from '../store/id-prefix';

interface RuleRow {
  id: string;
  target: string | null;
  signal: AlertRule['signal'];
  comparison: AlertRule['comparison'];
  threshold: number;
  windowMinutes: number;
  severity: AlertRule['severity'];
  enabled: number;
}

const RULE_SELECT = `SELECT r.id, t.name AS target, r.signal, r.comparison, r.threshold, r.window_minutes AS windowMinutes, r.severity, r.enabled
  FROM alert_rules r LEFT JOIN deploy_targets t ON t.id = r.target_id`;
const ALERT_SELECT = `SELECT a.id, a.rule_id AS ruleId, t.name AS target, a.signal, a.value, a.threshold, a.severity, a.window_start AS windowStart, a.window_end AS windowEnd,
  a.message, a.raised_at AS raisedAt, a.status, a.acked_by AS ackedBy, a.acked_at AS ackedAt, a.ack_comment AS ackComment, a.webhook_status AS webhookStatus
  FROM alerts a JOIN deploy_targets t ON t.id = a.target_id`;
/** monitor_settings key set once the default rules were copied in, so removing every rule does not bring them back. */
const SEEDED = 'rules.seeded';
const WEBHOOK = 'webhook.url';

const toRule = (r: RuleRow): AlertRule => ({ ...r, enabled: r.enabled === 1 });

/** Alert rules, raised alerts (one per rule, target and window) and the webhook setting, in project.db. */
export class AlertsRepo {
  constructor(private readonly db: Db) {}

  /** The rules in creation order; the first call on a project copies `defaults` in (once: a project may later remove them all). */
  rules(defaults: () => AlertRule[]): AlertRule[] {
    this.db.transaction(() => {
      if (this.setting(SEEDED) !== null) return;
      for (const rule of defaults()) this.insertRule(rule.id, rule, null);
      this.setSetting(SEEDED, new Date().toISOString());
    })();
    return (this.db.prepare(`${RULE_SELECT} ORDER BY r.created_at, r.rowid`).all() as RuleRow[]).map(toRule);
  }

  rule(id: string): AlertRule {
    const row = this.db.prepare(`${RULE_SELECT} WHERE r.id = ?`).get(id) as RuleRow | undefined;
    if (!row) {
      const known = (this.db.prepare('SELECT id FROM alert_rules ORDER BY created_at').all() as Array<{ id: string }>).map((r) => r.id);
      throw new MlcycleError('NOT_FOUND', `No alert rule '${id}'.${known.length ? ` Rules: ${known.join(', ')}.` : ''}`, { field: 'id' });
    }
    return toRule(row);
  }

  /** Adds a rule (a new id) or replaces the one with `id`; `targetId` null means every target. */
  saveRule(id: string | undefined, rule: Omit<AlertRule, 'id'>, targetId: string | null): AlertRule {
    if (id === undefined) {
      let fresh = `rule-${randomBytes(4).toString('hex')}`;
      while (this.db.prepare('SELECT 1 FROM alert_rules WHERE id = ?').get(fresh)) fresh = `rule-${randomBytes(4).toString('hex')}`;
      this.insertRule(fresh, rule, targetId);
      return this.rule(fresh);
    }
    this.rule(id);
    this.db
      .prepare('UPDATE alert_rules SET target_id = ?, signal = ?, comparison = ?, threshold = ?, window_minutes = ?, severity = ?, enabled = ? WHERE id = ?')
      .run(targetId, rule.signal, rule.comparison, rule.threshold, rule.windowMinutes, rule.severity, rule.enabled ? 1 : 0, id);
    return this.rule(id);
  }

  /** Alerts it raised stay in the history. */
  removeRule(id: string): void {
    this.rule(id);
    this.db.prepare('DELETE FROM alert_rules WHERE id = ?').run(id);
  }

  private insertRule(id: string, rule: Omit<AlertRule, 'id'>, targetId: string | null): void {
    this.db
      .prepare('INSERT INTO alert_rules (id, target_id, signal, comparison, threshold, window_minutes, severity, enabled, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)')
      .run(id, targetId, rule.signal, rule.comparison, rule.threshold, rule.windowMinutes, rule.severity, rule.enabled ? 1 : 0, new Date().toISOString());
  }

  /** Keys (see alertKey) of the alerts already raised for a target: evaluation skips them. */
  raisedKeys(targetId: string, targetName: string): Set<string> {
    const rows = this.db.prepare('SELECT rule_id AS ruleId, window_start AS windowStart FROM alerts WHERE target_id = ?').all(targetId) as Array<{ ruleId: string; windowStart: string }>;
    return new Set(rows.map((r) => alertKey(r.ruleId, targetName, r.windowStart)));
  }

  /** Stores new alerts in one transaction; a draft whose key is already stored is skipped (another pull got there first). */
  insert(targetId: string, drafts: AlertDraft[]): Alert[] {
    const raisedAt = new Date().toISOString();
    const stmt = this.db.prepare(
      `INSERT INTO alerts (id, rule_id, target_id, signal, value, threshold, severity, window_start, window_end, message, raised_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (rule_id, target_id, window_start) DO NOTHING`,
    );
    const ids = this.db.transaction(() =>
      drafts.flatMap((d) => {
        const id = randomUUID();
        const { changes } = stmt.run(id, d.ruleId, targetId, d.signal, d.value, d.threshold, d.severity, d.windowStart, d.windowEnd, d.message, raisedAt);
        return changes ? [id] : [];
      }),
    )();
    return ids.map((id) => this.alert(id));
  }

  setWebhookStatus(id: string, status: string): Alert {
    this.db.prepare('UPDATE alerts SET webhook_status = ? WHERE id = ?').run(status, id);
    return this.alert(id);
  }

  /** Newest first (by when raised, then by window). */
  list(filter: { targetId?: string; openOnly: boolean }): Alert[] {
    const where = [filter.targetId ? 'a.target_id = @targetId' : '', filter.openOnly ? "a.status = 'open'" : ''].filter(Boolean);
    const sql = `${ALERT_SELECT}${where.length ? ` WHERE ${where.join(' AND ')}` : ''} ORDER BY a.raised_at DESC, a.window_start DESC, a.rowid DESC`;
    return this.db.prepare(sql).all(filter.targetId ? { targetId: filter.targetId } : {}) as Alert[];
  }

  /** An alert by its id or a unique prefix of it (the CLI shows the first 8 characters). */
  alert(idOrPrefix: string): Alert {
    const found = rowByIdOrPrefix<Alert>(this.db, ALERT_SELECT, 'a.id', idOrPrefix, 'alert');
    if (!found) throw new MlcycleError('NOT_FOUND', `No alert '${idOrPrefix}'. List them with: mlcycle monitor alerts`, { field: 'id' });
    return found;
  }

  /** Marks an open alert acknowledged by `by`; acknowledging twice is refused so the first person's note stays. */
  ack(idOrPrefix: string, by: string, comment: string | null): Alert {
    const a = this.alert(idOrPrefix);
    if (a.status === 'acknowledged') throw new MlcycleError('CONFLICT', `Alert ${a.id.slice(0, 8)} was already acknowledged by ${a.ackedBy} at ${a.ackedAt}.`, { field: 'id' });
    this.db.prepare("UPDATE alerts SET status = 'acknowledged', acked_by = ?, acked_at = ?, ack_comment = ? WHERE id = ?").run(by, new Date().toISOString(), comment, a.id);
    return this.alert(a.id);
  }

  webhook(): string | null {
    return this.setting(WEBHOOK);
  }

  setWebhook(url: string | null): void {
    if (url === null) this.db.prepare('DELETE FROM monitor_settings WHERE key = ?').run(WEBHOOK);
    else this.setSetting(WEBHOOK, url);
  }

  private setting(key: string): string | null {
    return (this.db.prepare('SELECT value FROM monitor_settings WHERE key = ?').get(key) as { value: string } | undefined)?.value ?? null;
  }

  private setSetting(key: string, value: string): void {
    this.db.prepare('INSERT INTO monitor_settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value').run(key, value);
  }
}
