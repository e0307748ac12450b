import type { MutationResolvers } from '../../generated/resolvers-types.ts';
import * as useCase from '../../use-cases/disable-user.ts';

export const disableUser: NonNullable<MutationResolvers['disableUser']> = (_parent, args, ctx) => useCase.disableUser(ctx, args);
