/** `postgres://ana:s3cret@db/x` → `postgres://ana:***@db/x`, anywhere in a value: for logs, jobs and audit. */
export function redactSecrets<T>(value: T): T {
  if (typeof value === 'string') return value.replace(/(\/\/[^:@/\s]+):[^@/\s]*@/g, '$1:***@') as T;
  if (Array.isArray(value)) return value.map(redactSecrets) as T;
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, redactSecrets(v)])) as T;
  return value;
}
