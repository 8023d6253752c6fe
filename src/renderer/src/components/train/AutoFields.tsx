import type { LearnerInfo } from '../../../../shared/train/learners';
import type { ModelKind, TrainTask } from '../../../../shared/train/models';
import { autoModels, budgetSeconds } from '../../lib/train-search';
import { Field } from '../form/Field';
import { FieldError } from '../form/FieldError';
import type { RunDraft } from './train-store';

const TASK_WORDS: Record<TrainTask, string> = { binary: 'two classes', multiclass: 'several classes', regression: 'numbers' };
const fits = (l: LearnerInfo) => `for ${[...new Set(l.tasks.map((t) => (t === 'regression' ? TASK_WORDS.regression : 'classes')))].join(' and ')}`;

/** Auto's settings: how long it may take, and which learners it tries (each at its defaults). */
export function AutoFields({ learners, draft, disabled, onChange }: { learners: LearnerInfo[]; draft: RunDraft; disabled: boolean; onChange(change: Partial<RunDraft>): void }) {
  const budget = budgetSeconds(draft.budgetMinutes);
  const available = learners.filter((l) => l.available).map((l) => l.kind);
  const chosen = autoModels(draft.autoModels, available);
  const toggle = (kind: ModelKind, on: boolean) => onChange({ autoModels: on ? available.filter((k) => k === kind || chosen.includes(k)) : chosen.filter((k) => k !== kind) });
  return (
    <>
      <Field
        id="train-budget"
        label="Time budget (minutes)"
        hint="Learners still training when it runs out are stopped and left out; the best finished one wins."
        error={'problem' in budget ? budget.problem : undefined}
      >
        {(c) => <input {...c} data-testid="train-budget" inputMode="decimal" value={draft.budgetMinutes} disabled={disabled} onChange={(e) => onChange({ budgetMinutes: e.target.value })} />}
      </Field>
      <fieldset className="train-params auto-learners" data-testid="train-auto-learners" aria-describedby="train-auto-learners-hint">
        <legend>Learners to try</legend>
        <p className="hint" id="train-auto-learners-hint">
          Each at its defaults, in parallel (one per core), ranked by the objective’s primary metric on the validation rows. Those that do not fit the task are skipped.
        </p>
        {learners.map((l) => (
          <label key={l.kind} className="checkbox-row">
            <input type="checkbox" data-testid={`train-auto-${l.kind}`} checked={chosen.includes(l.kind)} disabled={disabled || !l.available} onChange={(e) => toggle(l.kind, e.target.checked)} />
            <span>
              {l.label} <span className="muted">{l.available ? fits(l) : 'not available on this machine'}</span>
            </span>
          </label>
        ))}
        {chosen.length === 0 && <FieldError id="train-auto-learners-error" message="Tick at least one learner." />}
      </fieldset>
    </>
  );
}
