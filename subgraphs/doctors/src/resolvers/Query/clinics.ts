import type { QueryResolvers } from '../../generated/resolvers-types.ts';
import { listClinics } from '../../repository/clinics.ts';

export const clinics: NonNullable<QueryResolvers['clinics']> = (_parent, args, ctx) => listClinics(ctx.db, { includeInactive: args.includeInactive ?? false });
