import { isUuid, notFound, requireRole } from '@medappt/platform';
import type { MutationResolvers } from '../../generated/resolvers-types.ts';

export const setUserRole: NonNullable<MutationResolvers['setUserRole']> = (_parent, { id, role }, ctx) => {
  const admin = requireRole(ctx.auth, 'ADMIN');
  if (!isUuid(id)) throw notFound('User', id);
  return ctx.accounts.setUserRole(admin, id.toLowerCase(), role);
};
