import { requireRole } from '@medappt/platform';
import type { MutationResolvers } from '../../generated/resolvers-types.ts';
import { createDoctor as create } from '../../profiles.ts';

export const createDoctor: NonNullable<MutationResolvers['createDoctor']> = (_parent, { input }, ctx) =>
  create(ctx.db, requireRole(ctx.auth, 'ADMIN', 'STAFF'), input);
