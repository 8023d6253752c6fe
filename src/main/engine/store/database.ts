import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { MlcycleError } from '../../../shared/contract/errors';
import { LATEST_SCHEMA_VERSION, MIGRATIONS, type Migration } from './migrations';

export type Db = Database.Database;

export const DB_FILE = 'project.db';

/**
 * Under Electron the engine runs on Electron's Node ABI, so it must load a better-sqlite3 binary
 * built for Electron; the desktop launcher passes its path here. Plain Node uses the default.
 */
function nativeBinding(): string | undefined {
  return process.env.MLCYCLE_SQLITE_BINDING || undefined;
}

/** Reads the schema version without writing anything, so a newer file is never touched. */
export function readSchemaVersion(file: string): number {
  const db = new Database(file, { readonly: true, fileMustExist: true, nativeBinding: nativeBinding() });
  try {
    return db.pragma('user_version', { simple: true }) as number;
  } finally {
    db.close();
  }
}

/**
 * Opens (or creates) a project database: WAL journal, foreign keys on, migrations applied in one
 * transaction each. Refuses a file written by a newer schema with SCHEMA_TOO_NEW.
 */
export function openDatabase(dir: string, options: { create: boolean }): Db {
  const file = path.join(dir, DB_FILE);
  const exists = fs.existsSync(file);
  if (!exists && !options.create) {
    throw new MlcycleError('NOT_A_PROJECT', `${dir} is not an MLCycle project: it has no ${DB_FILE}. Create one with "mlcycle init".`, { dir });
  }
  if (exists) {
    let version: number;
    try {
      version = readSchemaVersion(file);
    } catch (error) {
      throw new MlcycleError('NOT_A_PROJECT', `${file} is not a readable SQLite database: ${(error as Error).message}`, { file });
    }
    if (version > LATEST_SCHEMA_VERSION) {
      throw new MlcycleError(
        'SCHEMA_TOO_NEW',
        `${file} was written by a newer MLCycle (schema version ${version}; this version understands up to ${LATEST_SCHEMA_VERSION}). Update MLCycle to open it; the file was not changed.`,
        { file, schemaVersion: version, supported: LATEST_SCHEMA_VERSION },
      );
    }
  }
  const db = new Database(file, { nativeBinding: nativeBinding() });
  db.pragma('journal_mode = WAL');
  db.pragma('foreign_keys = ON');
  db.pragma('synchronous = NORMAL');
  db.pragma('busy_timeout = 5000');
  migrate(db, MIGRATIONS);
  return db;
}

export function migrate(db: Db, migrations: readonly Migration[]): void {
  db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)`);
  const current = db.pragma('user_version', { simple: true }) as number;
  for (const migration of migrations) {
    if (migration.version <= current) continue;
    db.transaction(() => {
      db.exec(migration.sql);
      db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)').run(
        migration.version,
        migration.name,
        new Date().toISOString(),
      );
      db.pragma(`user_version = ${migration.version}`);
    })();
  }
}
