import fs from 'node:fs';
import path from 'node:path';
import type { PublicKeyInfo } from '../engine/signing/keys';
import { readPackage } from '../engine/signing/verify';
import { HttpError } from './http-error';
import type { InferencePool } from './inference-pool';
import type { ModelSet } from './model-set';
import { loadServedModel, manifestSha256Of, PackageRejected, type ExecutionProvider, type ServedModel } from './served-model';

type Trusted = Map<string, PublicKeyInfo & { name: string }>;

interface State {
  [model: string]: { active: string; previous: string | null; canary: { version: string; percent: number } | null };
}

const safe = (s: string) => s.replace(/[^\w.-]/g, '_');

/**
 * Where a server keeps the packages uploaded to it (`--store DIR`): one verified .mlpkg per model
 * version, and state.json with which version is active, so a restart serves what it served before.
 * An upload is written under a temporary name, verified and loaded, and only then renamed into place.
 */
export class PackageStore {
  constructor(
    private readonly dir: string,
    private readonly trusted: Trusted,
    private readonly provider: ExecutionProvider,
    private readonly log: (line: string) => void,
    private readonly pool: InferencePool | null = null,
  ) {
    fs.mkdirSync(path.join(dir, 'packages'), { recursive: true });
  }

  private fileOf(name: string, version: string): string {
    return path.join(this.dir, 'packages', `${safe(name)}@${safe(version)}.mlpkg`);
  }

  /** Verifies and loads an uploaded .mlpkg; a version already installed with other contents is refused (versions never change). */
  async install(bytes: Buffer): Promise<ServedModel> {
    const tmp = path.join(this.dir, `upload-${process.pid}-${Date.now()}.mlpkg.tmp`);
    fs.writeFileSync(tmp, bytes);
    let model: ServedModel;
    try {
      model = await loadServedModel(tmp, this.trusted, this.provider, this.log, this.pool);
    } catch (error) {
      fs.rmSync(tmp, { force: true });
      if (error instanceof PackageRejected) throw new HttpError(400, `${error.message.replace(tmp, 'the upload')} Nothing was installed.`);
      throw new HttpError(400, `the upload is not a loadable package: ${(error as Error).message}. Nothing was installed.`);
    }
    const final = this.fileOf(model.name, model.version);
    if (fs.existsSync(final)) {
      // Only the signed manifest is compared: loading the installed copy's sessions would be wasted work.
      const installed = manifestSha256Of(readPackage(final).contents);
      if (installed && installed !== model.manifestSha256) {
        await model.release();
        fs.rmSync(tmp, { force: true });
        throw new HttpError(409, `${model.name} v${model.version} is already installed with other contents; versions never change — register a new version`);
      }
    }
    fs.renameSync(tmp, final);
    return { ...model, source: final };
  }

  /** Deletes every installed version of a model. */
  remove(name: string): void {
    const prefix = `${safe(name)}@`;
    for (const f of fs.readdirSync(path.join(this.dir, 'packages'))) if (f.startsWith(prefix)) fs.rmSync(path.join(this.dir, 'packages', f), { force: true });
  }

  /** Every installed package, loaded, with the saved active versions and splits applied. */
  async loadAll(models: ModelSet): Promise<void> {
    const files = fs.readdirSync(path.join(this.dir, 'packages')).filter((f) => f.endsWith('.mlpkg')).sort();
    for (const f of files) {
      try {
        models.add(await loadServedModel(path.join(this.dir, 'packages', f), this.trusted, this.provider, this.log, this.pool), false);
      } catch (error) {
        this.log(`skipped ${f}: ${(error as Error).message}`);
      }
    }
    const stateFile = path.join(this.dir, 'state.json');
    if (!fs.existsSync(stateFile)) return;
    const state = JSON.parse(fs.readFileSync(stateFile, 'utf8')) as State;
    for (const [name, s] of Object.entries(state)) {
      if (!models.has(name)) continue;
      try {
        models.restore(name, s);
      } catch (error) {
        this.log(`could not restore ${name}'s active version: ${(error as Error).message}`);
      }
    }
  }

  /** Saves which versions are active (written whole, then renamed). */
  saveState(models: ModelSet): void {
    const state: State = Object.fromEntries(models.names().map((n) => {
      const s = models.state(n);
      return [n, { active: s.active, previous: s.previous, canary: s.canary }];
    }));
    const file = path.join(this.dir, 'state.json');
    fs.writeFileSync(`${file}.tmp`, JSON.stringify(state, null, 2));
    fs.renameSync(`${file}.tmp`, file);
  }
}
