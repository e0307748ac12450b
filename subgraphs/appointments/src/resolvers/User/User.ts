import type { UserResolvers } from '../../generated/resolvers-types.ts';
import { listWaitlist } from '../../use-cases/list-waitlist.ts';

export const User: UserResolvers = {
  waitlist: (user, args, ctx) => listWaitlist(ctx, { ...args, patientId: user.id }),
};
