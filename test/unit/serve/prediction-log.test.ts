import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { PredictionLog, type PredictionRecord } from '../../../src/main/serve/prediction-log';
import { tempDir } from '../../helpers/temp';

const record = (i: number): Omit<PredictionRecord, 'seq'> => ({
  at: `2026-11-26T10:00:${String(i % 60).padStart(2, '0')}Z`,
  requestId: `r${i}`,
  model: 'churn',
  version: '1',
  rows: 1,
  latencyMs: 0.5,
  inputs: { age: [i], plan: ['basic'] },
  outputs: { label: ['no'], probabilities: [0.9, 0.1] },
});

describe('the prediction log', () => {
  const tmp = tempDir();
  afterEach(() => fs.rmSync(tmp.dir, { recursive: true, force: true }));

  it('hands out every record once, in order, by cursor', () => {
    const log = new PredictionLog({ dir: tmp.dir });
    for (let i = 1; i <= 25; i++) log.append(record(i));
    const first = log.read(0, 10);
    expect(first.records.map((r) => r.seq)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(first).toMatchObject({ next: 10, lost: 0, last: 25 });
    const rest = log.read(first.next, 100);
    expect(rest.records.map((r) => r.requestId)).toEqual(Array.from({ length: 15 }, (_, i) => `r${i + 11}`));
    expect(log.read(rest.next)).toMatchObject({ records: [], next: 25, lost: 0 });
    log.close();
  });

  it('continues the sequence after a restart, ignoring a line cut off by a crash', () => {
    const first = new PredictionLog({ dir: tmp.dir });
    for (let i = 1; i <= 5; i++) first.append(record(i));
    first.close();
    const segment = fs.readdirSync(tmp.dir).find((f) => f.endsWith('.ndjson'))!;
    fs.appendFileSync(path.join(tmp.dir, segment), '{"seq": 6, "at": "2026-11-2');
    const second = new PredictionLog({ dir: tmp.dir });
    expect(second.append(record(6))).toBe(6);
    const page = second.read(3);
    expect(page.records.map((r) => r.seq)).toEqual([4, 5, 6]);
    second.close();
  });

  it('stays under its size bound by deleting the oldest segments, and says how many records a slow reader lost', () => {
    const log = new PredictionLog({ dir: tmp.dir, segmentBytes: 2_000, maxBytes: 6_000 });
    for (let i = 1; i <= 200; i++) {
      log.append(record(i));
      if (i % 10 === 0) log.flush();
    }
    log.flush();
    const bytes = fs.readdirSync(tmp.dir).reduce((s, f) => s + fs.statSync(path.join(tmp.dir, f)).size, 0);
    expect(bytes).toBeLessThanOrEqual(6_000 + 2_000);
    const page = log.read(0, 10_000);
    expect(page.lost).toBeGreaterThan(0);
    // What is left is contiguous up to the newest, and the lost count accounts for the rest.
    expect(page.records.at(-1)!.seq).toBe(200);
    expect(page.lost + page.records.length).toBe(200);
    expect(page.records.map((r) => r.seq)).toEqual(Array.from({ length: page.records.length }, (_, i) => 201 - page.records.length + i));
    log.close();
  });

  it('logs the configured share of requests', () => {
    const log = new PredictionLog({ dir: tmp.dir, sampleRate: 0.25 });
    const draws = [0.1, 0.3, 0.2, 0.9, 0.24, 0.25];
    const seqs = draws.map((d, i) => log.append(record(i), () => d));
    expect(seqs).toEqual([1, null, 2, null, 3, null]);
    log.close();
  });
});
