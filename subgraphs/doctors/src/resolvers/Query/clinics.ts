import type { QueryResolvers } from '../../generated/resolvers-types.ts';
import { findClinics } from '../../use-cases/find-clinics.ts';

export const clinics: NonNullable<QueryResolvers['clinics']> = (_parent, args, ctx) => findClinics(ctx, args);
