import type { MutationResolvers } from '../../generated/resolvers-types.ts';
import { savePatientProfile as save } from '../../profiles.ts';

export const savePatientProfile: NonNullable<MutationResolvers['savePatientProfile']> = (_p, { input }, ctx) => save(ctx, input);
