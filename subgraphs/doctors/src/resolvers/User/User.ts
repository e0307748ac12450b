import type { UserResolvers } from '../../generated/resolvers-types.ts';

export const User: UserResolvers = {
  // Same id by design (docs/adr/005): the profile is looked up by the account id itself.
  doctorProfile: (user, _args, ctx) => ctx.loaders.doctorById.load(user.id),
};
