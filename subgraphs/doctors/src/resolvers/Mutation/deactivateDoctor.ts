import { requireRole } from '@medappt/platform';
import type { MutationResolvers } from '../../generated/resolvers-types.ts';
import { deactivateDoctor as deactivate } from '../../profiles.ts';

export const deactivateDoctor: NonNullable<MutationResolvers['deactivateDoctor']> = (_parent, { id }, ctx) =>
  deactivate(ctx.db, requireRole(ctx.auth, 'ADMIN', 'STAFF'), id);
