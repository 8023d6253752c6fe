import { useEffect, useState, type FormEvent } from 'react';
import { refusal } from '../../lib/label-split-ratios';
import { readParams } from '../../lib/train-params';
import { useAppStore } from '../../store';
import { useSplits } from '../data/split/useSplits';
import { Field } from '../form/Field';
import { DataFields } from './DataFields';
import { ExcludeColumns } from './ExcludeColumns';
import { ModelFields } from './ModelFields';
import { foldsProblem, seedProblem, SplitFields } from './SplitFields';
import { trainActions, useTrainStore } from './train-store';
import { useTrainJobsKey } from './useRuns';
import { useVersions } from './useVersions';

/** The New run form: data, model and settings, split, columns left out, name; Start runs it as a job. */
export function RunForm() {
  const client = useAppStore((s) => s.client);
  const datasets = useAppStore((s) => s.datasets);
  const viewed = useAppStore((s) => s.selectedVersion?.datasetName ?? null);
  const applyJobUpdate = useAppStore((s) => s.applyJobUpdate);
  const draft = useTrainStore((s) => s.draft);
  const folded = useTrainStore((s) => s.formFolded);
  const [starting, setStarting] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
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
  const { params, problems } = readParams(draft.model, draft.params);
  const why = !version ? 'Loading the dataset…' : !target ? 'Choose a target first.' : Object.keys(problems).length ? 'Fix the settings marked in red first.' : seedProblem(draft.seed) || foldsProblem(draft.cv) ? 'Fix the fields marked in red first.' : null;

  const change = (patch: Partial<typeof draft>) => {
    trainActions.editDraft(patch);
    setProblem(null);
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!client || !version || why || starting) return;
    setStarting(true);
    setProblem(null);
    try {
      const { run, job } = await client.call('train.start', {
        dataset: version.id,
        ...(draft.target ? { target: draft.target } : {}),
        model: draft.model,
        params,
        ...(draft.split ? { split: draft.split } : {}),
        seed: Number(draft.seed),
        ...(draft.cv.trim() ? { cv: Number(draft.cv) } : {}),
        exclude: draft.exclude.filter((c) => c !== target),
        ...(draft.name.trim() ? { name: draft.name.trim() } : {}),
      });
      applyJobUpdate(job);
      trainActions.open({ kind: 'run', id: run.id });
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
        <button type="button" className="button small ghost" aria-expanded={!folded} aria-controls="train-form-body" data-testid="train-form-fold" onClick={() => trainActions.foldForm(!folded)}>
          {folded ? 'Show the form' : 'Hide the form'}
        </button>
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
          <ModelFields draft={draft} disabled={starting} onChange={change} />
        </div>
        <div className="train-form-col">
          {version && <ExcludeColumns columns={version.columns} target={target} exclude={draft.exclude} disabled={starting} onChange={(exclude) => change({ exclude })} />}
          <Field id="train-name" label="Name (optional)" hint={`Default: “${draft.model} on ${version ? `${version.datasetName}@${version.version}` : dataset}”.`}>
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
          {starting ? 'Starting…' : 'Start training'}
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
