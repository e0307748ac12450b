import { requireRole } from '@medappt/platform';
import { updateService as update } from '../../catalogue.ts';
import type { MutationResolvers } from '../../generated/resolvers-types.ts';

export const updateService: NonNullable<MutationResolvers['updateService']> = (_parent, { id, input }, ctx) =>
  update(ctx.db, requireRole(ctx.auth, 'ADMIN', 'STAFF'), id, input);
