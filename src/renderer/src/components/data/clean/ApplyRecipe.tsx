import { useState } from 'react';
import type { DatasetVersion } from '../../../../../shared/data/models';
import type { Recipe } from '../../../../../shared/data/recipe';
import { count } from '../../../lib/data-words';
import { etaInWords } from '../../../lib/format';
import { isActive } from '../../../lib/jobs';
import { useAppStore } from '../../../store';
import { Field } from '../../form/Field';
import { ProgressBar } from '../../ProgressBar';
import type { CleanEntry } from './clean-state';
import { cleanStore } from './useClean';

interface ApplyRecipeProps {
  version: DatasetVersion;
  /** The recipe to apply; null while a step is not valid. */
  recipe: Recipe | null;
  entry: CleanEntry;
}

/** Apply: the recipe on every row as a job that writes a new version; progress and Cancel in place. */
export function ApplyRecipe({ version, recipe, entry }: ApplyRecipeProps) {
  const [name, setName] = useState('');
  const job = useAppStore((s) => (entry.jobId ? s.jobs.find((j) => j.id === entry.jobId) : undefined));
  const cancelling = useAppStore((s) => (entry.jobId ? s.cancelling[entry.jobId] === true : false));
  const cancelJob = useAppStore((s) => s.cancelJob);
  const busy = entry.starting || entry.jobId !== null;
  // The engine already refused this very recipe on the sample: the job would fail the same way.
  const refused = recipe && entry.previewError?.key === JSON.stringify(recipe) ? entry.previewError : null;
  const why = !recipe ? 'Fix the steps marked in red first.' : refused ? `Fix ${refused.step !== null ? `step ${refused.step + 1}` : 'the recipe'} first: the preview could not run it.` : null;

  return (
    <section className="clean-apply" aria-labelledby="clean-apply-title">
      <div className="clean-section-head">
        <h3 id="clean-apply-title">Apply</h3>
        <span className="muted">
          runs the recipe on all {count(version.rows)} rows and writes a new version that records {version.datasetName}@{version.version} as its parent and the recipe;
          this version stays as it is
        </span>
      </div>
      <form
        className="clean-apply-form"
        onSubmit={(e) => {
          e.preventDefault();
          if (recipe && !busy && !why) void cleanStore.getState().apply(version.id, recipe, name);
        }}
      >
        <Field id="clean-apply-name" label="Write to dataset" hint={`Leave empty for the next version of ${version.datasetName}; another name starts a new dataset.`}>
          {(c) => <input {...c} data-testid="clean-apply-name" value={name} placeholder={version.datasetName} spellCheck={false} disabled={busy} onChange={(e) => setName(e.target.value)} />}
        </Field>
        <button type="submit" className="button primary" data-testid="clean-apply" disabled={why !== null || busy} aria-describedby={why ? 'clean-apply-why' : undefined}>
          {entry.starting ? 'Starting…' : `Apply ${recipe ? recipe.steps.length : ''} ${recipe?.steps.length === 1 ? 'step' : 'steps'}`}
        </button>
      </form>
      {why && (
        <p className="muted" id="clean-apply-why" data-testid="clean-apply-why">
          {why}
        </p>
      )}
      {job && isActive(job.status) && (
        <div className="clean-job" data-testid="clean-progress" data-job-id={job.id}>
          <div className="progress-row">
            <ProgressBar fraction={job.progress} label="Cleaning progress" tone={job.status} />
            <button type="button" className="button small danger" data-testid="clean-cancel" disabled={cancelling} onClick={() => void cancelJob(job.id)}>
              {cancelling ? 'Cancelling…' : 'Cancel'}
            </button>
          </div>
          <p className="muted">{[job.status === 'queued' ? 'waiting to start' : job.phase, etaInWords(job.etaMs)].filter(Boolean).join(' · ') || 'starting…'}</p>
        </div>
      )}
      {entry.applyError && (
        <p className="form-error" role="alert" data-testid="clean-apply-error">
          {entry.applyError}
        </p>
      )}
    </section>
  );
}
