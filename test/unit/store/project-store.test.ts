import Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { migrate } from '../../../src/main/engine/store/database';
import { LATEST_SCHEMA_VERSION } from '../../../src/main/engine/store/migrations';
import { ProjectStore } from '../../../src/main/engine/store/project-store';
import { tempDir } from '../../helpers/temp';

const sha256 = (file: string) => createHash('sha256').update(fs.readFileSync(file)).digest('hex');

describe('project store', () => {
  let tmp: ReturnType<typeof tempDir>;
  beforeEach(() => {
    tmp = tempDir();
  });
  afterEach(() => tmp.cleanup());

  it('creates project.db in WAL mode with foreign keys and a recorded schema version', () => {
    const store = ProjectStore.create(path.join(tmp.dir, 'p'), 'P', 'ana');
    expect(store.db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(store.db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(store.db.pragma('user_version', { simple: true })).toBe(LATEST_SCHEMA_VERSION);
    const applied = store.db.prepare('SELECT version FROM schema_migrations ORDER BY version').all() as Array<{ version: number }>;
    expect(applied.map((r) => r.version)).toEqual(Array.from({ length: LATEST_SCHEMA_VERSION }, (_, i) => i + 1));
    expect(fs.existsSync(path.join(tmp.dir, 'p', 'artifacts'))).toBe(true);
    store.close();
  });

  it('enforces foreign keys (a log line needs its job)', () => {
    const store = ProjectStore.create(tmp.dir, 'P', 'ana');
    expect(() =>
      store.db.prepare("INSERT INTO job_logs (job_id, seq, at, level, message) VALUES ('ghost', 1, 'now', 'info', 'x')").run(),
    ).toThrow(/FOREIGN KEY/);
    store.close();
  });

  it('reopens what it wrote, from another connection', () => {
    const first = ProjectStore.create(tmp.dir, 'Churn model', 'ana');
    const summary = first.summary();
    first.close();
    const again = ProjectStore.open(tmp.dir);
    expect(again.summary()).toEqual(summary);
    again.close();
  });

  it('refuses a database written by a newer schema, without changing the file', () => {
    ProjectStore.create(tmp.dir, 'P', 'ana').close();
    const file = path.join(tmp.dir, 'project.db');
    const future = new Database(file);
    future.pragma(`user_version = ${LATEST_SCHEMA_VERSION + 5}`);
    future.pragma('journal_mode = DELETE'); // fold the WAL in so the hash covers everything
    future.close();
    const before = sha256(file);
    expect(() => ProjectStore.open(tmp.dir)).toThrow(
      expect.objectContaining({ code: 'SCHEMA_TOO_NEW', message: expect.stringMatching(/newer MLCycle.*Update MLCycle/) }),
    );
    expect(sha256(file)).toBe(before);
    expect(fs.existsSync(`${file}-wal`)).toBe(false);
  });

  it('says clearly when a folder is not a project or project.db is not SQLite', () => {
    expect(() => ProjectStore.open(tmp.dir)).toThrow(expect.objectContaining({ code: 'NOT_A_PROJECT' }));
    expect(() => ProjectStore.open(path.join(tmp.dir, 'missing'))).toThrow(expect.objectContaining({ code: 'NOT_FOUND' }));
    fs.writeFileSync(path.join(tmp.dir, 'project.db'), 'this is a text file, not a database');
    expect(() => ProjectStore.open(tmp.dir)).toThrow(expect.objectContaining({ code: 'NOT_A_PROJECT', message: expect.stringContaining('not a readable SQLite database') }));
  });

  it('applies only the migrations a database lacks, each once', () => {
    const db = new Database(':memory:');
    const steps = [
      { version: 1, name: 'a', sql: 'CREATE TABLE a (x)' },
      { version: 2, name: 'b', sql: 'CREATE TABLE b (x)' },
    ];
    migrate(db, steps.slice(0, 1));
    migrate(db, steps);
    migrate(db, steps);
    expect(db.pragma('user_version', { simple: true })).toBe(2);
    expect((db.prepare('SELECT COUNT(*) AS n FROM schema_migrations').get() as { n: number }).n).toBe(2);
  });

  it('rolls a failing migration back whole', () => {
    const db = new Database(':memory:');
    migrate(db, [{ version: 1, name: 'a', sql: 'CREATE TABLE a (x)' }]);
    expect(() => migrate(db, [{ version: 2, name: 'broken', sql: 'CREATE TABLE half (x); CREATE TABLE a (x)' }])).toThrow();
    expect(db.pragma('user_version', { simple: true })).toBe(1);
    expect(db.prepare("SELECT name FROM sqlite_master WHERE name = 'half'").get()).toBeUndefined();
  });
});

describe('artifact store', () => {
  let tmp: ReturnType<typeof tempDir>;
  let store: ProjectStore;
  beforeEach(() => {
    tmp = tempDir();
    store = ProjectStore.create(tmp.dir, 'P', 'ana');
  });
  afterEach(() => {
    store.close();
    tmp.cleanup();
  });

  it('addresses content by its sha256 and stores identical bytes once', async () => {
    const bytes = new TextEncoder().encode('hello artifacts');
    const expected = createHash('sha256').update('hello artifacts').digest('hex');
    const a = await store.artifacts.putBytes(bytes);
    const b = await store.artifacts.putBytes(bytes);
    expect(a.sha256).toBe(expected);
    expect(b.path).toBe(a.path);
    expect(a.path).toBe(path.join(tmp.dir, 'artifacts', expected.slice(0, 2), expected));
    expect(fs.readFileSync(a.path, 'utf8')).toBe('hello artifacts');
    const rows = store.db.prepare('SELECT sha256, size FROM artifacts').all();
    expect(rows).toEqual([{ sha256: expected, size: bytes.byteLength }]);
  });

  it('streams a file in and leaves no temp files behind', async () => {
    const source = path.join(tmp.dir, 'big.bin');
    const chunk = Buffer.alloc(1024 * 1024, 7);
    fs.writeFileSync(source, Buffer.concat([chunk, chunk, chunk]));
    const ref = await store.artifacts.putFile(source);
    expect(ref.size).toBe(3 * 1024 * 1024);
    expect(ref.sha256).toBe(sha256(source));
    const leftovers = fs.readdirSync(path.join(tmp.dir, 'artifacts')).filter((f) => f.startsWith('.tmp-'));
    expect(leftovers).toEqual([]);
  });

  it('sweeps temporary files left by a dead process, and keeps those of a live one', () => {
    const root = path.join(tmp.dir, 'artifacts');
    const dead = '.import-999999999-123e4567-e89b-12d3-a456-426614174000.parquet';
    const live = `.import-${process.pid}-123e4567-e89b-12d3-a456-426614174001.parquet`;
    for (const name of [dead, live]) fs.writeFileSync(path.join(root, name), 'half-written');
    const removed = store.artifacts.sweepTemporaries((pid) => pid === process.pid);
    expect(removed).toEqual([dead]);
    expect(fs.existsSync(path.join(root, live))).toBe(true);
  });

  it('cleans up after a failed read', async () => {
    await expect(store.artifacts.putFile(path.join(tmp.dir, 'nope.bin'))).rejects.toThrow(/ENOENT/);
    expect(fs.readdirSync(path.join(tmp.dir, 'artifacts'))).toEqual([]);
  });
});
