import { useState } from 'react';
import { RACI, RACI_LABELS, type Person } from '../../../../shared/governance/people';
import { useAppStore } from '../../store';
import { PersonForm } from './PersonForm';
import { RaciTable } from './RaciTable';

/** Stakeholders, their roles, and a RACI grid of who owns, does, advises on or hears about each stage. */
export function PeoplePanel() {
  const people = useAppStore((s) => s.people);
  const raciStatus = useAppStore((s) => s.raciStatus);
  const [editing, setEditing] = useState<Person | null>(null);

  return (
    <div className="stack people-panel">
      <PersonForm key={editing?.id ?? 'new'} editing={editing} onDone={() => setEditing(null)} />
      <section className="card" aria-labelledby="raci-title">
        <div className="card-heading">
          <h2 id="raci-title">Who does what</h2>
          <p className="muted" role="status" data-testid="raci-status">
            {raciStatus ?? ''}
          </p>
        </div>
        <p className="raci-legend muted">
          {RACI.map((letter) => (
            <span key={letter}>
              <strong>{letter}</strong> {RACI_LABELS[letter]}
            </span>
          ))}
          <span>Each stage should have exactly one A.</span>
        </p>
        {people.length === 0 ? (
          <p className="muted empty">No people yet. Add the product owner, the data scientists and whoever reviews promotions.</p>
        ) : (
          <RaciTable
            onEdit={(person) => {
              setEditing(person);
              requestAnimationFrame(() => document.getElementById('person-name')?.focus());
            }}
          />
        )}
      </section>
    </div>
  );
}
