import { asc, eq, inArray } from 'drizzle-orm';
import { allergies, historyEntries, medications } from '../db/schema.ts';
import type { PatientsDbOrTx } from './db.ts';

/** The three kinds of record entry share their bookkeeping columns and access paths. */
export const recordTables = { history: historyEntries, allergies, medications } as const;
export type RecordKind = keyof typeof recordTables;
export type RecordRow<K extends RecordKind> = (typeof recordTables)[K]['$inferSelect'];
export type RecordValues<K extends RecordKind> = Omit<(typeof recordTables)[K]['$inferInsert'], 'id' | 'patientId' | 'authorId' | 'createdAt' | 'updatedAt'>;

// drizzle builds these queries over the union of the three tables (not over a generic one); each
// function's signature then says, per kind, what drizzle says for that kind's table.

export function entriesOfPatients<K extends RecordKind>(db: PatientsDbOrTx, kind: K, patientIds: readonly string[]): Promise<RecordRow<K>[]>;
export async function entriesOfPatients(db: PatientsDbOrTx, kind: RecordKind, patientIds: readonly string[]): Promise<RecordRow<RecordKind>[]> {
  if (patientIds.length === 0) return [];
  const table = recordTables[kind];
  return db
    .select()
    .from(table)
    .where(inArray(table.patientId, [...patientIds]))
    .orderBy(asc(table.createdAt), asc(table.id));
}

export function findEntry<K extends RecordKind>(db: PatientsDbOrTx, kind: K, id: string): Promise<RecordRow<K> | null>;
export async function findEntry(db: PatientsDbOrTx, kind: RecordKind, id: string): Promise<RecordRow<RecordKind> | null> {
  const table = recordTables[kind];
  const [row] = await db.select().from(table).where(eq(table.id, id)).limit(1);
  return row ?? null;
}

export function insertEntry<K extends RecordKind>(
  db: PatientsDbOrTx,
  kind: K,
  entry: { patientId: string; authorId: string; values: RecordValues<K> },
): Promise<RecordRow<K>>;
export async function insertEntry(
  db: PatientsDbOrTx,
  kind: RecordKind,
  entry: { patientId: string; authorId: string; values: RecordValues<RecordKind> },
): Promise<RecordRow<RecordKind>> {
  const [row] = await db
    .insert(recordTables[kind])
    .values({ ...entry.values, patientId: entry.patientId, authorId: entry.authorId })
    .returning();
  if (!row) throw new Error('insert returned no row');
  return row;
}

export function updateEntry<K extends RecordKind>(
  db: PatientsDbOrTx,
  kind: K,
  entry: { id: string; authorId: string; values: RecordValues<K> },
): Promise<RecordRow<K>>;
export async function updateEntry(
  db: PatientsDbOrTx,
  kind: RecordKind,
  entry: { id: string; authorId: string; values: RecordValues<RecordKind> },
): Promise<RecordRow<RecordKind>> {
  const table = recordTables[kind];
  const [row] = await db
    .update(table)
    .set({ ...entry.values, authorId: entry.authorId, updatedAt: new Date() })
    .where(eq(table.id, entry.id))
    .returning();
  if (!row) throw new Error('update returned no row');
  return row;
}
