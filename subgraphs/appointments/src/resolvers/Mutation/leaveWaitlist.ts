import type { MutationResolvers } from '../../generated/resolvers-types.ts';
import * as useCase from '../../use-cases/leave-waitlist.ts';

export const leaveWaitlist: NonNullable<MutationResolvers['leaveWaitlist']> = (_parent, args, ctx) => useCase.leaveWaitlist(ctx, args);
