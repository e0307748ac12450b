import type { UserResolvers } from '../../generated/resolvers-types.ts';
import { findVisibleProfile } from '../../use-cases/find-visible-profile.ts';

export const User: UserResolvers = {
  patientProfile: (user, _args, ctx) => findVisibleProfile(ctx, { patientId: user.id }),
};
