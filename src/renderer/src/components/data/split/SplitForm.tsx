import { useState, type FormEvent } from 'react';
import type { Job } from '../../../../../shared/contract/models';
import type { DatasetVersion } from '../../../../../shared/data/models';
import type { Split, SplitStrategy } from '../../../../../shared/data/split';
import { STATUS_EXPLANATIONS } from '../../../lib/format';
import { checkRatios, refusal, type RatioText } from '../../../lib/label-split-ratios';
import { useAppStore } from '../../../store';
import { JobProgress } from '../label/JobProgress';
import { useRemembered } from '../label/useRemembered';
import { useWatchedJob } from '../label/useWatchedJob';
import { ColumnChoice, effectiveColumn } from './ColumnChoice';
import { RatioFields } from './RatioFields';
import { StrategyChoice } from './StrategyChoice';

interface SplitDraft {
  strategy: SplitStrategy;
  ratios: RatioText;
  seed: string;
  /** As chosen; '' means the default (the target, or the first sensible column). */
  column: string;
}

const INITIAL: SplitDraft = { strategy: 'random', ratios: { train: '0.7', validation: '0.15', test: '0.15' }, seed: '42', column: '' };
const MAX_SEED = 2 ** 31 - 1;

/** The split dialog: strategy, its column, the three shares, the seed; "Create split" runs the job. */
export function SplitForm({ version, onCreated }: { version: DatasetVersion; onCreated(split: Split): void }) {
  const client = useAppStore((s) => s.client);
  const [draft, setDraft] = useRemembered<SplitDraft>(`split:${version.id}:form`, INITIAL);
  const [problem, setProblem] = useState<{ field: string | null; message: string } | null>(null);
  const [starting, setStarting] = useState(false);
  const { job, watch } = useWatchedJob(`split:${version.id}`, (ended: Job) => {
    if (ended.status === 'succeeded') onCreated(ended.result as Split);
    else setProblem({ field: null, message: `The split was not made. ${ended.error?.message ?? STATUS_EXPLANATIONS[ended.status] ?? ''}`.trim() });
  });
  const id = `split-${version.id}`;
  const check = checkRatios(draft.ratios);
  const seed = Number(draft.seed);
  const seedError = /^\d+$/.test(draft.seed.trim()) && seed <= MAX_SEED ? undefined : `A whole number from 0 to ${MAX_SEED.toLocaleString('en-US')}.`;
  const column = effectiveColumn(version, draft.strategy, draft.column);
  const change = (patch: Partial<SplitDraft>) => {
    setDraft((d) => ({ ...d, ...patch }));
    setProblem(null);
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!client || !check.ratios || seedError) return;
    setStarting(true);
    setProblem(null);
    try {
      const args = { ref: version.id, strategy: draft.strategy, ratios: check.ratios, seed, ...(draft.strategy !== 'random' && column ? { column } : {}) };
      watch(await client.call('data.split', args));
    } catch (e) {
      setProblem(refusal(e));
    } finally {
      setStarting(false);
    }
  };

  return (
    <form className="card ls-split-form" onSubmit={(e) => void submit(e)} aria-labelledby={`${id}-title`} noValidate data-testid="split-form">
      <h3 id={`${id}-title`}>New split of {version.datasetName}@{version.version}</h3>
      <div className="ls-split-grid">
        <div className="ls-split-col">
          <StrategyChoice name={`${id}-strategy`} value={draft.strategy} onChange={(strategy) => change({ strategy, column: '' })} />
          {draft.strategy !== 'random' && (
            <ColumnChoice id={`${id}-column`} version={version} strategy={draft.strategy} value={column} onChange={(c) => change({ column: c })} error={problem?.field === 'column' ? problem.message : undefined} />
          )}
        </div>
        <div className="ls-split-col">
          <RatioFields id={`${id}-ratios`} value={draft.ratios} check={check} rows={version.rows} onChange={(ratios) => change({ ratios })} />
          <div className="field ls-seed">
            <label htmlFor={`${id}-seed`}>Seed</label>
            <input id={`${id}-seed`} data-testid="split-seed" inputMode="numeric" value={draft.seed} aria-invalid={seedError ? true : undefined} aria-describedby={`${id}-seed-hint`} onChange={(e) => change({ seed: e.target.value })} />
            <p className={seedError ? 'field-error' : 'hint'} id={`${id}-seed-hint`}>
              {seedError ?? (draft.strategy === 'time' ? 'Not used by a time split: the time column sets the order.' : 'The same seed and data give the same split.')}
            </p>
          </div>
        </div>
      </div>
      {problem && (
        // A refusal about the column stands under that field; screen readers hear it from here.
        <p className={problem.field === 'column' ? 'visually-hidden' : 'form-error'} role="alert" data-testid="split-error">
          {problem.message}
        </p>
      )}
      {job ? (
        <JobProgress job={job} label="Split progress" testId="split-progress" />
      ) : (
        <div className="ls-form-actions">
          <button type="submit" className="button primary" data-testid="split-create" disabled={!check.ratios || Boolean(seedError) || starting}>
            {starting ? 'Starting…' : 'Create split'}
          </button>
        </div>
      )}
    </form>
  );
}
