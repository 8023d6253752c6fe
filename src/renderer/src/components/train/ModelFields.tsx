import type { LearnerInfo } from '../../../../shared/train/learners';
import type { ModelKind } from '../../../../shared/train/models';
import { defaultText } from '../../lib/train-params';
import { Field } from '../form/Field';
import { ParamRow } from './ParamRow';
import { SearchFields } from './SearchFields';
import type { RunDraft } from './train-store';

interface ModelFieldsProps {
  learners: LearnerInfo[];
  draft: RunDraft;
  disabled: boolean;
  onChange(change: Partial<RunDraft>): void;
}

/** The learner, what it does in a sentence, and its hyperparameters: values for one run, or the space a search tries. */
export function ModelFields({ learners, draft, disabled, onChange }: ModelFieldsProps) {
  const info = learners.find((l) => l.kind === draft.model) ?? learners[0]!;
  return (
    <>
      <Field id="train-model" label="Model" hint={info.description}>
        {(c) => (
          <select {...c} data-testid="train-model" value={info.kind} disabled={disabled} onChange={(e) => onChange({ model: e.target.value as ModelKind, params: {} })}>
            {learners.map((l) => (
              <option key={l.kind} value={l.kind} disabled={!l.available}>
                {l.label}
                {l.available ? '' : ' (not available on this machine)'}
              </option>
            ))}
          </select>
        )}
      </Field>
      {draft.mode === 'search' ? (
        <SearchFields learner={info} draft={draft} disabled={disabled} onChange={onChange} />
      ) : (
        <fieldset className="train-params" data-testid="train-params">
          <legend>Hyperparameters</legend>
          {info.parameters.length ? (
            info.parameters.map((spec) => (
              <ParamRow key={spec.name} spec={spec} text={draft.params[spec.name] ?? defaultText(spec)} disabled={disabled} onChange={(text) => onChange({ params: { ...draft.params, [spec.name]: text } })} />
            ))
          ) : (
            <p className="hint">This learner has no settings to choose.</p>
          )}
        </fieldset>
      )}
    </>
  );
}
