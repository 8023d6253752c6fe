import { describe, expect, it } from 'vitest';
import type { ColumnInfo } from '../../../src/shared/data/models';
import type { RecipeStep } from '../../../src/shared/data/recipe';
import { parseRecipeJson, previewErrorPlace, recipeJson } from '../../../src/renderer/src/lib/clean-io';
import { checkRecipe, draftToStep, moveStep } from '../../../src/renderer/src/lib/clean-recipe';
import { columnsThrough, newStep, stepToDraft, type StepDraft } from '../../../src/renderer/src/lib/clean-steps';

const columns: ColumnInfo[] = [
  { name: 'city', type: 'VARCHAR', semantic: 'categorical' },
  { name: 'age', type: 'BIGINT', semantic: 'numeric' },
  { name: 'income', type: 'DOUBLE', semantic: 'numeric' },
  { name: 'member', type: 'BOOLEAN', semantic: 'boolean' },
];
const seen = columnsThrough([], columns)[0]!;

describe('cleaning recipe drafts', () => {
  it('fills a new step in as far as the columns allow', () => {
    expect(newStep('impute', 1, seen)).toEqual({ id: 1, op: 'impute', column: 'age', method: 'median', value: '' });
    expect(newStep('impute', 2, [{ name: 'city', type: 'VARCHAR' }])).toMatchObject({ column: 'city', method: 'mode' });
    // Ready to run as added: clip on the first numeric column at the 1% and 99% quantiles.
    expect(draftToStep(newStep('clip', 3, seen), seen)).toEqual({ step: { op: 'clip', column: 'age', lower: 0.01, upper: 0.99 }, errors: {} });
    expect(draftToStep(newStep('dedupe', 4, seen), seen).step).toEqual({ op: 'dedupe' });
    // Steps that need words from the user say which.
    expect(draftToStep(newStep('filter', 5, seen), seen).errors).toEqual({ where: 'write an SQL expression' });
    expect(draftToStep(newStep('drop', 6, seen), seen).errors).toEqual({ columns: 'name at least one column' });
  });

  it('follows the columns through the steps, so a later step cannot use what an earlier one removed', () => {
    const steps: StepDraft[] = [
      { id: 1, op: 'drop', columns: ['member'] },
      { id: 2, op: 'rename', from: 'age', to: 'years' },
      { id: 3, op: 'derive', name: 'monthly', expression: 'income / 12' },
      { id: 4, op: 'cast', column: 'years', type: 'double' },
      { id: 5, op: 'impute', column: 'member', method: 'mode', value: '' },
    ];
    const through = columnsThrough(steps, columns);
    expect(through.map((cols) => cols.map((c) => c.name).join(','))).toEqual([
      'city,age,income,member',
      'city,age,income',
      'city,years,income',
      'city,years,income,monthly',
      'city,years,income,monthly',
      'city,years,income,monthly',
    ]);
    expect(through[5]!.find((c) => c.name === 'years')!.type).toBe('DOUBLE');
    expect(through[5]!.find((c) => c.name === 'monthly')!.type).toBeNull();
    const checked = checkRecipe(steps, columns);
    expect(checked.recipe).toBeNull();
    expect(checked.errors).toEqual([{}, {}, {}, {}, { column: "no column 'member' at this step" }]);
  });

  it('types a constant fill by the column it fills, and asks for one', () => {
    const impute = (column: string, value: string) => draftToStep({ id: 1, op: 'impute', column, method: 'constant', value }, seen);
    expect(impute('income', '0').step).toEqual({ op: 'impute', column: 'income', method: 'constant', value: 0 });
    expect(impute('member', 'FALSE').step).toMatchObject({ value: false });
    expect(impute('city', '42').step).toMatchObject({ value: '42' });
    expect(impute('income', ' ').errors).toEqual({ value: 'give the value that fills the gaps' });
    // The mean of text is no number: said before the engine is asked.
    expect(draftToStep({ id: 1, op: 'impute', column: 'city', method: 'mean', value: '' }, seen).errors).toEqual({ method: "the mean needs a numeric column; 'city' is VARCHAR" });
  });

  it('refuses quantiles out of order or not numbers, names that clash, and more than one statement', () => {
    const clip = (lower: string, upper: string) => draftToStep({ id: 1, op: 'clip', column: 'income', lower, upper }, seen).errors;
    expect(clip('0.9', '0.1')).toEqual({ lower: 'the lower quantile must be below the upper' });
    expect(clip('abc', '1.5')).toEqual({ lower: 'a quantile between 0 and 1, e.g. 0.01', upper: 'a quantile between 0 and 1, e.g. 0.99' });
    expect(draftToStep({ id: 1, op: 'rename', from: 'age', to: 'city' }, seen).errors).toEqual({ to: "a column named 'city' already exists" });
    expect(draftToStep({ id: 1, op: 'derive', name: 'age', expression: 'age + 1' }, seen).errors).toEqual({ name: "a column named 'age' already exists" });
    expect(draftToStep({ id: 1, op: 'filter', where: '1=1; DROP TABLE x' }, seen).errors).toEqual({ where: 'one expression, without ";"' });
    expect(draftToStep({ id: 1, op: 'drop', columns: ['city', 'age', 'income', 'member'] }, seen).errors).toEqual({ columns: 'keep at least one column' });
  });

  it('turns every kind of step into a draft and back unchanged', () => {
    const steps: RecipeStep[] = [
      { op: 'drop', columns: ['member'] },
      { op: 'rename', from: 'age', to: 'years' },
      { op: 'filter', where: 'years >= 18' },
      { op: 'impute', column: 'income', method: 'constant', value: 0 },
      { op: 'cast', column: 'years', type: 'DOUBLE' },
      { op: 'clip', column: 'income', lower: 0.05, upper: 0.95 },
      { op: 'dedupe' },
      { op: 'derive', name: 'monthly', expression: 'income / 12' },
    ];
    const drafts = steps.map((s, i) => stepToDraft(s, i));
    expect(checkRecipe(drafts, columns)).toMatchObject({ recipe: { steps }, recipeError: null });
  });

  it('keeps label steps first, as the engine requires', () => {
    const label: RecipeStep = { op: 'label', column: 'city', values: [{ row: 0, value: 'north' }], by: 'ana' };
    expect(checkRecipe([stepToDraft(label, 1), { id: 2, op: 'dedupe' }], columns).recipe?.steps).toHaveLength(2);
    const wrong = checkRecipe([{ id: 2, op: 'dedupe' }, stepToDraft(label, 1)], columns);
    expect(wrong.recipe).toBeNull();
    expect(wrong.recipeError).toBe('label steps must come first: their row numbers refer to the parent version');
  });

  it('moves a step up or down, and leaves the list alone at its ends', () => {
    expect(moveStep(['a', 'b', 'c'], 2, -1)).toEqual(['a', 'c', 'b']);
    expect(moveStep(['a', 'b', 'c'], 0, 1)).toEqual(['b', 'a', 'c']);
    expect(moveStep(['a', 'b', 'c'], 0, -1)).toEqual(['a', 'b', 'c']);
    expect(moveStep(['a', 'b', 'c'], 2, 1)).toEqual(['a', 'b', 'c']);
  });
});

