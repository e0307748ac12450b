import type { MutationResolvers } from '../../generated/resolvers-types.ts';
import * as useCase from '../../use-cases/join-waitlist.ts';

export const joinWaitlist: NonNullable<MutationResolvers['joinWaitlist']> = (_parent, { input }, ctx) => useCase.joinWaitlist(ctx, input);
