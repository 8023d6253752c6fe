import type { RatioCheck, RatioText } from '../../../lib/label-split-ratios';
import { Field } from '../../form/Field';
import { ProportionBar } from './ProportionBar';

const SETS = [
  { key: 'train', label: 'Train' },
  { key: 'validation', label: 'Validation' },
  { key: 'test', label: 'Test' },
] as const;

interface RatioFieldsProps {
  id: string;
  value: RatioText;
  check: RatioCheck;
  rows: number;
  onChange(value: RatioText): void;
}

/** Three shares that must make 1, drawn as one bar as they are typed, with what is wrong in words. */
export function RatioFields({ id, value, check, rows, onChange }: RatioFieldsProps) {
  const numbers = SETS.map(({ key }) => ({ name: key, value: Math.max(0, Number(value[key]) || 0) }));
  return (
    <fieldset className="ls-ratios" aria-describedby={check.error ? `${id}-error` : `${id}-hint`}>
      <legend>Shares of the rows</legend>
      <div className="ls-ratio-fields">
        {SETS.map(({ key, label }) => (
          <Field key={key} id={`${id}-${key}`} label={label} error={check.fields[key]}>
            {(control) => (
              <input
                {...control}
                data-testid={`split-ratio-${key}`}
                inputMode="decimal"
                value={value[key]}
                onChange={(e) => onChange({ ...value, [key]: e.target.value })}
              />
            )}
          </Field>
        ))}
      </div>
      <ProportionBar parts={numbers} unit="share" label="Planned shares" testId="split-ratio-bar" />
      {check.error ? (
        <p className="form-error" id={`${id}-error`} role="alert" data-testid="split-ratio-error">
          {check.error}
        </p>
      ) : (
        <p className="hint" id={`${id}-hint`}>
          {check.ratios
            ? `About ${check.ratios.map((r) => Math.round(r * rows).toLocaleString('en-US')).join(' / ')} of ${rows.toLocaleString('en-US')} rows. `
            : ''}
          A validation share of 0 means no validation set.
        </p>
      )}
    </fieldset>
  );
}
