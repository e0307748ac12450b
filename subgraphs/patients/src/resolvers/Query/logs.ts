import { badUserInput, listAdminActions, requireRole } from '@medappt/platform';
import type { QueryResolvers } from '../../generated/resolvers-types.ts';
import { listRecordAccess } from '../../repository/access-audit.ts';

const bounded = (first: number | null | undefined): number => {
  const size = first ?? 50;
  if (size < 1 || size > 500) throw badUserInput('first', 'must be between 1 and 500');
  return size;
};

export const recordAccessLog: NonNullable<QueryResolvers['recordAccessLog']> = (_p, args, ctx) => {
  requireRole(ctx.auth, 'ADMIN');
  return listRecordAccess(ctx.db, { patientId: args.patientId ?? null, viewerId: args.viewerId ?? null, first: bounded(args.first) });
};

export const patientsAdminLog: NonNullable<QueryResolvers['patientsAdminLog']> = (_p, args, ctx) => {
  requireRole(ctx.auth, 'ADMIN');
  return listAdminActions(ctx.db, { entityType: 'Patient', entityId: args.entityId ?? null, first: bounded(args.first) });
};
