import { MODEL_KINDS, MODEL_LABELS, type ModelKind } from '../../../../shared/train/models';
import { defaultParamTexts, LEARNERS, paramProblem, type ParamSpec } from '../../lib/train-params';
import { Field } from '../form/Field';
import { FieldError } from '../form/FieldError';
import type { RunDraft } from './train-store';

/** One hyperparameter: its name and what it does beside a short input, the default named, a problem under it. */
function ParamRow({ spec, text, disabled, onChange }: { spec: ParamSpec; text: string; disabled: boolean; onChange(text: string): void }) {
  const id = `train-param-${spec.name}`;
  const problem = paramProblem(spec, text);
  const control = {
    id,
    'data-testid': id,
    value: text,
    disabled,
    'aria-describedby': `${id}-hint${problem ? ` ${id}-error` : ''}`,
    'aria-invalid': problem ? true : undefined,
    onChange: (e: { target: { value: string } }) => onChange(e.target.value),
  };
  return (
    <div className={problem ? 'train-param has-error' : 'train-param'}>
      <div>
        <label htmlFor={id}>{spec.label}</label>
        <p className="hint" id={`${id}-hint`}>
          {spec.hint} Default <span className="mono">{spec.defaultText}</span>.
        </p>
      </div>
      {spec.kind === 'choice' ? (
        <select {...control}>
          {spec.choices.map((choice) => (
            <option key={choice}>{choice}</option>
          ))}
        </select>
      ) : (
        <input {...control} inputMode={spec.kind === 'layers' ? 'text' : spec.integer ? 'numeric' : 'decimal'} spellCheck={false} />
      )}
      {problem && <FieldError id={`${id}-error`} message={problem} />}
    </div>
  );
}

interface ModelFieldsProps {
  draft: RunDraft;
  disabled: boolean;
  onChange(change: Partial<RunDraft>): void;
}

/** The learner, what it does in a sentence, and its hyperparameters at their defaults. */
export function ModelFields({ draft, disabled, onChange }: ModelFieldsProps) {
  const info = LEARNERS[draft.model];
  return (
    <>
      <Field id="train-model" label="Model" hint={info.description}>
        {(c) => (
          <select {...c} data-testid="train-model" value={draft.model} disabled={disabled} onChange={(e) => onChange({ model: e.target.value as ModelKind, params: defaultParamTexts(e.target.value as ModelKind) })}>
            {MODEL_KINDS.map((m) => (
              <option key={m} value={m}>
                {MODEL_LABELS[m]}
              </option>
            ))}
          </select>
        )}
      </Field>
      <fieldset className="train-params" data-testid="train-params">
        <legend>Hyperparameters</legend>
        {info.params ? (
          info.params.map((spec) => (
            <ParamRow key={spec.name} spec={spec} text={draft.params[spec.name] ?? spec.defaultText} disabled={disabled} onChange={(text) => onChange({ params: { ...draft.params, [spec.name]: text } })} />
          ))
        ) : (
          <p className="hint">This form does not know {MODEL_LABELS[draft.model].toLowerCase()}’s settings yet: the engine uses its defaults.</p>
        )}
      </fieldset>
    </>
  );
}
