import { and, desc, eq, lt, type SQL } from 'drizzle-orm';
import { bigserial, index, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import type { Viewer } from './auth.ts';
import { currentRequestId } from './logger.ts';
import type { AnyPgDatabase } from './db.ts';

/**
 * Who changed what, when: every subgraph that lets ADMIN/STAFF change shared data keeps this
 * table in its own database (export it from the subgraph's db/schema.ts) and writes a row in the
 * same transaction as the change.
 */
export const adminActions = pgTable(
  'admin_actions',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    actorId: uuid('actor_id').notNull(),
    actorRole: text('actor_role').notNull(),
    /** e.g. `doctor.update`, `clinic.create`. */
    action: text('action').notNull(),
    entityType: text('entity_type').notNull(),
    entityId: text('entity_id').notNull(),
    /** The fields that changed, with their new values. */
    changes: jsonb('changes').$type<Record<string, unknown>>().notNull(),
    requestId: text('request_id'),
    at: timestamp('at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  (t) => [index('admin_actions_entity_idx').on(t.entityType, t.entityId, t.at), index('admin_actions_at_idx').on(t.at)],
);
export type AdminActionRow = typeof adminActions.$inferSelect;

export async function recordAdminAction(
  db: AnyPgDatabase,
  actor: Viewer,
  entry: { action: string; entityType: string; entityId: string; changes: Record<string, unknown> },
): Promise<void> {
  await db.insert(adminActions).values({ actorId: actor.userId, actorRole: actor.role, ...entry, requestId: currentRequestId() ?? null });
}

export async function listAdminActions(
  db: AnyPgDatabase,
  filter: { entityType?: string | null; entityId?: string | null; beforeId?: number | null; first: number },
): Promise<AdminActionRow[]> {
  const conditions: SQL[] = [];
  if (filter.entityType) conditions.push(eq(adminActions.entityType, filter.entityType));
  if (filter.entityId) conditions.push(eq(adminActions.entityId, filter.entityId));
  if (filter.beforeId) conditions.push(lt(adminActions.id, filter.beforeId));
  return db
    .select()
    .from(adminActions)
    .where(and(...conditions))
    .orderBy(desc(adminActions.id))
    .limit(filter.first);
}
