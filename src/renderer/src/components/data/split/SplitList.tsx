import type { Split } from '../../../../../shared/data/split';
import { count } from '../../../lib/data-words';
import { dateTime } from '../../../lib/format';
import { setNames } from '../../../lib/label-split-ratios';
import { ProportionBar } from './ProportionBar';

const percent = (r: number) => `${Math.round(r * 1000) / 10}%`;

/** The earlier split with the same assignment file, if any: same seed and data gave the same rows. */
function twinOf(split: Split, splits: Split[]): Split | undefined {
  return splits.find((s) => s.id !== split.id && s.sha256 === split.sha256 && s.createdAt < split.createdAt);
}

/**
 * The version's saved splits, newest first: how each was made and how many rows each set got.
 * A run names a split by its id, so it can say exactly which rows it trained and tested on.
 */
export function SplitList({ splits, created }: { splits: Split[]; created: string | null }) {
  if (splits.length === 0) return <p className="muted" data-testid="split-none">No splits of this version yet.</p>;
  return (
    <ol className="ls-split-list" aria-label="Saved splits">
      {splits.map((split) => {
        const sets = setNames(split.ratios.length);
        const twin = twinOf(split, splits);
        const total = sets.reduce((n, set) => n + (split.counts[set] ?? 0), 0);
        return (
          <li key={split.id} className="card ls-split" data-testid="split-item" data-split-id={split.id} aria-current={split.id === created ? 'true' : undefined}>
            <div className="ls-split-head">
              <strong>{split.strategy.charAt(0).toUpperCase() + split.strategy.slice(1)}</strong>
              {split.column && <span className="badge">by {split.column}</span>}
              <span className="badge" data-testid="split-ratios">
                {split.ratios.map(percent).join(' / ')}
              </span>
              <span className="badge" data-testid="split-seed-badge">
                seed {split.seed}
              </span>
              {split.id === created && <span className="badge badge-planned">new</span>}
            </div>
            <ProportionBar parts={sets.map((set) => ({ name: set, value: split.counts[set] ?? 0 }))} unit="rows" label="Rows per set" testId="split-counts-bar" />
            <dl className="ls-split-counts" data-testid="split-counts">
              {sets.map((set) => (
                <div key={set} data-set={set}>
                  <dt>{set}</dt>
                  <dd data-testid={`split-count-${set}`}>{count(split.counts[set] ?? 0)}</dd>
                </div>
              ))}
              <div>
                <dt>rows</dt>
                <dd>{count(total)}</dd>
              </div>
            </dl>
            <p className="muted ls-split-meta">
              {split.dataset} · {split.createdBy}, {dateTime(split.createdAt)} · id <span className="mono">{split.id.slice(0, 8)}</span>
              {twin && (
                <span data-testid="split-twin">
                  {' '}
                  · same rows in each set as the split of {dateTime(twin.createdAt)} (id <span className="mono">{twin.id.slice(0, 8)}</span>)
                </span>
              )}
            </p>
          </li>
        );
      })}
    </ol>
  );
}
