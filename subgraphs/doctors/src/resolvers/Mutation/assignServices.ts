import { requireRole } from '@medappt/platform';
import type { MutationResolvers } from '../../generated/resolvers-types.ts';
import { assignServices as assign } from '../../profiles.ts';

export const assignServices: NonNullable<MutationResolvers['assignServices']> = (_parent, { doctorId, serviceIds }, ctx) =>
  assign(ctx.db, requireRole(ctx.auth, 'ADMIN', 'STAFF'), doctorId, serviceIds);
