import { useState } from 'react';
import { GOVERNANCE_STAGES, RACI, RACI_LABELS, ROLE_LABELS, type Person, type RaciLetter } from '../../../../shared/governance/people';
import { GOVERNANCE_STAGE_TITLES } from '../../lib/governance-words';
import { useAppStore } from '../../store';

/** Who is accountable for a stage, in words: a name, nobody, or a warning when several are. */
function ownerText(people: Person[], stage: (typeof GOVERNANCE_STAGES)[number]): { text: string; warn: boolean } {
  const owners = people.filter((p) => p.raci[stage] === 'A');
  if (owners.length === 0) return { text: 'nobody', warn: true };
  if (owners.length > 1) return { text: `${owners.length} people`, warn: true };
  return { text: owners[0]!.name, warn: false };
}

/** People as rows, stages as columns, a R/A/C/I letter in each cell; a change is saved at once. */
export function RaciTable({ onEdit }: { onEdit(person: Person): void }) {
  const people = useAppStore((s) => s.people);
  const setRaci = useAppStore((s) => s.setRaci);
  const removePerson = useAppStore((s) => s.removePerson);
  const [confirming, setConfirming] = useState<string | null>(null);

  return (
    <div className="table-scroll">
      <table className="raci-table" data-testid="raci-table">
        <caption className="visually-hidden">Who is responsible, accountable, consulted or informed for each stage</caption>
        <thead>
          <tr>
            <th scope="col">Person</th>
            {GOVERNANCE_STAGES.map((stage) => (
              <th scope="col" key={stage} className="raci-col">
                {GOVERNANCE_STAGE_TITLES[stage]}
              </th>
            ))}
            <th scope="col">
              <span className="visually-hidden">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {people.map((person, index) => (
            <tr key={person.id} data-testid="person-row" data-person-id={person.id}>
              <th scope="row" className="person-cell">
                <span className="person-name">{person.name}</span>
                <span className="person-meta muted">
                  {ROLE_LABELS[person.role]}
                  {person.email && ` · ${person.email}`}
                </span>
              </th>
              {GOVERNANCE_STAGES.map((stage) => (
                <td key={stage} className="raci-cell" data-letter={person.raci[stage] ?? ''}>
                  <select
                    aria-label={`${person.name} — ${GOVERNANCE_STAGE_TITLES[stage]}`}
                    data-testid={`raci-${index}-${stage}`}
                    value={person.raci[stage] ?? ''}
                    onChange={(e) => setRaci(person.id, stage, (e.target.value || null) as RaciLetter | null)}
                  >
                    <option value="">–</option>
                    {RACI.map((letter) => (
                      <option key={letter} value={letter} title={RACI_LABELS[letter]}>
                        {letter}
                      </option>
                    ))}
                  </select>
                </td>
              ))}
              <td className="row-actions">
                {confirming === person.id ? (
                  <>
                    <button type="button" className="button small danger" data-testid="person-remove-confirm" onClick={() => void removePerson(person.id)}>
                      Remove {person.name}
                    </button>
                    <button type="button" className="button small ghost" onClick={() => setConfirming(null)}>
                      Keep
                    </button>
                  </>
                ) : (
                  <>
                    <button type="button" className="button small ghost" data-testid="person-edit" aria-label={`Edit ${person.name}`} onClick={() => onEdit(person)}>
                      Edit
                    </button>
                    <button type="button" className="button small ghost" data-testid="person-remove" aria-label={`Remove ${person.name}`} onClick={() => setConfirming(person.id)}>
                      Remove
                    </button>
                  </>
                )}
              </td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">Accountable</th>
            {GOVERNANCE_STAGES.map((stage) => {
              const owner = ownerText(people, stage);
              return (
                <td key={stage} className={owner.warn ? 'owner-cell warn' : 'owner-cell'} data-testid={`owner-${stage}`}>
                  {owner.text}
                </td>
              );
            })}
            <td />
          </tr>
        </tfoot>
      </table>
    </div>
  );
}
