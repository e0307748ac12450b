import type { MutationResolvers } from '../../generated/resolvers-types.ts';
import * as useCase from '../../use-cases/start-registration.ts';

export const startRegistration: NonNullable<MutationResolvers['startRegistration']> = (_parent, { input }, ctx) => useCase.startRegistration(ctx, input);
