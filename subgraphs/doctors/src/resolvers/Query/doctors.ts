import { doctorDirectoryPage } from '../../directory.ts';
import type { QueryResolvers } from '../../generated/resolvers-types.ts';

export const doctors: NonNullable<QueryResolvers['doctors']> = (_parent, args, ctx) => doctorDirectoryPage(ctx.db, args);
