import { asc, eq, inArray } from 'drizzle-orm';
import { allergies, historyEntries, medications } from '../db/schema.ts';
import type { PatientsDbOrTx } from './db.ts';

/** The three kinds of record entry share their bookkeeping columns and access paths. */
export const recordTables = { history: historyEntries, allergies, medications } as const;

// drizzle cannot build queries over a union of tables; all three share the columns used here,
// so queries are built against one of them and the rows typed per kind.
const tableOf = (kind: RecordKind): typeof historyEntries => recordTables[kind] as unknown as typeof historyEntries;
export type RecordKind = keyof typeof recordTables;
export type RecordRow<K extends RecordKind> = (typeof recordTables)[K]['$inferSelect'];
export type RecordValues<K extends RecordKind> = Omit<(typeof recordTables)[K]['$inferInsert'], 'id' | 'patientId' | 'authorId' | 'createdAt' | 'updatedAt'>;

export async function entriesOfPatients<K extends RecordKind>(db: PatientsDbOrTx, kind: K, patientIds: readonly string[]): Promise<RecordRow<K>[]> {
  const table = tableOf(kind);
  if (patientIds.length === 0) return [];
  return (await db
    .select()
    .from(table)
    .where(inArray(table.patientId, [...patientIds]))
    .orderBy(asc(table.createdAt), asc(table.id))) as unknown as RecordRow<K>[];
}

export async function findEntry<K extends RecordKind>(db: PatientsDbOrTx, kind: K, id: string): Promise<RecordRow<K> | null> {
  const table = tableOf(kind);
  const [row] = await db.select().from(table).where(eq(table.id, id)).limit(1);
  return (row as unknown as RecordRow<K> | undefined) ?? null;
}

export async function insertEntry<K extends RecordKind>(
  db: PatientsDbOrTx,
  kind: K,
  entry: { patientId: string; authorId: string; values: RecordValues<K> },
): Promise<RecordRow<K>> {
  const table = tableOf(kind);
  const [row] = await db
    .insert(table)
    .values({ ...entry.values, patientId: entry.patientId, authorId: entry.authorId } as unknown as (typeof historyEntries)['$inferInsert'])
    .returning();
  return row as unknown as RecordRow<K>;
}

export async function updateEntry<K extends RecordKind>(
  db: PatientsDbOrTx,
  kind: K,
  entry: { id: string; authorId: string; values: RecordValues<K> },
): Promise<RecordRow<K>> {
  const table = tableOf(kind);
  const [row] = await db
    .update(table)
    .set({ ...(entry.values as object), authorId: entry.authorId, updatedAt: new Date() })
    .where(eq(table.id, entry.id))
    .returning();
  return row as unknown as RecordRow<K>;
}
