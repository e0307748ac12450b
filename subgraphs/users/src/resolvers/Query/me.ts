import { requireViewer, unauthenticated } from '@medappt/platform';
import type { QueryResolvers } from '../../generated/resolvers-types.ts';

export const me: NonNullable<QueryResolvers['me']> = async (_parent, _args, ctx) => {
  const viewer = requireViewer(ctx.auth);
  const user = await ctx.loaders.userById.load(viewer.userId);
  // The same words as every other subgraph's revocation check, which may answer first.
  if (!user) throw unauthenticated('This account no longer exists.');
  if (user.disabledAt) throw unauthenticated('This account is disabled.');
  return user;
};
