import { requireRole } from '@medappt/platform';
import type { MutationResolvers } from '../../generated/resolvers-types.ts';
import { removeClinicPrice as remove } from '../../prices.ts';

export const removeClinicPrice: NonNullable<MutationResolvers['removeClinicPrice']> = (_parent, { clinicId, serviceId }, ctx) =>
  remove(ctx.db, requireRole(ctx.auth, 'ADMIN', 'STAFF'), clinicId, serviceId);
