import type { QueryResolvers } from '../../generated/resolvers-types.ts';
import { searchPatients } from '../../use-cases/search-patients.ts';

export const patients: NonNullable<QueryResolvers['patients']> = (_p, args, ctx) => searchPatients(ctx, args);
