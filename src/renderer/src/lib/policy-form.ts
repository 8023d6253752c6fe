import { ROLE_LABELS, type Role } from '../../../shared/governance/people';
import { DEFAULT_POLICY, type Policy, type PolicyInput } from '../../../shared/governance/policy';
import { POLICY_FIELDS, POLICY_PATHS, type PolicyPath } from './policy-fields';
import { localProblem, parseNumber, type FormProblem } from './problems';

/** One setting as the form holds it: a checkbox, the typed text of a number or choice, a list of roles. */
export type PolicyFormValue = boolean | string | Role[];
/** The policy flattened to its dotted paths, the same keys as POLICY_HELP and the engine's field errors. */
export type PolicyForm = Record<PolicyPath, PolicyFormValue>;

function readPath(value: unknown, path: string): unknown {
  return path.split('.').reduce<unknown>((node, key) => (node as Record<string, unknown> | null)?.[key], value);
}

function writePath(target: Record<string, unknown>, path: string, value: unknown): void {
  const keys = path.split('.');
  let node = target;
  for (const key of keys.slice(0, -1)) node = (node[key] ??= {}) as Record<string, unknown>;
  node[keys[keys.length - 1]!] = value;
}

function toFormValue(value: unknown): PolicyFormValue {
  if (typeof value === 'boolean') return value;
  if (Array.isArray(value)) return [...(value as Role[])];
  if (value === null || value === undefined) return '';
  return String(value);
}

export function toPolicyForm(policy: Policy): PolicyForm {
  return Object.fromEntries(POLICY_PATHS.map((path) => [path, toFormValue(readPath(policy, path))])) as PolicyForm;
}

export const DEFAULT_POLICY_FORM = toPolicyForm(DEFAULT_POLICY);

/** Whether two values of one setting mean the same ("0.050" and "0.05" do). */
export function sameSetting(path: PolicyPath, a: PolicyFormValue, b: PolicyFormValue): boolean {
  if (POLICY_FIELDS[path].kind === 'number' && typeof a === 'string' && typeof b === 'string') {
    if (a.trim() === '' || b.trim() === '') return a.trim() === b.trim();
    return Number(a) === Number(b);
  }
  return JSON.stringify(a) === JSON.stringify(b);
}

export function samePolicyForm(a: PolicyForm, b: PolicyForm): boolean {
  return POLICY_PATHS.every((path) => JSON.stringify(a[path]) === JSON.stringify(b[path]));
}

/** A setting's value in words, for "Default: …" and the change history. */
export function describeSetting(path: PolicyPath, value: unknown): string {
  const spec = POLICY_FIELDS[path];
  if (spec.kind === 'boolean') return value ? 'Required' : 'Not required';
  if (spec.kind === 'roles') return Array.isArray(value) && value.length ? value.map((r: Role) => ROLE_LABELS[r] ?? r).join(', ') : 'nobody';
  if (spec.kind === 'choice') return spec.options.find((o) => o.value === value)?.label ?? String(value);
  if (value === null || value === '' || value === undefined) return spec.optional ?? '—';
  return `${String(value)}${spec.unit ? ` ${spec.unit}` : ''}`;
}

/** The form as the engine's policy, or the fields whose text is not a number. Ranges are the engine's call. */
export function fromPolicyForm(form: PolicyForm): { policy: PolicyInput } | { problem: FormProblem } {
  const policy: Record<string, unknown> = {};
  const problems: Record<string, string> = {};
  for (const path of POLICY_PATHS) {
    const spec = POLICY_FIELDS[path];
    const value = form[path];
    if (spec.kind !== 'number') {
      writePath(policy, path, value);
      continue;
    }
    const parsed = parseNumber(String(value));
    if (!parsed.ok) problems[path] = 'enter a number';
    else if (parsed.value === null && !spec.optional) problems[path] = 'enter a value';
    writePath(policy, path, parsed.value);
  }
  const problem = localProblem(problems);
  return problem ? { problem } : { policy: policy as PolicyInput };
}
