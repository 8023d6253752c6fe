/**
 * Numbered schema migrations for project.db. Append only: never edit a migration that has shipped,
 * add the next number instead. The highest version is the schema this build writes.
 */
export interface Migration {
  version: number;
  name: string;
  sql: string;
}

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'project, audit log, jobs, artifacts',
    sql: `
      CREATE TABLE project (
        id          TEXT PRIMARY KEY,
        name        TEXT NOT NULL,
        created_at  TEXT NOT NULL,
        created_by  TEXT NOT NULL
      );
      CREATE TABLE audit_log (
        id       INTEGER PRIMARY KEY AUTOINCREMENT,
        at       TEXT NOT NULL,
        actor    TEXT NOT NULL,
        action   TEXT NOT NULL,
        target   TEXT,
        details  TEXT,
        outcome  TEXT NOT NULL CHECK (outcome IN ('ok', 'error'))
      );
      CREATE TABLE jobs (
        id           TEXT PRIMARY KEY,
        kind         TEXT NOT NULL,
        title        TEXT NOT NULL,
        status       TEXT NOT NULL CHECK (status IN ('queued','running','succeeded','failed','cancelled','interrupted')),
        progress     REAL NOT NULL DEFAULT 0,
        phase        TEXT,
        eta_ms       INTEGER,
        params       TEXT,
        result       TEXT,
        error        TEXT,
        runner_pid   INTEGER,
        created_at   TEXT NOT NULL,
        started_at   TEXT,
        finished_at  TEXT
      );
      CREATE INDEX jobs_by_created ON jobs (created_at DESC);
      CREATE TABLE job_logs (
        job_id   TEXT NOT NULL REFERENCES jobs (id) ON DELETE CASCADE,
        seq      INTEGER NOT NULL,
        at       TEXT NOT NULL,
        level    TEXT NOT NULL CHECK (level IN ('info','warn','error')),
        message  TEXT NOT NULL,
        PRIMARY KEY (job_id, seq)
      );
      CREATE TABLE artifacts (
        sha256      TEXT PRIMARY KEY,
        size        INTEGER NOT NULL,
        media_type  TEXT NOT NULL,
        created_at  TEXT NOT NULL
      );
    `,
  },
  {
    version: 2,
    name: 'objectives, policies, people, decision log',
    sql: `
      CREATE TABLE objective_versions (
        version     INTEGER PRIMARY KEY,
        data        TEXT NOT NULL,
        changed_at  TEXT NOT NULL,
        changed_by  TEXT NOT NULL,
        note        TEXT NOT NULL DEFAULT ''
      );
      CREATE TABLE policy_versions (
        version     INTEGER PRIMARY KEY,
        data        TEXT NOT NULL,
        changed_at  TEXT NOT NULL,
        changed_by  TEXT NOT NULL,
        note        TEXT NOT NULL DEFAULT ''
      );
      CREATE TABLE people (
        id        TEXT PRIMARY KEY,
        name      TEXT NOT NULL,
        role      TEXT NOT NULL,
        email     TEXT NOT NULL DEFAULT '',
        raci      TEXT NOT NULL DEFAULT '{}',
        added_at    TEXT NOT NULL,
        added_by    TEXT NOT NULL,
        removed_at  TEXT,
        removed_by  TEXT
      );
      CREATE TABLE decisions (
        id           INTEGER PRIMARY KEY AUTOINCREMENT,
        title        TEXT NOT NULL,
        why          TEXT NOT NULL DEFAULT '',
        details      TEXT NOT NULL DEFAULT '',
        links        TEXT NOT NULL DEFAULT '[]',
        decided_at   TEXT NOT NULL,
        author       TEXT NOT NULL,
        recorded_at  TEXT NOT NULL
      );
      CREATE INDEX decisions_by_date ON decisions (decided_at DESC);
    `,
  },
  {
    version: 3,
    name: 'datasets and their immutable versions',
    sql: `
      CREATE TABLE datasets (
        id          TEXT PRIMARY KEY,
        name        TEXT NOT NULL UNIQUE,
        created_at  TEXT NOT NULL,
        created_by  TEXT NOT NULL
      );
      CREATE TABLE dataset_versions (
        id             TEXT PRIMARY KEY,
        dataset_id     TEXT NOT NULL REFERENCES datasets (id),
        version        INTEGER NOT NULL,
        sha256         TEXT NOT NULL REFERENCES artifacts (sha256),
        rows           INTEGER NOT NULL,
        bytes          INTEGER NOT NULL,
        columns        TEXT NOT NULL,
        target         TEXT,
        source         TEXT NOT NULL,
        parent_id      TEXT REFERENCES dataset_versions (id),
        recipe         TEXT,
        rejected_rows  INTEGER NOT NULL DEFAULT 0,
        reject_sample  TEXT NOT NULL DEFAULT '[]',
        job_id         TEXT,
        created_at     TEXT NOT NULL,
        created_by     TEXT NOT NULL,
        UNIQUE (dataset_id, version)
      );
    `,
  },
  {
    version: 4,
    name: 'cached dataset profiles, splits',
    sql: `
      CREATE TABLE dataset_profiles (
        version_id   TEXT PRIMARY KEY REFERENCES dataset_versions (id),
        profile      TEXT NOT NULL,
        computed_at  TEXT NOT NULL
      );
      CREATE TABLE splits (
        id          TEXT PRIMARY KEY,
        name        TEXT NOT NULL,
        version_id  TEXT NOT NULL REFERENCES dataset_versions (id),
        strategy    TEXT NOT NULL,
        column_name TEXT,
        ratios      TEXT NOT NULL,
        seed        INTEGER NOT NULL,
        counts      TEXT NOT NULL,
        sha256      TEXT NOT NULL REFERENCES artifacts (sha256),
        created_at  TEXT NOT NULL,
        created_by  TEXT NOT NULL
      );
    `,
  },
  {
    version: 5,
    name: 'cached dataset analyses (Spearman, anomalies, PCA, clusters)',
    sql: `
      CREATE TABLE dataset_analyses (
        version_id   TEXT NOT NULL REFERENCES dataset_versions (id),
        k            INTEGER NOT NULL,
        analysis     TEXT NOT NULL,
        computed_at  TEXT NOT NULL,
        PRIMARY KEY (version_id, k)
      );
    `,
  },
  {
    version: 6,
    name: 'training runs',
    sql: `
      CREATE TABLE runs (
        id            TEXT PRIMARY KEY,
        name          TEXT NOT NULL,
        status        TEXT NOT NULL,
        model         TEXT NOT NULL,
        task          TEXT NOT NULL,
        params        TEXT NOT NULL,
        version_id    TEXT NOT NULL REFERENCES dataset_versions (id),
        split_id      TEXT REFERENCES splits (id),
        target        TEXT NOT NULL,
        features      TEXT NOT NULL,
        seed          INTEGER NOT NULL,
        backend       TEXT,
        row_counts    TEXT NOT NULL DEFAULT '{}',
        metrics       TEXT NOT NULL DEFAULT '{"train":null,"validation":null,"test":null}',
        curves        TEXT NOT NULL DEFAULT '[]',
        evaluation    TEXT,
        cv            TEXT,
        search        TEXT,
        model_sha256  TEXT REFERENCES artifacts (sha256),
        model_bytes   INTEGER,
        latency_ms    REAL,
        duration_s    REAL,
        job_id        TEXT,
        parent_run_id TEXT REFERENCES runs (id),
        error         TEXT,
        created_at    TEXT NOT NULL,
        created_by    TEXT NOT NULL
      );
      CREATE INDEX runs_by_version ON runs (version_id, created_at);
    `,
  },
  {
    version: 7,
    name: 'model registry: models, numbered versions, aliases and their history, approvals',
    sql: `
      CREATE TABLE registered_models (
        id           TEXT PRIMARY KEY,
        name         TEXT NOT NULL UNIQUE,
        description  TEXT NOT NULL DEFAULT '',
        tags         TEXT NOT NULL DEFAULT '[]',
        created_at   TEXT NOT NULL,
        created_by   TEXT NOT NULL
      );
      CREATE TABLE model_versions (
        id              TEXT PRIMARY KEY,
        model_id        TEXT NOT NULL REFERENCES registered_models (id),
        version         INTEGER NOT NULL,
        run_id          TEXT NOT NULL REFERENCES runs (id),
        package_sha256  TEXT NOT NULL REFERENCES artifacts (sha256),
        package_bytes   INTEGER NOT NULL,
        signer          TEXT NOT NULL,
        parity          TEXT NOT NULL,
        latency_p99_ms  REAL,
        model_bytes     INTEGER NOT NULL,
        description     TEXT NOT NULL DEFAULT '',
        tags            TEXT NOT NULL DEFAULT '[]',
        created_at      TEXT NOT NULL,
        created_by      TEXT NOT NULL,
        UNIQUE (model_id, version)
      );
      CREATE TABLE model_aliases (
        model_id    TEXT NOT NULL REFERENCES registered_models (id),
        alias       TEXT NOT NULL,
        version_id  TEXT NOT NULL REFERENCES model_versions (id),
        set_at      TEXT NOT NULL,
        set_by      TEXT NOT NULL,
        PRIMARY KEY (model_id, alias)
      );
      CREATE TABLE alias_history (
        id          INTEGER PRIMARY KEY AUTOINCREMENT,
        model_id    TEXT NOT NULL REFERENCES registered_models (id),
        alias       TEXT NOT NULL,
        version     INTEGER,
        previous    INTEGER,
        at          TEXT NOT NULL,
        by          TEXT NOT NULL
      );
      CREATE TABLE model_approvals (
        id          INTEGER PRIMARY KEY AUTOINCREMENT,
        version_id  TEXT NOT NULL REFERENCES model_versions (id),
        by          TEXT NOT NULL,
        role        TEXT NOT NULL,
        comment     TEXT NOT NULL DEFAULT '',
        at          TEXT NOT NULL
      );
    `,
  },
  {
    version: 8,
    name: 'deploy targets, deployments and their step-by-step events',
    sql: `
      CREATE TABLE deploy_targets (
        id          TEXT PRIMARY KEY,
        name        TEXT NOT NULL UNIQUE,
        kind        TEXT NOT NULL CHECK (kind IN ('local', 'server', 'kubernetes')),
        config      TEXT NOT NULL,
        created_at  TEXT NOT NULL,
        created_by  TEXT NOT NULL
      );
      CREATE TABLE deployments (
        id          TEXT PRIMARY KEY,
        target_id   TEXT NOT NULL REFERENCES deploy_targets (id),
        model       TEXT NOT NULL,
        version     INTEGER NOT NULL,
        version_id  TEXT REFERENCES model_versions (id),
        status      TEXT NOT NULL,
        url         TEXT,
        job_id      TEXT,
        created_at  TEXT NOT NULL,
        created_by  TEXT NOT NULL,
        ended_at    TEXT
      );
      CREATE INDEX deployments_by_target ON deployments (target_id, created_at);
      CREATE TABLE deployment_events (
        id             INTEGER PRIMARY KEY AUTOINCREMENT,
        deployment_id  TEXT NOT NULL REFERENCES deployments (id),
        at             TEXT NOT NULL,
        step           TEXT NOT NULL,
        outcome        TEXT NOT NULL CHECK (outcome IN ('ok', 'error', 'info')),
        message        TEXT NOT NULL
      );
    `,
  },
  {
    version: 9,
    name: 'monitoring: prediction-log cursors per target, collected batches, per-hour windows',
    sql: `
      CREATE TABLE monitor_cursors (
        target_id      TEXT PRIMARY KEY REFERENCES deploy_targets (id),
        cursor         INTEGER NOT NULL DEFAULT 0,
        lost           INTEGER NOT NULL DEFAULT 0,
        last_pull_at   TEXT,
        last_error     TEXT
      );
      CREATE TABLE monitor_batches (
        id            INTEGER PRIMARY KEY AUTOINCREMENT,
        target_id     TEXT NOT NULL REFERENCES deploy_targets (id),
        model         TEXT NOT NULL,
        first_seq     INTEGER NOT NULL,
        last_seq      INTEGER NOT NULL,
        rows          INTEGER NOT NULL,
        sha256        TEXT NOT NULL REFERENCES artifacts (sha256),
        collected_at  TEXT NOT NULL
      );
      CREATE TABLE prediction_windows (
        target_id     TEXT NOT NULL REFERENCES deploy_targets (id),
        model         TEXT NOT NULL,
        version       TEXT NOT NULL,
        window_start  TEXT NOT NULL,
        requests      INTEGER NOT NULL,
        rows          INTEGER NOT NULL,
        latency_sum_ms REAL NOT NULL,
        latency_max_ms REAL NOT NULL,
        PRIMARY KEY (target_id, model, version, window_start)
      );
    `,
  },
  {
    version: 10,
    name: 'monitoring: late labels, health scrapes and windows, resource samples, alert rules and alerts',
    sql: `
      -- Ground truth that arrives after the prediction, joined to logged rows by request id and row.
      CREATE TABLE monitor_labels (
        target_id   TEXT NOT NULL REFERENCES deploy_targets (id),
        request_id  TEXT NOT NULL,
        row         INTEGER NOT NULL DEFAULT 0,
        label       TEXT NOT NULL,
        added_at    TEXT NOT NULL,
        added_by    TEXT NOT NULL,
        source      TEXT NOT NULL,
        PRIMARY KEY (target_id, request_id, row)
      );
      -- Counter snapshots of a server's /metrics; health per window is the difference of two.
      CREATE TABLE health_scrapes (
        id              INTEGER PRIMARY KEY AUTOINCREMENT,
        target_id       TEXT NOT NULL REFERENCES deploy_targets (id),
        at              TEXT NOT NULL,
        requests_total  REAL NOT NULL,
        errors_total    REAL NOT NULL,
        -- Latency histogram: JSON [[upper bound in seconds, cumulative count], ...].
        latency_buckets TEXT NOT NULL
      );
      CREATE INDEX health_scrapes_by_target ON health_scrapes (target_id, at);
      -- CPU and memory (and GPU where one exists) of the engine and of local model servers.
      CREATE TABLE resource_samples (
        id           INTEGER PRIMARY KEY AUTOINCREMENT,
        at           TEXT NOT NULL,
        process      TEXT NOT NULL,
        target_id    TEXT REFERENCES deploy_targets (id),
        cpu_percent  REAL NOT NULL,
        rss_mb       REAL NOT NULL,
        gpu_percent  REAL,
        gpu_mem_mb   REAL
      );
      CREATE INDEX resource_samples_by_time ON resource_samples (at);
      -- NULL target_id: a rule for every target. A removed target takes its own rules and alerts with it.
      CREATE TABLE alert_rules (
        id              TEXT PRIMARY KEY,
        target_id       TEXT REFERENCES deploy_targets (id) ON DELETE CASCADE,
        signal          TEXT NOT NULL,
        comparison      TEXT NOT NULL CHECK (comparison IN ('above', 'below')),
        threshold       REAL NOT NULL,
        window_minutes  INTEGER NOT NULL,
        severity        TEXT NOT NULL CHECK (severity IN ('info', 'warning', 'critical')),
        enabled         INTEGER NOT NULL DEFAULT 1,
        created_at      TEXT NOT NULL
      );
      CREATE TABLE alerts (
        id             TEXT PRIMARY KEY,
        -- No foreign key: an alert keeps its history (it copies signal, threshold and severity) after its rule is removed.
        rule_id        TEXT NOT NULL,
        target_id      TEXT NOT NULL REFERENCES deploy_targets (id) ON DELETE CASCADE,
        signal         TEXT NOT NULL,
        value          REAL NOT NULL,
        threshold      REAL NOT NULL,
        severity       TEXT NOT NULL,
        window_start   TEXT NOT NULL,
        window_end     TEXT NOT NULL,
        message        TEXT NOT NULL,
        raised_at      TEXT NOT NULL,
        status         TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'acknowledged')),
        acked_by       TEXT,
        acked_at       TEXT,
        ack_comment    TEXT,
        webhook_status TEXT,
        -- One alert per rule, target and window: evaluating the same windows again raises nothing new.
        UNIQUE (rule_id, target_id, window_start)
      );
      CREATE TABLE monitor_settings (
        key    TEXT PRIMARY KEY,
        value  TEXT NOT NULL
      );
    `,
  },
];

export const LATEST_SCHEMA_VERSION = MIGRATIONS[MIGRATIONS.length - 1]!.version;
