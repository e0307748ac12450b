import { requireRole } from '@medappt/platform';
import { createClinic as create } from '../../clinics.ts';
import type { MutationResolvers } from '../../generated/resolvers-types.ts';

export const createClinic: NonNullable<MutationResolvers['createClinic']> = (_parent, { input }, ctx) =>
  create(ctx.db, requireRole(ctx.auth, 'ADMIN', 'STAFF'), input);
