import { openMedicalRecord, profileDetail, referencedProfile, visibleProfile } from '../../access.ts';
import type { PatientResolvers, UserResolvers } from '../../generated/resolvers-types.ts';

export const Patient: PatientResolvers = {
  __resolveReference: (reference, ctx, info) => referencedProfile(ctx, reference.id, info),
  user: (patient) => ({ id: patient.id }),
  dateOfBirth: (patient, _args, ctx) => profileDetail(ctx, patient, patient.dateOfBirth),
  sex: (patient, _args, ctx) => profileDetail(ctx, patient, patient.sex),
  phone: (patient, _args, ctx) => profileDetail(ctx, patient, patient.phone),
  email: (patient, _args, ctx) => profileDetail(ctx, patient, patient.email),
  emergencyContact: (patient, _args, ctx) => profileDetail(ctx, patient, patient.emergencyContact),
  medicalRecord: (patient, _args, ctx, info) => openMedicalRecord(ctx, patient.id, info),
};

export const User: UserResolvers = {
  patientProfile: (user, _args, ctx) => visibleProfile(ctx, user.id),
};
