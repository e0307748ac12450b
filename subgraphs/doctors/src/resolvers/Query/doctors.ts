import type { QueryResolvers } from '../../generated/resolvers-types.ts';
import { searchDoctors } from '../../use-cases/search-doctors.ts';

export const doctors: NonNullable<QueryResolvers['doctors']> = (_parent, args, ctx) => searchDoctors(ctx, args);
