import type { Profile } from '../../src/shared/data/profile';
import type { Client } from '../../src/shared/client';
import type { Job } from '../../src/shared/contract/models';

/** Resolves with the job once `predicate` holds, watching pushed events (no polling, no sleeps). */
export function waitForJob(client: Client, id: string, predicate: (job: Job) => boolean, timeoutMs = 20_000): Promise<Job> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      stop();
      reject(new Error(`Job ${id} did not reach the expected state within ${timeoutMs} ms`));
    }, timeoutMs);
    const stop = client.on('job.updated', (job) => {
      if (job.id === id && predicate(job)) {
        clearTimeout(timer);
        stop();
        resolve(job);
      }
    });
    // The state may already hold (fast jobs): check once after subscribing.
    void client.call('jobs.get', { id }).then((job) => {
      if (predicate(job)) {
        clearTimeout(timer);
        stop();
        resolve(job);
      }
    });
  });
}

/** Waits for the job to end and asserts it succeeded (showing its error if not). */
export async function succeeded(client: Client, job: { id: string }): Promise<Job> {
  const done = await waitForJob(client, job.id, (j) => j.status !== 'running' && j.status !== 'queued');
  if (done.status !== 'succeeded') throw new Error(`job ${done.title} ${done.status}: ${JSON.stringify(done.error)}`);
  return done;
}

/** The version's profile, running the profile job first when none is cached. */
export async function profileOf(client: Client, ref: string): Promise<Profile> {
  const started = await client.call('data.profile', { ref });
  if (started.profile) return started.profile;
  if (started.job) await succeeded(client, started.job);
  return (await client.call('data.profile', { ref })).profile!;
}
