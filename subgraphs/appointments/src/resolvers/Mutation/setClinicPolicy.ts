import type { MutationResolvers } from '../../generated/resolvers-types.ts';
import * as useCase from '../../use-cases/set-clinic-policy.ts';

export const setClinicPolicy: NonNullable<MutationResolvers['setClinicPolicy']> = (_parent, { input }, ctx) => useCase.setClinicPolicy(ctx, input);