describe('recipe files', () => {
  it('loads a recipe, filling in defaults, and writes it back as JSON the CLI takes', () => {
    const loaded = parseRecipeJson('{"steps":[{"op":"clip","column":"income"}]}');
    expect(loaded).toEqual({ recipe: { steps: [{ op: 'clip', column: 'income', lower: 0.01, upper: 0.99 }] } });
    if (!('recipe' in loaded)) throw new Error('not loaded');
    expect(JSON.parse(recipeJson(loaded.recipe))).toEqual(loaded.recipe);
  });

  it('names the field that is wrong, and the step it belongs to', () => {
    expect(parseRecipeJson('{"steps": [')).toMatchObject({ error: expect.stringMatching(/^The file is not JSON: /) });
    expect(parseRecipeJson('[1]')).toEqual({ error: 'Not a recipe: the file: Invalid input: expected object, received array.' });
    expect(parseRecipeJson('{"steps":[{"op":"dedupe"},{"op":"filter","where":""}]}')).toEqual({ error: 'Not a recipe: steps[1].where (step 2): write an SQL expression.' });
    expect(parseRecipeJson('{"steps":[{"op":"trim"}]}')).toMatchObject({ error: expect.stringContaining("steps[0].op (step 1): Invalid discriminator value. Expected 'drop'") });
  });
});

describe('where a preview error belongs', () => {
  it('reads the step DuckDB refused, and the field the boundary refused', () => {
    expect(previewErrorPlace({ step: 3, op: 'filter' }, 3)).toEqual({ step: 2, field: 'where' });
    expect(previewErrorPlace({ step: 1, op: 'impute' }, 3)).toEqual({ step: 0, field: null });
    expect(previewErrorPlace({ method: 'data.preview', fields: [{ field: 'recipe.steps[1].expression', message: 'x' }] }, 2)).toEqual({ step: 1, field: 'expression' });
    expect(previewErrorPlace({ fields: [{ field: 'recipe.steps', message: 'label steps must come first' }] }, 2)).toEqual({ step: null, field: null });
    // A step number the recipe does not have (an older recipe's error) belongs to no step.
    expect(previewErrorPlace({ step: 5, op: 'filter' }, 3)).toEqual({ step: null, field: null });
    expect(previewErrorPlace(undefined, 3)).toEqual({ step: null, field: null });
  });
});
