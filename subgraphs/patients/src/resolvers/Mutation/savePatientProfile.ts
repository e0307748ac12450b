import type { MutationResolvers } from '../../generated/resolvers-types.ts';
import { savePatientProfile as save } from '../../use-cases/save-patient-profile.ts';

export const savePatientProfile: NonNullable<MutationResolvers['savePatientProfile']> = (_p, { input }, ctx) => save(ctx, input);
