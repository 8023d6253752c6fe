import { useState, type FormEvent } from 'react';
import { ROLES, ROLE_LABELS, type Person, type Role } from '../../../../shared/governance/people';
import { inputIdFor, problemAt } from '../../lib/problems';
import { useAppStore } from '../../store';
import { Field } from '../form/Field';
import { ProblemSummary } from '../form/ProblemSummary';

const LABELS: Record<string, string> = { name: 'Name', role: 'Role', email: 'Email', raci: 'RACI letters' };

/** Adds a person, or edits the one given; their RACI letters are set in the grid. */
export function PersonForm({ editing, onDone }: { editing: Person | null; onDone(): void }) {
  const [name, setName] = useState(editing?.name ?? '');
  const [role, setRole] = useState<Role>(editing?.role ?? 'data_scientist');
  const [email, setEmail] = useState(editing?.email ?? '');
  const problem = useAppStore((s) => s.personProblem);
  const saving = useAppStore((s) => s.personSaving);
  const savePerson = useAppStore((s) => s.savePerson);
  const clearProblem = useAppStore((s) => s.clearPersonProblem);
  // The grid may have changed this person's letters since Edit was pressed: keep the latest ones.
  const currentRaci = useAppStore((s) => (editing ? s.people.find((p) => p.id === editing.id)?.raci : undefined));
  const id = (path: string) => inputIdFor('person', path);
  /** A setter that also takes away the complaint about the field being fixed. */
  const clearing = <T,>(path: string, setter: (value: T) => void) => (value: T) => {
    setter(value);
    clearProblem([path]);
  };
  const editName = clearing('name', setName);
  const editRole = clearing('role', setRole);
  const editEmail = clearing('email', setEmail);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const person = { name, role, email: email.trim(), raci: currentRaci ?? {}, ...(editing ? { id: editing.id } : {}) };
    if (!(await savePerson(person))) return;
    setName('');
    setEmail('');
    if (editing) onDone();
    else document.getElementById(id('name'))?.focus();
  };

  return (
    <form className="card person-form" aria-labelledby="person-form-title" noValidate onSubmit={(e) => void submit(e)}>
      <h2 id="person-form-title">{editing ? `Edit ${editing.name}` : 'Add a person'}</h2>
      <ProblemSummary problem={problem} idFor={id} labels={(path) => LABELS[path] ?? path} testId="person-errors" />
      <div className="person-fields">
        <Field id={id('name')} label="Name" error={problemAt(problem, 'name')}>
          {(c) => <input {...c} data-testid="person-name" value={name} onChange={(e) => editName(e.target.value)} autoComplete="off" maxLength={200} />}
        </Field>
        <Field id={id('role')} label="Role" error={problemAt(problem, 'role')}>
          {(c) => (
            <select {...c} data-testid="person-role" value={role} onChange={(e) => editRole(e.target.value as Role)}>
              {ROLES.map((r) => (
                <option key={r} value={r}>
                  {ROLE_LABELS[r]}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field id={id('email')} label="Email (optional)" error={problemAt(problem, 'email')}>
          {(c) => <input {...c} data-testid="person-email" type="email" value={email} onChange={(e) => editEmail(e.target.value)} autoComplete="off" />}
        </Field>
        <div className="person-actions">
          <button type="submit" className="button primary" data-testid="person-save" disabled={saving}>
            {saving ? 'Saving…' : editing ? 'Save changes' : 'Add person'}
          </button>
          {editing && (
            <button
              type="button"
              className="button ghost"
              onClick={() => {
                clearProblem();
                onDone();
              }}
            >
              Cancel
            </button>
          )}
        </div>
      </div>
    </form>
  );
}
