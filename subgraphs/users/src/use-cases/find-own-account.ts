import { requireViewer, unauthenticated } from '@medappt/platform';
import type { UsersContext } from '../context.ts';
import type { UserRow } from '../db/schema.ts';

/** The signed-in account itself. */
export async function findOwnAccount(ctx: UsersContext): Promise<UserRow> {
  const viewer = requireViewer(ctx.auth);
  const user = await ctx.loaders.userById.load(viewer.userId);
  // The same words as every other subgraph's revocation check, which may answer first.
  if (!user) throw unauthenticated('This account no longer exists.');
  if (user.disabledAt) throw unauthenticated('This account is disabled.');
  return user;
}
