import { isUuid, notFound, requireRole } from '@medappt/platform';
import type { MutationResolvers } from '../../generated/resolvers-types.ts';

export const enableUser: NonNullable<MutationResolvers['enableUser']> = (_parent, { id }, ctx) => {
  const admin = requireRole(ctx.auth, 'ADMIN');
  if (!isUuid(id)) throw notFound('User', id);
  return ctx.accounts.enableUser(admin, id.toLowerCase());
};
