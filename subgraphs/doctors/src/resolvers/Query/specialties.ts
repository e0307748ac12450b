import type { QueryResolvers } from '../../generated/resolvers-types.ts';
import { findSpecialties } from '../../use-cases/find-specialties.ts';

export const specialties: NonNullable<QueryResolvers['specialties']> = (_parent, _args, ctx) => findSpecialties(ctx);
