type Value = unknown;

function same(a: Value, b: Value): boolean {
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((item, i) => same(item, b[i]));
  if (a instanceof Date && b instanceof Date) return a.getTime() === b.getTime();
  return Object.is(a, b);
}

/** The fields of `patch` whose value differs from `before`: what an update really changes, and what the audit log records. */
export function changedFields<T extends object>(before: T, patch: Partial<T>): Partial<T> {
  const changes: Partial<T> = {};
  for (const key of Object.keys(patch) as (keyof T)[]) {
    const value = patch[key];
    if (value !== undefined && !same(before[key], value)) changes[key] = value;
  }
  return changes;
}
