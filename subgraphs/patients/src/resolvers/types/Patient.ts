import { openMedicalRecord, visibleProfile } from '../../access.ts';
import type { PatientResolvers, UserResolvers } from '../../generated/resolvers-types.ts';

export const Patient: PatientResolvers = {
  __resolveReference: (reference, ctx) => visibleProfile(ctx, reference.id),
  user: (patient) => ({ id: patient.id }),
  medicalRecord: (patient, _args, ctx, info) => openMedicalRecord(ctx, patient.id, info),
};

export const User: UserResolvers = {
  patientProfile: (user, _args, ctx) => visibleProfile(ctx, user.id),
};
