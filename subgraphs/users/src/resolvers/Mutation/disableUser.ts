import { notFound, requireRole } from '@medappt/platform';
import type { MutationResolvers } from '../../generated/resolvers-types.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const disableUser: NonNullable<MutationResolvers['disableUser']> = (_parent, { id }, ctx) => {
  const admin = requireRole(ctx.auth, 'ADMIN');
  if (!UUID.test(id)) throw notFound('User', id);
  return ctx.accounts.disableUser(admin, id);
};
