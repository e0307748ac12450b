import { listAdminActions, pageSize, requireRole } from '@medappt/platform';
import type { PatientsContext } from '../context.ts';
import type { QueryPatientsAdminLogArgs } from '../generated/resolvers-types.ts';
import type { AdminActionMapper } from '../schema.mappers.ts';
import { LOG_PAGE } from './read-record-access-log.ts';

/** The changes staff made to patient profiles, newest first (ADMIN). */
export function readPatientsAdminLog(ctx: PatientsContext, input: QueryPatientsAdminLogArgs): Promise<AdminActionMapper[]> {
  requireRole(ctx.auth, 'ADMIN');
  return listAdminActions(ctx.db, { entityType: 'Patient', entityId: input.entityId ?? null, first: pageSize(input.first, LOG_PAGE) });
}
