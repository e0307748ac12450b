import { requireRole } from '@medappt/platform';
import { createService as create } from '../../catalogue.ts';
import type { MutationResolvers } from '../../generated/resolvers-types.ts';

export const createService: NonNullable<MutationResolvers['createService']> = (_parent, { input }, ctx) =>
  create(ctx.db, requireRole(ctx.auth, 'ADMIN', 'STAFF'), input);
