import type { QueryResolvers } from '../../generated/resolvers-types.ts';
import { listClinics } from '../../repository/clinics.ts';

export const clinics: NonNullable<QueryResolvers['clinics']> = (_parent, _args, ctx) => listClinics(ctx.db);
