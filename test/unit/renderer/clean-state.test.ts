import { describe, expect, it } from 'vitest';
import type { Client } from '../../../src/shared/client';
import { MlcycleError } from '../../../src/shared/contract/errors';
import type { Job } from '../../../src/shared/contract/models';
import type { Recipe } from '../../../src/shared/data/recipe';
import { createCleanStore } from '../../../src/renderer/src/components/data/clean/clean-state';

/** A client whose answers the test hands out one by one, in any order. */
function fakeEngine() {
  const calls: Array<{ method: string; args: unknown; resolve(v: unknown): void; reject(e: unknown): void }> = [];
  const client = {
    call: (method: string, args: unknown) => new Promise((resolve, reject) => calls.push({ method, args, resolve, reject })),
    on: () => () => {},
  } as unknown as Client;
  const watched: Array<{ job: Job; end(job: Job): void }> = [];
  const shown: string[] = [];
  let project = 'p1';
  const store = createCleanStore({
    client: () => client,
    projectId: () => project,
    watchJob: (job, end) => void watched.push({ job, end }),
    showVersion: (id) => void shown.push(id),
  });
  return { store, calls, watched, shown, openProject: (id: string) => (project = id) };
}

const recipe = (where: string): Recipe => ({ steps: [{ op: 'filter', where }] });
const answer = (sql: string) => ({ sql, page: { columns: [], rows: [], offset: 0, total: 0 } });
const settle = () => new Promise((r) => setTimeout(r, 0));
const job = (status: Job['status'], extra: Partial<Job> = {}) => ({ id: 'j1', kind: 'data.clean', status, ...extra }) as Job;

describe('the Clean tab state', () => {
  it('shows only the answer to the latest preview, whatever order the answers come in', async () => {
    const { store, calls } = fakeEngine();
    void store.getState().preview('v1', recipe('a > 1'));
    void store.getState().preview('v1', recipe('a > 2'));
    expect(calls.map((c) => c.args)).toMatchObject([{ ref: 'v1', sample: 10_000, limit: 12 }, { ref: 'v1' }]);
    calls[1]!.resolve(answer('newer'));
    await settle();
    calls[0]!.resolve(answer('older'));
    await settle();
    expect(store.getState().entries.v1).toMatchObject({ preview: { sql: 'newer', key: JSON.stringify(recipe('a > 2')) }, previewing: false });
  });

  it('drops a preview answered after the recipe was edited, and one about another project', async () => {
    const { store, calls, openProject } = fakeEngine();
    void store.getState().preview('v1', recipe('a > 1'));
    store.getState().setSteps('v1', [{ id: 1, op: 'filter', where: 'a > 3' }]);
    calls[0]!.resolve(answer('before the edit'));
    await settle();
    expect(store.getState().entries.v1!.preview).toBeNull();

    void store.getState().preview('v1', recipe('a > 3'));
    openProject('p2');
    calls[1]!.resolve(answer('other project'));
    await settle();
    expect(store.getState().entries.v1!.preview).toBeNull();
  });

  it('keeps the last good preview when a newer recipe fails, and says which step failed', async () => {
    const { store, calls } = fakeEngine();
    void store.getState().preview('v1', recipe('a > 1'));
    calls[0]!.resolve(answer('good'));
    await settle();
    void store.getState().preview('v1', recipe('b > 1'));
    calls[1]!.reject(new MlcycleError('INVALID_ARGUMENT', 'Step 1 (filter) cannot run: no b', { step: 1, op: 'filter' }));
    await settle();
    expect(store.getState().entries.v1).toMatchObject({
      preview: { sql: 'good' },
      previewError: { message: 'Step 1 (filter) cannot run: no b', step: 0, field: 'where', key: JSON.stringify(recipe('b > 1')) },
    });
  });

  it('applies once, and on success shows the new version with what was written', async () => {
    const { store, calls, watched, shown } = fakeEngine();
    void store.getState().apply('v1', recipe('a > 1'), '  ');
    void store.getState().apply('v1', recipe('a > 1'));
    expect(calls).toHaveLength(1);
    expect(calls[0]!.args).toEqual({ ref: 'v1', recipe: recipe('a > 1') });
    calls[0]!.resolve(job('running'));
    await settle();
    expect(store.getState().entries.v1).toMatchObject({ jobId: 'j1', starting: false });
    watched[0]!.end(job('succeeded', { result: { versionId: 'v2', name: 'people', version: 2, rows: 1234, parent: 'people@1', reused: false } }));
    expect(shown).toEqual(['v2']);
    expect(store.getState().entries.v1!.jobId).toBeNull();
    expect(store.getState().outcome).toEqual({ versionId: 'v2', text: 'Wrote people@2: 1,234 rows, made from people@1 by the recipe.' });
  });

  it('says why nothing was written when the job was cancelled or refused', async () => {
    const { store, calls, watched, shown } = fakeEngine();
    void store.getState().apply('v1', recipe('a > 1'), 'cleaned');
    expect(calls[0]!.args).toMatchObject({ name: 'cleaned' });
    calls[0]!.resolve(job('running'));
    await settle();
    watched[0]!.end(job('cancelled'));
    expect(store.getState().entries.v1!.applyError).toBe('Cleaning was cancelled; no version was written.');
    void store.getState().apply('v1', recipe('a > 1'));
    calls[1]!.reject(new MlcycleError('NOT_FOUND', 'No dataset v1'));
    await settle();
    expect(store.getState().entries.v1).toMatchObject({ applyError: 'Not applied: No dataset v1', starting: false, jobId: null });
    expect(shown).toEqual([]);
  });
});
