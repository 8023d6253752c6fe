import { useEffect, useRef, useState } from 'react';
import type { DatasetVersion } from '../../../../../shared/data/models';
import type { Split } from '../../../../../shared/data/split';
import { count } from '../../../lib/data-words';
import { SplitForm } from './SplitForm';
import { SplitList } from './SplitList';
import { useSplits } from './useSplits';
import '../../../styles/label-split.css';

/**
 * Splits of a version into train, validation and test. Each is saved with the version it names,
 * its strategy, shares and seed, and the row → set assignment, so a later run can say exactly
 * which rows it saw; the same seed and data give the same split.
 */
export function SplitPanel({ version }: { version: DatasetVersion }) {
  const { splits, error, reload } = useSplits(version.id);
  const [created, setCreated] = useState<Split | null>(null);
  const section = useRef<HTMLElement>(null);

  // A new split lands below the form: bring it into view once the list holds it.
  useEffect(() => {
    if (!created || !splits?.some((s) => s.id === created.id)) return;
    section.current?.querySelector(`[data-split-id="${created.id}"]`)?.scrollIntoView({ block: 'nearest' });
  }, [created, splits]);

  return (
    <div className="ls-panel ls-split-panel" data-testid="split-panel">
      <SplitForm
        version={version}
        onCreated={(split) => {
          setCreated(split);
          reload();
        }}
      />
      <section className="ls-splits" ref={section} aria-labelledby={`splits-${version.id}`}>
        <h3 id={`splits-${version.id}`}>Splits of {version.datasetName}@{version.version}</h3>
        {created && (
          <p className="ls-outcome" role="status" data-testid="split-outcome">
            <span aria-hidden="true">✓</span>
            <span>
              Saved “{created.name}”: {Object.entries(created.counts).map(([set, n]) => `${set} ${count(n)}`).join(', ')} rows.
            </span>
          </p>
        )}
        {error && (
          <p className="form-error" role="alert">
            Could not list the splits: {error}
          </p>
        )}
        {splits ? <SplitList splits={splits} created={created?.id ?? null} /> : !error && <p className="muted">Loading the splits…</p>}
      </section>
    </div>
  );
}
