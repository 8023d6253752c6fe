import { useMemo } from 'react';
import type { DatasetVersion } from '../../../../../shared/data/models';
import type { Recipe } from '../../../../../shared/data/recipe';
import { checkRecipe } from '../../../lib/clean-recipe';
import { STEP_WORDS, stepToDraft, type StepDraft } from '../../../lib/clean-steps';
import { count } from '../../../lib/data-words';
import '../../../styles/clean.css';
import { ApplyRecipe } from './ApplyRecipe';
import { nextStepId, PREVIEW_SAMPLE } from './clean-state';
import { CleanPreview } from './CleanPreview';
import { RecipeEditor } from './RecipeEditor';
import { RecipeFiles } from './RecipeFiles';
import { CastTypeList } from './StepFields';
import { cleanStore, useCleanEntry, useCleanStore, usePreviewOnEdit } from './useClean';

/** What a recipe is, for a version that has none yet. */
function CleanEmpty({ version }: { version: DatasetVersion }) {
  return (
    <div className="clean-empty" data-testid="clean-empty">
      <p>
        <strong>A recipe is an ordered list of cleaning steps</strong> — drop or rename columns, filter rows, fill missing values, change types, clip extreme values,
        remove duplicates, derive new columns. Each step works on what the step before it left.
      </p>
      <ul className="muted">
        <li>As you edit, the recipe runs on a sample of {count(Math.min(PREVIEW_SAMPLE, version.rows))} rows and the result shows below it.</li>
        <li>
          <strong>Apply</strong> runs it on all {count(version.rows)} rows and writes a new version that remembers its parent ({version.datasetName}@{version.version}) and
          the recipe; this version stays as it is.
        </li>
        <li>
          The recipe is one SQL query you can copy, and a JSON file you can export, load again, or run with <code>mlcycle data clean {version.datasetName} --recipe file.json</code>.
        </li>
      </ul>
    </div>
  );
}

/** For a version a recipe wrote: where it came from and which steps made it. */
function RecipeOrigin({ version }: { version: DatasetVersion }) {
  const recipe = version.recipe as Recipe | null;
  const parent = (version.source as { parent?: unknown } | null)?.parent;
  if (!version.parentId || !recipe?.steps?.length) return null;
  return (
    <p className="clean-origin muted" data-testid="clean-origin">
      This version was written from {typeof parent === 'string' ? parent : 'its parent'} by a recipe of {recipe.steps.length} {recipe.steps.length === 1 ? 'step' : 'steps'}:{' '}
      {recipe.steps.map((s) => STEP_WORDS[s.op]?.title ?? s.op).join(', ')}.
    </p>
  );
}

/**
 * The Clean tab: a recipe of ordered steps for this version, previewed live on a sample with the SQL
 * it runs, exported or loaded as JSON, and applied as a job that writes a new version.
 */
export function CleanPanel({ version }: { version: DatasetVersion }) {
  const entry = useCleanEntry(version.id);
  const outcome = useCleanStore((s) => (s.outcome?.versionId === version.id ? s.outcome : null));
  const checked = useMemo(() => checkRecipe(entry.steps, version.columns), [entry.steps, version.columns]);
  const recipe = entry.steps.length > 0 ? checked.recipe : null;
  const key = recipe ? JSON.stringify(recipe) : null;
  usePreviewOnEdit(version.id, recipe, key, entry);
  const setSteps = (steps: StepDraft[]) => cleanStore.getState().setSteps(version.id, steps);

  return (
    <div className="clean-panel" data-testid="clean-panel">
      <CastTypeList />
      {outcome && (
        <div className="import-outcome clean-outcome" role="status" data-testid="clean-outcome">
          <span aria-hidden="true">✓</span>
          <span>{outcome.text}</span>
          <button type="button" className="icon-button" aria-label="Dismiss" onClick={() => cleanStore.getState().dismissOutcome()}>
            ×
          </button>
        </div>
      )}
      <RecipeOrigin version={version} />
      <section className="clean-recipe" aria-labelledby="clean-recipe-title">
        <div className="clean-section-head">
          <h3 id="clean-recipe-title">Recipe</h3>
          <span className="muted">
            {entry.steps.length === 0 ? 'no steps yet' : `${entry.steps.length} ${entry.steps.length === 1 ? 'step' : 'steps'}, run top to bottom`}
          </span>
          <RecipeFiles version={version} recipe={recipe} onLoad={(loaded) => setSteps(loaded.steps.map((s) => stepToDraft(s, nextStepId())))} />
        </div>
        {entry.steps.length === 0 && <CleanEmpty version={version} />}
        <RecipeEditor steps={entry.steps} checked={checked} previewError={entry.previewError} onSteps={setSteps} />
      </section>
      {entry.steps.length > 0 && <ApplyRecipe version={version} recipe={recipe} entry={entry} />}
      {entry.steps.length > 0 && <CleanPreview version={version} entry={entry} currentKey={key} />}
    </div>
  );
}
