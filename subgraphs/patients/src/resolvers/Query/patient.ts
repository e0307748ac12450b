import type { QueryResolvers } from '../../generated/resolvers-types.ts';
import { getPatient } from '../../use-cases/get-patient.ts';

export const patient: NonNullable<QueryResolvers['patient']> = (_p, args, ctx) => getPatient(ctx, args);
