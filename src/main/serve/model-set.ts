import { HttpError } from './http-error';
import type { ServedModel } from './served-model';

interface Entry {
  versions: Map<string, ServedModel>;
  /** The version a request without one gets. */
  active: string;
  /** The previously active version, for rollback. */
  previous: string | null;
  /** A second version that takes `percent` of the requests that name no version. */
  canary: { version: string; percent: number } | null;
}

/**
 * The models a server holds, by name and version. Switching the active version swaps one field, so
 * a request in flight keeps the model it started with and the next one gets the new version: no
 * request is dropped by a switch.
 */
export class ModelSet {
  private readonly entries = new Map<string, Entry>();

  add(model: ServedModel, activate: boolean): void {
    const entry = this.entries.get(model.name);
    if (!entry) {
      this.entries.set(model.name, { versions: new Map([[model.version, model]]), active: model.version, previous: null, canary: null });
      return;
    }
    entry.versions.set(model.version, model);
    if (activate) this.activate(model.name, model.version);
  }

  names(): string[] {
    return [...this.entries.keys()].sort();
  }

  all(): ServedModel[] {
    return [...this.entries.values()].flatMap((e) => [...e.versions.values()]);
  }

  has(name: string): boolean {
    return this.entries.has(name);
  }

  private entry(name: string): Entry {
    const entry = this.entries.get(name);
    if (!entry) throw new HttpError(404, `unknown model '${name}'; this server has ${this.names().join(', ') || 'no models'}`);
    return entry;
  }

  versions(name: string): string[] {
    return [...this.entry(name).versions.keys()];
  }

  state(name: string) {
    const e = this.entry(name);
    return { name, versions: [...e.versions.keys()], active: e.active, previous: e.previous, canary: e.canary };
  }

  /** The model a request gets: the named version, else the active one (or the canary, by its share). */
  pick(name: string, version: string | null, random: () => number = Math.random): ServedModel {
    const e = this.entry(name);
    if (version !== null) {
      const v = e.versions.get(version);
      if (!v) throw new HttpError(404, `model '${name}' has no version '${version}'; it has ${[...e.versions.keys()].join(', ')}`);
      return v;
    }
    if (e.canary && random() * 100 < e.canary.percent) return e.versions.get(e.canary.version)!;
    return e.versions.get(e.active)!;
  }

  activate(name: string, version: string): void {
    const e = this.entry(name);
    if (!e.versions.has(version)) throw new HttpError(404, `model '${name}' has no version '${version}'`);
    if (e.active === version) return;
    e.previous = e.active;
    e.active = version;
    if (e.canary?.version === version) e.canary = null;
  }

  /** Sends `percent` of unversioned requests to `version` (0 ends the split). */
  split(name: string, version: string, percent: number): void {
    const e = this.entry(name);
    if (!e.versions.has(version)) throw new HttpError(404, `model '${name}' has no version '${version}'`);
    if (!(percent >= 0 && percent <= 100)) throw new HttpError(400, `a canary share is a percent from 0 to 100; got ${percent}`);
    if (version === e.active) throw new HttpError(409, `version '${version}' is already active; split traffic with another version`);
    e.canary = percent === 0 ? null : { version, percent };
  }

  /** Takes a model (every version) off the server; returns the sessions to release. */
  remove(name: string): ServedModel[] {
    const e = this.entry(name);
    this.entries.delete(name);
    return [...e.versions.values()];
  }

  /** Puts back a saved state (after a restart); versions no longer installed are dropped from it. */
  restore(name: string, s: { active: string; previous: string | null; canary: { version: string; percent: number } | null }): void {
    const e = this.entry(name);
    if (!e.versions.has(s.active)) throw new HttpError(404, `saved active version '${s.active}' is not installed`);
    e.active = s.active;
    e.previous = s.previous && e.versions.has(s.previous) ? s.previous : null;
    e.canary = s.canary && e.versions.has(s.canary.version) ? s.canary : null;
  }

  /** Back to the version active before the last switch. */
  rollback(name: string): string {
    const e = this.entry(name);
    if (!e.previous || !e.versions.has(e.previous)) throw new HttpError(409, `model '${name}' has no earlier version to roll back to`);
    const to = e.previous;
    e.previous = e.active;
    e.active = to;
    e.canary = null;
    return to;
  }
}
