import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mlcycle } from '../helpers/cli';
import { cliProject } from '../helpers/cli-project';
import { tempDir } from '../helpers/temp';

/**
 * What the CLI prints is what a user types back: the 8-character ids of `data split` and `runs
 * list` are taken wherever a split or run is asked for, `data show` lists a version's splits by
 * them, and the dataset to train on can be given plainly (`mlcycle train penguins`).
 */
describe('short ids and the dataset as typed', () => {
  const tmp = tempDir();
  const { env, project, run, json } = cliProject(tmp.dir, 'penguins');
  const short = (id: string) => id.slice(0, 8);

  beforeAll(() => {
    expect(mlcycle(['init', '--sample', project], { env }).status).toBe(0);
  }, 60_000);
  afterAll(() => tmp.cleanup());

  it('trains on a split named by the id data split printed, and shows the run by the id runs list printed', () => {
    const split = run(['data', 'split', 'penguins', '--target', 'species', '--strategy', 'stratified', '--ratios', '0.7,0.15,0.15', '--seed', '7']);
    expect(split.status, split.stderr).toBe(0);
    // "Split penguins@1: train 242, validation 52, test 50 (id 5fc98833)."
    const [, train, validation, test, printed] = /train (\d+), validation (\d+), test (\d+) \(id ([0-9a-f]{8})\)/.exec(split.stdout) ?? [];
    expect(printed, split.stdout).toBeDefined();
    expect(Number(train) + Number(validation) + Number(test)).toBe(344);

    // data show lists the version's splits with that id and the rows in each set.
    const shown = run(['data', 'show', 'penguins']);
    expect(shown.stdout).toMatch(new RegExp(`${printed}\\s+stratified\\s+${train} / ${validation} / ${test}\\s+7\\s`));

    const trained = json(['train', 'penguins', '--model', 'logistic', '--split', printed!]) as { id: string; splitId: string; rows: Record<string, number> };
    expect(short(trained.splitId)).toBe(printed);
    expect(trained.rows).toEqual({ train: Number(train), validation: Number(validation), test: Number(test) });

    const listed = run(['runs', 'list']).stdout.split('\n')[1]!.split(/\s+/)[0]!;
    expect(listed).toBe(short(trained.id));
    const byShortId = run(['runs', 'show', listed]);
    expect(byShortId.status, byShortId.stderr).toBe(0);
    expect(byShortId.stdout).toContain(trained.id);
  });

  it('says what to type when no dataset is named, or two different ones are', () => {
    const none = run(['train', '--model', 'logistic']);
    expect([none.status, none.stderr]).toEqual([2, expect.stringContaining('name the dataset to train on: mlcycle train DATASET --model KIND')]);
    const two = run(['train', 'penguins', '--dataset', 'other', '--model', 'logistic']);
    expect([two.status, two.stderr]).toEqual([2, expect.stringContaining('two datasets given: penguins and --dataset other')]);
    // A prefix too short to mean one thing is not guessed at.
    const tooShort = run(['runs', 'show', 'a']);
    expect([tooShort.status, tooShort.stderr]).toEqual([1, expect.stringContaining("There is no run 'a'")]);
  });
});
