import { ROLES, ROLE_LABELS, type Role } from '../../../../shared/governance/people';
import { POLICY_HELP } from '../../../../shared/governance/policy';
import { POLICY_FIELDS, orderRoles, type PolicyPath } from '../../lib/policy-fields';
import { DEFAULT_POLICY_FORM, describeSetting, sameSetting, type PolicyFormValue } from '../../lib/policy-form';
import { FieldError } from '../form/FieldError';

interface PolicyFieldRowProps {
  path: PolicyPath;
  value: PolicyFormValue;
  error?: string;
  onChange(value: PolicyFormValue): void;
  onReset(): void;
}

/** The control for one setting, by kind: a checkbox, a number, a choice or a set of roles. */
function Control({ path, value, onChange, describedBy, invalid }: Pick<PolicyFieldRowProps, 'path' | 'value' | 'onChange'> & { describedBy: string; invalid: boolean }) {
  const spec = POLICY_FIELDS[path];
  const id = `policy-${spec.id}`;
  const aria = { 'aria-describedby': describedBy, 'aria-invalid': invalid ? (true as const) : undefined };
  if (spec.kind === 'boolean') {
    return (
      <div className="checkbox-row">
        <input id={id} type="checkbox" data-testid={id} checked={value === true} onChange={(e) => onChange(e.target.checked)} {...aria} />
        <label htmlFor={id}>{spec.label}</label>
      </div>
    );
  }
  if (spec.kind === 'roles') {
    const roles = Array.isArray(value) ? value : [];
    return (
      <fieldset className="roles-group" id={id} {...aria}>
        <legend>{spec.label}</legend>
        {ROLES.map((role) => (
          <span className="checkbox-row" key={role}>
            <input
              id={`${id}-${role}`}
              type="checkbox"
              data-testid={`${id}-${role}`}
              checked={roles.includes(role)}
              onChange={(e) => onChange(orderRoles(e.target.checked ? [...roles, role] : roles.filter((r: Role) => r !== role)))}
            />
            <label htmlFor={`${id}-${role}`}>{ROLE_LABELS[role]}</label>
          </span>
        ))}
      </fieldset>
    );
  }
  return (
    <div className="field">
      <label htmlFor={id}>{spec.label}</label>
      {spec.kind === 'choice' ? (
        <select id={id} data-testid={id} value={String(value)} onChange={(e) => onChange(e.target.value)} {...aria}>
          {spec.options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      ) : (
        <div className="with-adornment narrow">
          <input
            id={id}
            data-testid={id}
            type="number"
            min={spec.min}
            max={spec.max}
            step={spec.step}
            placeholder={spec.optional}
            value={String(value)}
            onChange={(e) => onChange(e.target.value)}
            {...aria}
          />
          {spec.unit && <span className="adornment unit">{spec.unit}</span>}
        </div>
      )}
    </div>
  );
}

/** One policy setting: its control, why it exists (POLICY_HELP), and whether it differs from the default. */
export function PolicyFieldRow({ path, value, error, onChange, onReset }: PolicyFieldRowProps) {
  const spec = POLICY_FIELDS[path];
  const id = `policy-${spec.id}`;
  const isDefault = sameSetting(path, value, DEFAULT_POLICY_FORM[path]);
  const defaultText = describeSetting(path, DEFAULT_POLICY_FORM[path]);
  const describedBy = [`${id}-help`, error ? `${id}-error` : null].filter(Boolean).join(' ');

  return (
    <div className={`policy-row${isDefault ? '' : ' is-custom'}${error ? ' has-error' : ''}`} data-testid={`policy-row-${spec.id}`} data-default={isDefault ? 'true' : 'false'}>
      <div className="policy-control">
        <Control path={path} value={value} onChange={onChange} describedBy={describedBy} invalid={Boolean(error)} />
        <p className="hint" id={`${id}-help`}>
          {POLICY_HELP[path]}
        </p>
        {error && <FieldError id={`${id}-error`} message={error} />}
      </div>
      <div className="policy-default">
        {isDefault ? (
          <span className="muted">Default</span>
        ) : (
          <>
            <span className="badge badge-custom">Changed</span>
            <span className="muted">Default: {defaultText}</span>
            <button type="button" className="button small ghost" data-testid={`policy-reset-${spec.id}`} aria-label={`Reset “${spec.label}” to the default, ${defaultText}`} onClick={onReset}>
              Reset to default
            </button>
          </>
        )}
      </div>
    </div>
  );
}
