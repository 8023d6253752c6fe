import { useEffect, useState, type FormEvent } from 'react';
import { refusal } from '../../lib/label-split-ratios';
import { buildRequest } from '../../lib/train-request';
import { useAppStore } from '../../store';
import { useSplits } from '../data/split/useSplits';
import { Field } from '../form/Field';
import { DataFields } from './DataFields';
import { AutoFields } from './AutoFields';
import { ExcludeColumns } from './ExcludeColumns';
import { ModelFields } from './ModelFields';
import { RunModeChoice } from './RunModeChoice';
import { foldsProblem, seedProblem, SplitFields } from './SplitFields';
import { trainActions, useTrainStore, type RunMode } from './train-store';
import { useLearners } from './useLearners';
import { useTrainJobsKey } from './useRuns';
import { useVersions } from './useVersions';

/** The name the engine gives a run left unnamed (search.ts and the train handler word them so). */
function defaultName(mode: RunMode, strategy: string, model: string, data: string, target: string): string {
  if (mode === 'auto') return `auto: ${data} → ${target}`;
  return mode === 'search' ? `${strategy} search: ${model} on ${data}` : `${model} on ${data}`;
}

const START_WORDS: Record<RunMode, [idle: string, busy: string]> = { single: ['Start training', 'Starting…'], search: ['Start search', 'Starting the search…'], auto: ['Start auto', 'Starting auto…'] };

/**
 * The New run form: what to run (one run, a search, auto), data, model and settings (or the search
 * space, or auto's budget and learners), split, columns left out, name; Start runs it as jobs.
 */
export function RunForm() {
  const client = useAppStore((s) => s.client);
  const datasets = useAppStore((s) => s.datasets);
  const viewed = useAppStore((s) => s.selectedVersion?.datasetName ?? null);
  const applyJobUpdate = useAppStore((s) => s.applyJobUpdate);
  const draft = useTrainStore((s) => s.draft);
  const folded = useTrainStore((s) => s.formFolded);
  const [starting, setStarting] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const { learners, error: learnersError, retry: retryLearners } = useLearners();
  // The dataset chosen here, else the one open in Data, else the first.
  const dataset = [draft.dataset, viewed].find((n) => n && datasets.some((d) => d.name === n)) ?? datasets[0]?.name ?? '';
  const { versions, error: versionsError } = useVersions(dataset || null);
  const version = versions?.find((v) => v.id === draft.versionId) ?? versions?.[0] ?? null;
  const { splits, reload: reloadSplits } = useSplits(version?.id ?? '');
  // A run without a named split saves the one it made when it ends: offer it from then on.
  const trainJobs = useTrainJobsKey();
  useEffect(() => {
    reloadSplits();
  }, [trainJobs, reloadSplits]);
  const target = draft.target || version?.target || '';
  const built = version && learners ? buildRequest({ ...draft, dims: draft.dims[draft.model] ?? {} }, learners, version.id, target) : null;
  const why = !version
    ? 'Loading the dataset…'
    : !learners
      ? 'Loading the learners…'
      : !target
        ? 'Choose a target first.'
        : seedProblem(draft.seed) || (draft.mode === 'single' && foldsProblem(draft.cv))
          ? 'Fix the fields marked in red first.'
          : built && 'why' in built
            ? built.why
            : null;

  const change = (patch: Partial<typeof draft>) => {
    trainActions.editDraft(patch);
    setProblem(null);
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!client || !built || !('request' in built) || why || starting) return;
    setStarting(true);
    setProblem(null);
    try {
      const { request } = built;
      let runId: string;
      if (request.method === 'train.start') {
        const { run, job } = await client.call('train.start', request.args);
        applyJobUpdate(job);
        runId = run.id;
      } else {
        // A search or auto run is a parent: its trials are jobs of their own, reported as they start.
        runId = (request.method === 'train.search' ? await client.call('train.search', request.args) : await client.call('train.auto', request.args)).run.id;
      }
      trainActions.open({ kind: 'run', id: runId });
      trainActions.reloadRuns();
      trainActions.editDraft({ name: '' });
    } catch (e) {
      setProblem(refusal(e).message);
    } finally {
      setStarting(false);
    }
  };

  return (
    <form className="card train-form" onSubmit={(e) => void submit(e)} aria-labelledby="train-form-title" noValidate data-testid="train-form">
      <div className="train-form-head">
        <h2 id="train-form-title">New run</h2>
        <button type="button" className="button small ghost" aria-expanded={!folded} aria-controls="train-form-modes train-form-body" data-testid="train-form-fold" onClick={() => trainActions.foldForm(!folded)}>
          {folded ? 'Show the form' : 'Hide the form'}
        </button>
      </div>
      <div id="train-form-modes" hidden={folded}>
        <RunModeChoice mode={draft.mode} disabled={starting} onChange={(mode) => change({ mode })} />
      </div>
      <div className="train-form-grid" id="train-form-body" hidden={folded}>
        <div className="train-form-col">
          <DataFields datasets={datasets} dataset={dataset} versions={versions} version={version} draft={draft} disabled={starting} onChange={change} />
          {versionsError && (
            <p className="form-error" role="alert">
              Could not open {dataset}: {versionsError}
            </p>
          )}
          <SplitFields splits={splits} draft={draft} disabled={starting} onChange={change} />
        </div>
        <div className="train-form-col">
          {learnersError ? (
            <div className="form-error" role="alert">
              <p>Could not ask the engine for its learners: {learnersError}</p>
              <button type="button" className="button small" onClick={retryLearners}>
                Try again
              </button>
            </div>
          ) : !learners ? (
            <p className="muted" role="status">
              <span className="spinner" aria-hidden="true" /> Loading the learners…
            </p>
          ) : draft.mode === 'auto' ? (
            <AutoFields learners={learners} draft={draft} disabled={starting} onChange={change} />
          ) : (
            <ModelFields learners={learners} draft={draft} disabled={starting} onChange={change} />
          )}
        </div>
        <div className="train-form-col">
          {version && <ExcludeColumns columns={version.columns} target={target} exclude={draft.exclude} disabled={starting} onChange={(exclude) => change({ exclude })} />}
          <Field id="train-name" label="Name (optional)" hint={`Default: “${defaultName(draft.mode, draft.strategy, draft.model, version ? `${version.datasetName}@${version.version}` : dataset, target)}”.`}>
            {(c) => <input {...c} data-testid="train-name" value={draft.name} maxLength={200} disabled={starting} onChange={(e) => change({ name: e.target.value })} />}
          </Field>
        </div>
      </div>
      {problem && !folded && (
        <p className="form-error" role="alert" data-testid="train-error">
          Not started: {problem}
        </p>
      )}
      <div className="train-actions" hidden={folded}>
        <button type="submit" className="button primary" data-testid="train-start" disabled={Boolean(why) || starting} aria-describedby={why ? 'train-start-why' : undefined}>
          {START_WORDS[draft.mode][starting ? 1 : 0]}
        </button>
        {why && (
          <span className="muted" id="train-start-why">
            {why}
          </span>
        )}
      </div>
    </form>
  );
}
