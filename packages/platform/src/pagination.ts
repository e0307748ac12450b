import { badUserInput } from './errors.ts';
import { isUuid } from './domain/ids.ts';

/** Relay-style cursor pagination: opaque cursors, `first` bounded, one extra row to know if more exist. */

export interface Edge<T> {
  node: T;
  cursor: string;
}
export interface PageInfo {
  hasNextPage: boolean;
  endCursor: string | null;
}
export interface Connection<T> {
  edges: Edge<T>[];
  pageInfo: PageInfo;
}

export function pageSize(first: number | null | undefined, limits: { default: number; max: number } = { default: 20, max: 100 }): number {
  const size = first ?? limits.default;
  if (!Number.isInteger(size) || size < 1 || size > limits.max) throw badUserInput('first', `must be between 1 and ${limits.max}`);
  return size;
}

/** A cursor is the row's sort key, base64url-encoded JSON: stable under inserts, unlike offsets. */
export function encodeCursor(key: readonly (string | number)[]): string {
  return Buffer.from(JSON.stringify(key)).toString('base64url');
}

export function decodeCursor(cursor: string | null | undefined, field = 'after'): (string | number)[] | null {
  if (cursor === null || cursor === undefined) return null;
  try {
    const key: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    // A NUL in a decoded key would reach Postgres, which refuses it in text; no key we encode has one.
    if (Array.isArray(key) && key.length > 0 && key.every((k) => (typeof k === 'string' && !k.includes('\u0000')) || typeof k === 'number')) return key;
  } catch {
    /* reported below */
  }
  throw badUserInput(field, 'is not a cursor this API returned; pass an endCursor from a previous page');
}

/** Builds the connection from `size + 1` fetched rows. */
export function toConnection<T>(rows: readonly T[], size: number, keyOf: (row: T) => readonly (string | number)[]): Connection<T> {
  const page = rows.slice(0, size);
  const edges = page.map((node) => ({ node, cursor: encodeCursor(keyOf(node)) }));
  return { edges, pageInfo: { hasNextPage: rows.length > size, endCursor: edges.at(-1)?.cursor ?? null } };
}

/** The `after` cursor of a list ordered by (name, id): the doctor directory, accounts, patients. */
export function nameIdCursor(cursor: string | null | undefined): { name: string; id: string } | null {
  const key = decodeCursor(cursor);
  if (!key) return null;
  const [name, id] = key;
  if (key.length !== 2 || typeof name !== 'string' || typeof id !== 'string' || !isUuid(id)) {
    throw badUserInput('after', 'is not a cursor of this list; pass an endCursor from a previous page');
  }
  return { name, id };
}
