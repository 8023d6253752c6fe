import type { ReactNode } from 'react';
import type { Objective } from '../../../../shared/governance/objective';
import { MODEL_LABELS, type Run } from '../../../../shared/train/models';
import { count } from '../../lib/data-words';
import { latencyText, latencyVerdict, secondsText, sizeText, sizeVerdict, type Verdict } from '../../lib/train-words';
import { useSplits } from '../data/split/useSplits';

function VerdictText({ verdict }: { verdict: Verdict | null }) {
  if (!verdict) return null;
  return (
    <span className={verdict.ok ? 'train-ok' : 'train-over'} data-testid="train-verdict">
      {' '}
      <span aria-hidden="true">{verdict.ok ? '✓' : '✗'}</span> {verdict.text}
    </span>
  );
}

const TASK_WORDS: Record<Run['task'], string> = { binary: 'binary classification', multiclass: 'multiclass classification', regression: 'regression' };

/** What a run is: model, data and split, seed, backend, rows per set, and what it costs (size, latency) against the objective. */
export function RunFacts({ run, constraints }: { run: Run; constraints: Objective['constraints'] | undefined }) {
  const { splits } = useSplits(run.versionId);
  const split = splits?.find((s) => s.id === run.splitId);
  const facts: [string, ReactNode | null][] = [
    ['Model', `${MODEL_LABELS[run.model]} · ${TASK_WORDS[run.task]}`],
    ['Data', <span key="d" className="mono">{run.dataset}</span>],
    ['Target', <span key="t" className="mono">{run.target}</span>],
    ['Split', split ? split.name : run.splitId ? `id ${run.splitId.slice(0, 8)}` : run.status === 'running' ? 'a new 80/20 split, saved when the run ends' : null],
    ['Seed', String(run.seed)],
    ['Backend', run.backend],
    ['Rows', Object.keys(run.rows).length ? Object.entries(run.rows).map(([set, n]) => `${set} ${count(n)}`).join(' · ') : null],
    ['Duration', run.durationSeconds === null ? null : secondsText(run.durationSeconds)],
    [
      'Model size',
      run.modelBytes === null ? null : (
        <>
          {sizeText(run.modelBytes)}
          <VerdictText verdict={sizeVerdict(run.modelBytes, constraints)} />
        </>
      ),
    ],
    [
      'Latency',
      run.latencyMsPerRow === null ? null : (
        <>
          {latencyText(run.latencyMsPerRow)} per row
          <VerdictText verdict={latencyVerdict(run.latencyMsPerRow, constraints)} />
        </>
      ),
    ],
  ];
  return (
    <dl className="train-facts" data-testid="train-facts">
      {/* What a run only knows once it succeeded is left out, rather than shown as a row of dashes. */}
      {facts.map(([term, value]) => value !== null && (
        <div key={term} data-fact={term}>
          <dt>{term}</dt>
          <dd>{value}</dd>
        </div>
      ))}
      <div className="train-features">
        <dt>Features ({run.features.length})</dt>
        <dd className="mono">{run.features.join(', ')}</dd>
      </div>
    </dl>
  );
}
