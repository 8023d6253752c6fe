import type { LearnerInfo } from '../../../../shared/train/learners';
import { defaultText } from '../../lib/train-params';
import { defaultDim, readSearch, trialsProblem } from '../../lib/train-search';
import { Field } from '../form/Field';
import { FieldError } from '../form/FieldError';
import { SearchDimRow } from './SearchDimRow';
import type { RunDraft } from './train-store';

const STRATEGIES = [
  { value: 'random', title: 'Random', hint: 'every trial on all training rows' },
  { value: 'halving', title: 'Successive halving', hint: 'all trials on a few rows, the best third on three times as many, round after round' },
] as const;

/** A search's settings: how it searches, how many trials, and for each parameter what to try (pre-filled from the engine's default space). */
export function SearchFields({ learner, draft, disabled, onChange }: { learner: LearnerInfo; draft: RunDraft; disabled: boolean; onChange(change: Partial<RunDraft>): void }) {
  const dims = draft.dims[learner.kind] ?? {};
  const { problems } = readSearch(learner.parameters, learner.searchSpace, dims, draft.params);
  return (
    <>
      <fieldset className="search-strategy">
        <legend>Search</legend>
        {STRATEGIES.map((s) => (
          <label key={s.value} className="checkbox-row">
            <input type="radio" name="train-strategy" value={s.value} data-testid={`train-strategy-${s.value}`} checked={draft.strategy === s.value} disabled={disabled} onChange={() => onChange({ strategy: s.value })} />
            <span>
              <strong>{s.title}</strong> <span className="muted">— {s.hint}</span>
            </span>
          </label>
        ))}
      </fieldset>
      <Field id="train-trials" label="Trials" hint="Parameter settings to try; trials train in parallel, one per core. Ranked on the validation rows." error={trialsProblem(draft.trials) ?? undefined}>
        {(c) => <input {...c} data-testid="train-trials" inputMode="numeric" value={draft.trials} disabled={disabled} onChange={(e) => onChange({ trials: e.target.value })} />}
      </Field>
      <fieldset className="train-params" data-testid="train-search-space">
        <legend>Search space</legend>
        {learner.parameters.map((spec) => {
          const dim = dims[spec.name] ?? defaultDim(spec, learner.searchSpace[spec.name]);
          return (
            <SearchDimRow
              key={spec.name}
              spec={spec}
              dim={dim}
              fixedText={draft.params[spec.name] ?? defaultText(spec)}
              problem={dim.searched ? (problems[spec.name] ?? null) : null}
              disabled={disabled}
              onDim={(next) => onChange({ dims: { ...draft.dims, [learner.kind]: { ...dims, [spec.name]: next } } })}
              onFixed={(text) => onChange({ params: { ...draft.params, [spec.name]: text } })}
            />
          );
        })}
        {problems._space && <FieldError id="train-search-space-error" message={problems._space} />}
      </fieldset>
    </>
  );
}
