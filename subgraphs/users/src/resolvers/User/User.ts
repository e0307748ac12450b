import type { UserResolvers } from '../../generated/resolvers-types.ts';

export const User: UserResolvers = {
  __resolveReference: (reference, ctx) => ctx.loaders.userById.load(reference.id),
  disabled: (user) => user.disabledAt !== null,
  // Email is personal data: only the account itself, staff and admins see it. The user inside an
  // AuthPayload is the one who just proved who they are, though their token is not sent yet.
  email: (user, _args, ctx, info) => {
    if (info.path.prev?.typename === 'AuthPayload') return user.email;
    const viewer = ctx.auth.viewer;
    if (!viewer) return null;
    return viewer.userId === user.id || viewer.role === 'STAFF' || viewer.role === 'ADMIN' ? user.email : null;
  },
};
