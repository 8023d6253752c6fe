import { useState, type FormEvent } from 'react';
import { count } from '../../../lib/data-words';
import { parseRowSpec, rowsInWords } from '../../../lib/label-split-rows';
import { parseLabel, type LabelKind } from '../../../lib/label-split-values';
import { Field } from '../../form/Field';

interface LabelRowsFormProps {
  versionId: string;
  column: string;
  kind: LabelKind;
  rows: number;
  listId: string;
  onAdd(rows: number[], text: string): void;
}

/**
 * Labels chosen rows, labelled or not: their numbers as the Table tab shows them ("12, 40-45") and
 * one value for all. They join the pending labels, so they are saved with the queue's.
 */
export function LabelRowsForm({ versionId, column, kind, rows, listId, onAdd }: LabelRowsFormProps) {
  const [spec, setSpec] = useState('');
  const [text, setText] = useState('');
  const [errors, setErrors] = useState<{ rows?: string; value?: string }>({});
  const [added, setAdded] = useState<string | null>(null);
  const id = `label-rows-${versionId}`;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const parsed = parseRowSpec(spec, rows);
    const label = parseLabel(text, kind);
    setErrors({ rows: parsed.error ?? undefined, value: label.error ?? undefined });
    if (parsed.error !== null || label.error !== null) return setAdded(null);
    onAdd(parsed.rows, text.trim());
    setAdded(`${count(parsed.rows.length)} ${parsed.rows.length === 1 ? 'row' : 'rows'} (${rowsInWords(parsed.rows)}) set to “${text.trim()}” — pending until you save.`);
    setSpec('');
  };

  return (
    <form className="card ls-rows-form" onSubmit={submit} aria-labelledby={`${id}-title`} noValidate>
      <h3 id={`${id}-title`}>Label chosen rows</h3>
      <p className="muted">
        Set {column} on any rows, labelled or not — row numbers as the Table tab shows them, from 1. Commas separate rows; a dash makes a range.
      </p>
      <div className="ls-rows-fields">
        <Field id={`${id}-spec`} label="Rows" error={errors.rows}>
          {(control) => <input {...control} data-testid="label-rows-spec" placeholder="e.g. 12, 40-45" value={spec} onChange={(e) => setSpec(e.target.value)} />}
        </Field>
        <Field id={`${id}-value`} label={`Set ${column} to`} error={errors.value}>
          {(control) => <input {...control} data-testid="label-rows-value" list={listId} autoComplete="off" value={text} onChange={(e) => setText(e.target.value)} />}
        </Field>
        <button type="submit" className="button" data-testid="label-rows-add">
          Add to pending
        </button>
      </div>
      {added && (
        <p className="muted" role="status" data-testid="label-rows-added">
          {added}
        </p>
      )}
    </form>
  );
}
