import { useState, type FormEvent } from 'react';
import type { DecisionLink } from '../../../../shared/governance/decisions';
import { inputIdFor, problemAt } from '../../lib/problems';
import { useAppStore } from '../../store';
import { Field } from '../form/Field';
import { ProblemSummary } from '../form/ProblemSummary';
import { LinkRows } from './LinkRows';

const id = (path: string) => inputIdFor('decision', path);
const LABELS: Record<string, string> = { title: 'What was decided', why: 'Why', details: 'Details', decidedAt: 'Decided on', links: 'Links' };
function labelFor(path: string): string {
  const link = /^links\[(\d+)\]/.exec(path);
  return LABELS[path] ?? (link ? `Link ${Number(link[1]) + 1}` : path);
}

/** Records a decision: what, why, when, and what it is about. The author is whoever runs the engine. */
export function DecisionForm() {
  const [title, setTitle] = useState('');
  const [why, setWhy] = useState('');
  const [details, setDetails] = useState('');
  const [decidedAt, setDecidedAt] = useState('');
  const [links, setLinks] = useState<DecisionLink[]>([]);
  const [recorded, setRecorded] = useState<string | null>(null);
  const problem = useAppStore((s) => s.decisionProblem);
  const saving = useAppStore((s) => s.decisionSaving);
  const addDecision = useAppStore((s) => s.addDecision);
  const clearProblem = useAppStore((s) => s.clearDecisionProblem);
  /** A setter that also takes away the complaint about the field being fixed. */
  const clearing = <T,>(path: string, setter: (value: T) => void) => (value: T) => {
    setter(value);
    clearProblem([path]);
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const ok = await addDecision({ title, why, details, links, ...(decidedAt ? { decidedAt } : {}) });
    if (!ok) return setRecorded(null);
    setRecorded(`Recorded “${title.trim()}”.`);
    setTitle('');
    setWhy('');
    setDetails('');
    setDecidedAt('');
    setLinks([]);
  };

  return (
    <form className="card decision-form" aria-labelledby="decision-form-title" noValidate onSubmit={(e) => void submit(e)}>
      <h2 id="decision-form-title">Record a decision</h2>
      <ProblemSummary problem={problem} idFor={id} labels={labelFor} testId="decision-errors" />
      <div className="title-date-row">
        <Field id={id('title')} label="What was decided" error={problemAt(problem, 'title')}>
          {(c) => <input {...c} data-testid="decision-title" value={title} maxLength={300} onChange={(e) => clearing('title', setTitle)(e.target.value)} placeholder="e.g. Use ROC AUC ≥ 0.85 as the promotion bar" />}
        </Field>
        <Field id={id('decidedAt')} label="Decided on" hint="Empty: today." error={problemAt(problem, 'decidedAt')}>
          {(c) => <input {...c} data-testid="decision-date" type="date" value={decidedAt} onChange={(e) => clearing('decidedAt', setDecidedAt)(e.target.value)} />}
        </Field>
      </div>
      <div className="field-grid">
        <Field id={id('why')} label="Why" hint="The reasons and the alternatives considered." error={problemAt(problem, 'why')}>
          {(c) => <textarea {...c} data-testid="decision-why" rows={2} value={why} onChange={(e) => clearing('why', setWhy)(e.target.value)} />}
        </Field>
        <Field id={id('details')} label="Details (optional)" hint="Anything a later reader needs: numbers, names, caveats." error={problemAt(problem, 'details')}>
          {(c) => <textarea {...c} data-testid="decision-details" rows={2} value={details} onChange={(e) => clearing('details', setDetails)(e.target.value)} />}
        </Field>
      </div>
      <LinkRows links={links} onChange={clearing('links', setLinks)} problem={problem} />
      <div className="form-actions">
        <button type="submit" className="button primary" data-testid="decision-save" disabled={saving}>
          {saving ? 'Recording…' : 'Record decision'}
        </button>
        <p className="muted" role="status" data-testid="decision-status">
          {recorded ?? ''}
        </p>
      </div>
    </form>
  );
}
