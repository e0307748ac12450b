/**
 * What a DataLoader batch function returns: one result per key, in the keys' order, from the
 * rows one query returned. Pure, so every subgraph lines rows up the same way.
 */

/** The row with each key's id, or null. */
export function alignById<T extends { id: string }>(keys: readonly string[], rows: readonly T[]): (T | null)[] {
  const byId = new Map(rows.map((row) => [row.id, row]));
  return keys.map((key) => byId.get(key) ?? null);
}

/** The rows belonging to each key (empty when none), in the order the query returned them. */
export function groupByKeys<T>(keys: readonly string[], rows: readonly T[], keyOf: (row: T) => string): T[][] {
  const groups = new Map<string, T[]>(keys.map((key) => [key, []]));
  for (const row of rows) groups.get(keyOf(row))?.push(row);
  return keys.map((key) => groups.get(key) ?? []);
}
