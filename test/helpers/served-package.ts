import fs from 'node:fs';
import path from 'node:path';
import type { Client } from '../../src/shared/client';
import { waitForJob } from './jobs';
import { inProcess } from './transports';
import { shopCsv } from '../integration/package/shop-data';

/**
 * A real signed package of a small boosted-trees model on the shop data, made through the engine
 * as a user would (import, train, package), for server tests. Returns the package folder and the
 * user profile whose key signed it (so it verifies).
 */
/** Jobs on a busy two-core machine can take longer than the usual helper's 20 s. */
async function succeeded(client: Client, job: { id: string }) {
  const done = await waitForJob(client, job.id, (j) => j.status !== 'running' && j.status !== 'queued', 180_000);
  if (done.status !== 'succeeded') throw new Error(`${done.title}: ${done.status} ${JSON.stringify(done.error)}`);
  return done;
}

export async function servedPackage(dir: string, rows = 1500): Promise<{ packageDir: string; homeDir: string; csv: string }> {
  const homeDir = path.join(dir, 'home');
  const api = await inProcess(homeDir);
  try {
    await api.client.call('project.create', { dir: path.join(dir, 'project') });
    const csv = path.join(dir, 'shop.csv');
    fs.writeFileSync(csv, shopCsv(rows));
    await succeeded(api.client, await api.client.call('data.import', { source: { kind: 'csv', path: csv }, options: { target: 'bought', profile: false } }));
    const started = await api.client.call('train.start', { dataset: 'shop', model: 'gbdt', params: { nEstimators: 20, maxDepth: 3 }, exclude: ['tier', 'spend'], seed: 5, name: 'trees' });
    await succeeded(api.client, started.job);
    const packageDir = path.join(dir, 'trees-pkg');
    await succeeded(api.client, await api.client.call('models.package', { run: started.run.id, out: packageDir }));
    return { packageDir, homeDir, csv };
  } finally {
    await api.close();
  }
}

/**
 * Two registered versions of one model, "churn" v1 (boosted trees) and v2 (logistic regression),
 * exported as .mlpkg files: what a deployment switches between.
 */
export async function registeredVersions(dir: string): Promise<{ v1: string; v2: string; homeDir: string }> {
  const homeDir = path.join(dir, 'home');
  const api = await inProcess(homeDir);
  try {
    await api.client.call('project.create', { dir: path.join(dir, 'project') });
    const csv = path.join(dir, 'shop.csv');
    fs.writeFileSync(csv, shopCsv(1500));
    await succeeded(api.client, await api.client.call('data.import', { source: { kind: 'csv', path: csv }, options: { target: 'bought', profile: false } }));
    const out: string[] = [];
    for (const [model, params] of [['gbdt', { nEstimators: 20, maxDepth: 3 }], ['logistic', {}]] as const) {
      const started = await api.client.call('train.start', { dataset: 'shop', model, params, exclude: ['tier', 'spend'], seed: 5, name: model });
      await succeeded(api.client, started.job);
      await succeeded(api.client, await api.client.call('registry.register', { run: started.run.id, model: 'churn' }));
      const file = path.join(dir, `churn-v${out.length + 1}.mlpkg`);
      await api.client.call('registry.export', { model: 'churn', version: out.length + 1, out: file });
      out.push(file);
    }
    return { v1: out[0]!, v2: out[1]!, homeDir };
  } finally {
    await api.close();
  }
}
