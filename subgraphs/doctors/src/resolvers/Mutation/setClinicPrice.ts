import { requireRole } from '@medappt/platform';
import type { MutationResolvers } from '../../generated/resolvers-types.ts';
import { setClinicPrice as set } from '../../prices.ts';

export const setClinicPrice: NonNullable<MutationResolvers['setClinicPrice']> = (_parent, { clinicId, serviceId, price }, ctx) =>
  set(ctx.db, requireRole(ctx.auth, 'ADMIN', 'STAFF'), clinicId, serviceId, price);
