import type { QueryResolvers } from '../../generated/resolvers-types.ts';
import { getMyPatientProfile } from '../../use-cases/get-my-patient-profile.ts';

export const myPatientProfile: NonNullable<QueryResolvers['myPatientProfile']> = (_p, _args, ctx) => getMyPatientProfile(ctx);
