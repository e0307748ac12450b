import { requireRole } from '@medappt/platform';
import type { MutationResolvers } from '../../generated/resolvers-types.ts';
import { unassignService as unassign } from '../../profiles.ts';

export const unassignService: NonNullable<MutationResolvers['unassignService']> = (_parent, { doctorId, serviceId }, ctx) =>
  unassign(ctx.db, requireRole(ctx.auth, 'ADMIN', 'STAFF'), doctorId, serviceId);
