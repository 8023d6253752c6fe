import fs from 'node:fs';
import path from 'node:path';
import type { RecentProject } from '../../shared/contract/models';
import { DB_FILE } from './store/database';
import { readJson, writeJsonAtomic } from './home';

const MAX_RECENT = 20;

/** The recent-projects list in <home>/recent.json, newest first. */
export class RecentProjects {
  private readonly file: string;

  constructor(homeDir: string) {
    this.file = path.join(homeDir, 'recent.json');
  }

  list(): RecentProject[] {
    const stored = readJson<Array<Omit<RecentProject, 'exists'>>>(this.file, []);
    if (!Array.isArray(stored)) return [];
    return stored
      .filter((p) => typeof p?.dir === 'string')
      .map((p) => ({ ...p, exists: fs.existsSync(path.join(p.dir, DB_FILE)) }));
  }

  touch(dir: string, name: string): void {
    const rest = this.list().filter((p) => p.dir !== dir);
    const next = [{ dir, name, openedAt: new Date().toISOString() }, ...rest.map(({ exists: _, ...p }) => p)].slice(0, MAX_RECENT);
    writeJsonAtomic(this.file, next);
  }
}
