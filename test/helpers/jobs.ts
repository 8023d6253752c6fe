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
