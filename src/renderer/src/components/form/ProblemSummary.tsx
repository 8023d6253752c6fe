import { useEffect, useRef } from 'react';
import type { FormProblem } from '../../lib/problems';

interface ProblemSummaryProps {
  problem: FormProblem | null;
  /** The DOM id of the input for a field path, to link each message to its input. */
  idFor: (path: string) => string;
  /** Names for field paths; a path without one is shown as the engine named it. */
  labels: (path: string) => string;
  testId: string;
}

/**
 * The top of a refused form: why, in words, and each field's problem as a link that moves focus to
 * the input (which shows the same message beside it).
 */
export function ProblemSummary({ problem, idFor, labels, testId }: ProblemSummaryProps) {
  const ref = useRef<HTMLDivElement>(null);
  // Save sits at the bottom of a long form: bring the summary into view when a save is refused.
  // Only a new refusal moves focus; fixing fields one by one (same `raised`) leaves the cursor alone.
  const raised = problem?.raised;
  useEffect(() => {
    if (raised !== undefined) ref.current?.focus();
  }, [raised]);
  if (!problem) return null;
  const fields = Object.entries(problem.fields);
  // A message about part of a list input (`sensitiveColumns[0]`) focuses the input for the whole list.
  const focus = (path: string) => {
    for (let p = path; p; p = p.replace(/(\[\d+\]|\.?[^.[]+)$/, '')) {
      const input = document.getElementById(idFor(p));
      if (input) return input.focus();
    }
  };
  return (
    <div ref={ref} className="form-error problem-summary" role="alert" tabIndex={-1} data-testid={testId}>
      <p>{problem.message}</p>
      {fields.length > 0 && (
        <ul>
          {fields.map(([path, message]) => (
            <li key={path}>
              <a
                href={`#${idFor(path)}`}
                onClick={(event) => {
                  event.preventDefault();
                  focus(path);
                }}
              >
                {path ? labels(path) : 'This form'}
              </a>
              : {message}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
