import type { ObjectiveForm } from '../../lib/objective-form';
import { OBJECTIVE_LABELS } from '../../lib/objective-form';
import { inputIdFor, problemAt, type FormProblem } from '../../lib/problems';

/** What each section of the objective form gets: the values, how to change them, and what was refused. */
export interface SectionProps {
  form: ObjectiveForm;
  edit(change: Partial<ObjectiveForm>): void;
  problem: FormProblem | null;
}

/** The DOM id of the objective input for a field path (the error summary links to it). */
export const objectiveInputId = (path: string) => inputIdFor('objective', path);

export const objectiveError = (problem: FormProblem | null, path: string) => problemAt(problem, path);

const SOURCE_FIELDS: Record<string, string> = { name: 'name', kind: 'kind', location: 'location', notes: 'notes' };

/** "Threshold", "Data source 2: name": an objective field path in words. */
export function objectiveLabel(path: string): string {
  const source = /^dataSources\[(\d+)\](?:\.(\w+))?$/.exec(path);
  if (source) return `Data source ${Number(source[1]) + 1}${source[2] ? `: ${SOURCE_FIELDS[source[2]] ?? source[2]}` : ''}`;
  return OBJECTIVE_LABELS[path] ?? OBJECTIVE_LABELS[path.replace(/\[\d+\]$/, '')] ?? path;
}
