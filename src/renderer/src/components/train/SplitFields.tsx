import type { Split } from '../../../../shared/data/split';
import { count } from '../../lib/data-words';
import { Field } from '../form/Field';
import type { RunDraft } from './train-store';

const MAX_SEED = 2 ** 31 - 1;

/** Why the seed cannot be sent, or null. */
export function seedProblem(text: string): string | null {
  return /^\d+$/.test(text.trim()) && Number(text) <= MAX_SEED ? null : `A whole number from 0 to ${MAX_SEED.toLocaleString('en-US')}.`;
}

/** Why the number of folds cannot be sent, or null ('' means no cross-validation). */
export function foldsProblem(text: string): string | null {
  const t = text.trim();
  return t === '' || (/^\d+$/.test(t) && Number(t) >= 2 && Number(t) <= 20) ? null : 'A whole number from 2 to 20, or empty for none.';
}

const setsText = (split: Split) =>
  Object.entries(split.counts)
    .map(([set, n]) => `${set} ${count(n)}`)
    .join(' / ');

interface SplitFieldsProps {
  splits: Split[] | null;
  draft: RunDraft;
  disabled: boolean;
  onChange(change: Partial<RunDraft>): void;
}

/**
 * Which rows train and which test: a split saved for this version, or a new one made with the seed
 * (80/20 for one run; 70/15/15 for a search or auto, which rank their trials on the validation rows).
 */
export function SplitFields({ splits, draft, disabled, onChange }: SplitFieldsProps) {
  const seedError = seedProblem(draft.seed) ?? undefined;
  const single = draft.mode === 'single';
  const seed = seedError ? 'N' : draft.seed.trim();
  const chosen = splits?.find((s) => s.id === draft.split);
  return (
    <>
      <Field
        id="train-split"
        label="Split"
        hint={
          chosen
            ? `${chosen.strategy}, ${setsText(chosen)} rows.${!single && !chosen.counts.validation ? ' A search needs a validation set: choose a split with three shares.' : ''}`
            : `Stratified by class for a classifier; made once per seed, then reused by runs with the same seed.${single ? '' : ' Trials are ranked on the validation rows.'}`
        }
      >
        {(c) => (
          <select {...c} data-testid="train-split" value={draft.split} disabled={disabled} onChange={(e) => onChange({ split: e.target.value })}>
            <option value="">
              New {single ? '80/20' : '70/15/15'} with seed {seed}
            </option>
            {(splits ?? []).map((s) => (
              <option key={s.id} value={s.id}>
                {s.name} ({s.ratios.map((r) => Math.round(r * 100)).join('/')})
              </option>
            ))}
          </select>
        )}
      </Field>
      <div className="train-pair">
        <Field id="train-seed" label="Seed" hint={single ? 'Same seed and data, same run.' : 'Same seed and data, same trials.'} error={seedError}>
          {(c) => <input {...c} data-testid="train-seed" inputMode="numeric" value={draft.seed} disabled={disabled} onChange={(e) => onChange({ seed: e.target.value })} />}
        </Field>
        {/* Searches rank on a validation set rather than cross-validating each trial. */}
        {single && (
          <Field id="train-cv" label="CV folds" hint="Optional: cross-validate on k folds of the training rows first." error={foldsProblem(draft.cv) ?? undefined}>
            {(c) => <input {...c} data-testid="train-cv" inputMode="numeric" placeholder="none" value={draft.cv} disabled={disabled} onChange={(e) => onChange({ cv: e.target.value })} />}
          </Field>
        )}
      </div>
    </>
  );
}
