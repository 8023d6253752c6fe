import { writeFileSync } from 'node:fs';
import http from 'node:http';
import { seeded } from './train-data';

/**
 * Traffic for the Monitor end-to-end test: churn customers like the training data (see
 * train-data.ts writeChurn), sent straight to the served model as any client would, in requests with
 * an id so labels can be joined later. From a chosen request on, x3 is moved up by SHIFT (out of the
 * training range [0, 2]); spend keeps being computed from the unmoved x3, so only x3 drifts.
 */

export const SHIFT = 3;
const PLANS = ['basic', 'pro', 'team'];

interface Row {
  x1: number;
  x2: number;
  x3: number;
  plan: string;
  noise: number;
  spend: number;
  /** The true outcome as the world now has it. */
  label: number;
}

/**
 * Served customers. The world moved since training: churn now goes the other way in x1 and x2
 * (churned exactly when −2.5·x1 + 2·x2 + u > 0), so the deployed model ranks them backwards and a
 * challenger trained on the labeled served rows can learn the new rule.
 */
function customers(n: number, seed: number, shiftFrom: number): Row[] {
  const rnd = seeded(seed);
  return Array.from({ length: n }, (_, i) => {
    const [x1, x2, x3] = [rnd() * 4 - 2, rnd() * 4 - 2, rnd() * 2];
    const label = -2.5 * x1 + 2 * x2 + (rnd() - 0.5) > 0 ? 1 : 0;
    const noise = rnd();
    const spend = 10 + 3 * x1 + 2 * x3 + rnd();
    return { x1, x2, x3: i >= shiftFrom ? x3 + SHIFT : x3, plan: PLANS[i % 3]!, noise, spend, label };
  });
}

function post(url: string, body: object): Promise<number> {
  return new Promise((resolve, reject) => {
    const payload = JSON.stringify(body);
    const req = http.request(url, { method: 'POST', headers: { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(payload) } }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
    });
    req.on('error', reject);
    req.end(payload);
  });
}

/**
 * Sends `requests` requests of `perRequest` rows to the infer URL (ids req-0, req-1, … or another prefix), x3 moved
 * from request `shiftFrom` on, and writes the labels file request_id,row,label. Returns the HTTP
 * statuses and how many rows were shifted.
 */
export async function sendTraffic(
  inferUrl: string,
  labelsFile: string,
  options: { requests: number; perRequest: number; shiftFrom: number; seed: number; idPrefix?: string },
): Promise<{ statuses: number[]; shiftedRows: number }> {
  const id = (r: number) => `${options.idPrefix ?? 'req'}-${r}`;
  const rows = customers(options.requests * options.perRequest, options.seed, options.shiftFrom * options.perRequest);
  const statuses: number[] = [];
  const labels = ['request_id,row,label'];
  for (let r = 0; r < options.requests; r++) {
    const batch = rows.slice(r * options.perRequest, (r + 1) * options.perRequest);
    const numeric = (name: 'x1' | 'x2' | 'x3' | 'noise' | 'spend') => ({ name, datatype: 'FP64', shape: [batch.length, 1], data: batch.map((row) => row[name]) });
    const body = { id: id(r), inputs: [numeric('x1'), numeric('x2'), numeric('x3'), { name: 'plan', datatype: 'BYTES', shape: [batch.length, 1], data: batch.map((row) => row.plan) }, numeric('noise'), numeric('spend')] };
    statuses.push(await post(inferUrl, body));
    batch.forEach((row, i) => labels.push(`${id(r)},${i},${row.label}`));
  }
  writeFileSync(labelsFile, `${labels.join('\n')}\n`);
  return { statuses, shiftedRows: (options.requests - options.shiftFrom) * options.perRequest };
}
