import type { ReactNode } from 'react';
import type { ParamSpec } from '../../../../shared/train/learners';
import { defaultText, paramProblem } from '../../lib/train-params';
import { FieldError } from '../form/FieldError';

/** The input for one hyperparameter's value: a select for choices, else a short text box. */
export function ParamInput({ spec, text, disabled, describedBy, invalid, onChange }: { spec: ParamSpec; text: string; disabled: boolean; describedBy: string; invalid: boolean; onChange(text: string): void }) {
  const id = `train-param-${spec.name}`;
  const control = {
    id,
    'data-testid': id,
    value: text,
    disabled,
    'aria-describedby': describedBy,
    'aria-invalid': invalid ? true : undefined,
    onChange: (e: { target: { value: string } }) => onChange(e.target.value),
  };
  return spec.kind === 'choice' ? (
    <select {...control}>
      {spec.choices.map((choice) => (
        <option key={choice}>{choice}</option>
      ))}
    </select>
  ) : (
    <input {...control} inputMode={spec.kind === 'layers' ? 'text' : spec.integer ? 'numeric' : 'decimal'} spellCheck={false} />
  );
}

/** One hyperparameter: its name and what it does beside a short input, the default named, a problem under it. */
export function ParamRow({ spec, text, disabled, onChange, aside }: { spec: ParamSpec; text: string; disabled: boolean; onChange(text: string): void; aside?: ReactNode }) {
  const id = `train-param-${spec.name}`;
  const problem = paramProblem(spec, text);
  return (
    <div className={problem ? 'train-param has-error' : 'train-param'}>
      <div>
        <label htmlFor={id}>{spec.label}</label>
        <p className="hint" id={`${id}-hint`}>
          {spec.hint} Default <span className="mono">{defaultText(spec)}</span>.
        </p>
        {aside}
      </div>
      <ParamInput spec={spec} text={text} disabled={disabled} describedBy={`${id}-hint${problem ? ` ${id}-error` : ''}`} invalid={Boolean(problem)} onChange={onChange} />
      {problem && <FieldError id={`${id}-error`} message={problem} />}
    </div>
  );
}
