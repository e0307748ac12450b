import { requireRole } from '@medappt/platform';
import type { MutationResolvers } from '../../generated/resolvers-types.ts';

export const createUser: NonNullable<MutationResolvers['createUser']> = (_parent, { input }, ctx) => {
  const admin = requireRole(ctx.auth, 'ADMIN');
  return ctx.accounts.createUser(admin, input);
};
