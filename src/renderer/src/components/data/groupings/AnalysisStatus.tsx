import type { DatasetVersion } from '../../../../../shared/data/models';
import { count } from '../../../lib/data-words';
import { durationInWords, etaInWords } from '../../../lib/format';
import { isActive } from '../../../lib/jobs';
import { useAppStore } from '../../../store';
import { ProgressBar } from '../../ProgressBar';
import type { AnalysisHandle } from './useAnalysis';

const ABOUT =
  'The analysis looks for structure with or without a target: a 2-D PCA projection, k-means clusters with an elbow view, ' +
  'an isolation-forest anomaly score for each row and Spearman rank correlations. It runs on a seeded sample of up to ' +
  '20,000 rows of the numeric columns (standardised), usually in a few seconds, at most a minute or two for wide data. ' +
  'You can keep working meanwhile.';

/** What the analysis is, the way to start it, its progress with Cancel, and what the one shown was computed on. */
export function AnalysisStatus({ version, handle, features }: { version: DatasetVersion; handle: AnalysisHandle; features: string[] }) {
  const { analysis, job, asking, error, note, run } = handle;
  const cancelJob = useAppStore((s) => s.cancelJob);
  const cancelling = useAppStore((s) => (job ? s.cancelling[job.id] === true : false));
  const running = job && isActive(job.status);
  const k = (job?.params as { k?: number } | null)?.k;

  return (
    <section className="card groupings-status" aria-labelledby="groupings-title" data-testid="groupings-status" aria-busy={running || asking}>
      <h2 id="groupings-title">{running ? `Analysing ${version.datasetName}@${version.version}${k ? ` with k = ${k}` : ''}…` : 'Groupings and anomalies'}</h2>
      {analysis ? (
        <p data-testid="groupings-sample">
          Computed on {analysis.sampleRows >= version.rows ? `all ${count(version.rows)} rows` : `a seeded sample of ${count(analysis.sampleRows)} of ${count(version.rows)} rows`} and{' '}
          {analysis.features.length} numeric {analysis.features.length === 1 ? 'column' : 'columns'} ({analysis.features.join(', ')}), standardised
          {version.target ? `; the target ${version.target} is left out of the computation` : ''}. Took {durationInWords(Math.round(analysis.seconds * 1000))}.
        </p>
      ) : (
        <p className="muted">{ABOUT}</p>
      )}
      {note && <p data-testid="groupings-note">{note}</p>}
      {features.length === 0 && (
        <p className="form-error" role="note">
          This version has no numeric columns besides the target, so there is nothing to project, cluster or score. Treat a column as numeric in the Schema tab.
        </p>
      )}
      {error && (
        <p className="form-error" role="alert" data-testid="groupings-error">
          {error}
        </p>
      )}
      {running ? (
        <div className="import-progress" data-testid="groupings-progress">
          <div className="progress-row">
            <ProgressBar fraction={job.progress} label="Analysis progress" tone={job.status} />
            <button type="button" className="button small danger" data-testid="groupings-cancel" disabled={cancelling} onClick={() => void cancelJob(job.id)}>
              {cancelling ? 'Cancelling…' : 'Cancel'}
            </button>
          </div>
          <p className="muted">{[job.phase, etaInWords(job.etaMs) ?? 'estimating time left…'].filter(Boolean).join(' · ')}</p>
        </div>
      ) : (
        !analysis && (
          <button type="button" className="button primary" data-testid="groupings-run" disabled={asking || features.length === 0} onClick={() => run(0)}>
            {asking ? 'Starting…' : error ? 'Try again' : 'Run analysis'}
          </button>
        )
      )}
    </section>
  );
}
