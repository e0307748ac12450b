import { pageSize, requireRole } from '@medappt/platform';
import type { PatientsContext } from '../context.ts';
import type { QueryRecordAccessLogArgs } from '../generated/resolvers-types.ts';
import { listRecordAccess } from '../repository/access-audit.ts';
import type { RecordAccessMapper } from '../schema.mappers.ts';

/** The page sizes of the ADMIN logs. */
export const LOG_PAGE = { default: 50, max: 500 };

/** Who read which medical records, newest first (ADMIN). */
export function readRecordAccessLog(ctx: PatientsContext, input: QueryRecordAccessLogArgs): Promise<RecordAccessMapper[]> {
  requireRole(ctx.auth, 'ADMIN');
  return listRecordAccess(ctx.db, { patientId: input.patientId ?? null, viewerId: input.viewerId ?? null, first: pageSize(input.first, LOG_PAGE) });
}
