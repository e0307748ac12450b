import { requireRole } from '@medappt/platform';
import { deactivateService as deactivate } from '../../catalogue.ts';
import type { MutationResolvers } from '../../generated/resolvers-types.ts';

export const deactivateService: NonNullable<MutationResolvers['deactivateService']> = (_parent, { id }, ctx) =>
  deactivate(ctx.db, requireRole(ctx.auth, 'ADMIN', 'STAFF'), id);
