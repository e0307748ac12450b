import { requireRole } from '@medappt/platform';
import { updateClinic as update } from '../../clinics.ts';
import type { MutationResolvers } from '../../generated/resolvers-types.ts';

export const updateClinic: NonNullable<MutationResolvers['updateClinic']> = (_parent, { id, input }, ctx) =>
  update(ctx.db, requireRole(ctx.auth, 'ADMIN', 'STAFF'), id, input);
