import { requireRole } from '@medappt/platform';
import { deactivateClinic as deactivate } from '../../clinics.ts';
import type { MutationResolvers } from '../../generated/resolvers-types.ts';

export const deactivateClinic: NonNullable<MutationResolvers['deactivateClinic']> = (_parent, { id }, ctx) =>
  deactivate(ctx.db, requireRole(ctx.auth, 'ADMIN', 'STAFF'), id);
