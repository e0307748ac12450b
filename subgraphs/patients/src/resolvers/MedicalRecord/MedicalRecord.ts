import type { MedicalRecordResolvers } from '../../generated/resolvers-types.ts';

// Reached only through openMedicalRecord, which has checked and audited the read.
export const MedicalRecord: MedicalRecordResolvers = {
  history: (record, _args, ctx) => ctx.loaders.history.load(record.patientId),
  allergies: (record, _args, ctx) => ctx.loaders.allergies.load(record.patientId),
  medications: (record, _args, ctx) => ctx.loaders.medications.load(record.patientId),
};
