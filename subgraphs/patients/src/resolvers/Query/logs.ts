import { listAdminActions, pageSize, requireRole } from '@medappt/platform';
import type { QueryResolvers } from '../../generated/resolvers-types.ts';
import { listRecordAccess } from '../../repository/access-audit.ts';

const bounded = (first: number | null | undefined): number => pageSize(first, { default: 50, max: 500 });

export const recordAccessLog: NonNullable<QueryResolvers['recordAccessLog']> = (_p, args, ctx) => {
  requireRole(ctx.auth, 'ADMIN');
  return listRecordAccess(ctx.db, { patientId: args.patientId ?? null, viewerId: args.viewerId ?? null, first: bounded(args.first) });
};

export const patientsAdminLog: NonNullable<QueryResolvers['patientsAdminLog']> = (_p, args, ctx) => {
  requireRole(ctx.auth, 'ADMIN');
  return listAdminActions(ctx.db, { entityType: 'Patient', entityId: args.entityId ?? null, first: bounded(args.first) });
};
