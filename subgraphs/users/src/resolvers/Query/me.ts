import { requireViewer, unauthenticated } from '@medappt/platform';
import type { QueryResolvers } from '../../generated/resolvers-types.ts';

export const me: NonNullable<QueryResolvers['me']> = async (_parent, _args, ctx) => {
  const viewer = requireViewer(ctx.auth);
  const user = await ctx.loaders.userById.load(viewer.userId);
  if (!user || user.disabledAt) throw unauthenticated('This account no longer exists or is disabled.');
  return user;
};
