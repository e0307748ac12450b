import type { MutationResolvers } from '../../generated/resolvers-types.ts';
import * as useCase from '../../use-cases/create-user.ts';

export const createUser: NonNullable<MutationResolvers['createUser']> = (_parent, { input }, ctx) => useCase.createUser(ctx, input);
