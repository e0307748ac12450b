import type { PatientResolvers } from '../../generated/resolvers-types.ts';
import { openMedicalRecord } from '../../use-cases/open-medical-record.ts';
import { recordFieldsUnder, selectedFields } from '../../use-cases/patient-access.ts';
import { readProfileDetail } from '../../use-cases/read-profile-detail.ts';
import { resolvePatientReference } from '../../use-cases/resolve-patient-reference.ts';

export const Patient: PatientResolvers = {
  __resolveReference: (reference, ctx, info) => resolvePatientReference(ctx, { patientId: reference.id, recordFields: recordFieldsUnder(info) }),
  user: (patient) => ({ id: patient.id }),
  dateOfBirth: (patient, _args, ctx) => readProfileDetail(ctx, { patientId: patient.id, value: patient.dateOfBirth }),
  sex: (patient, _args, ctx) => readProfileDetail(ctx, { patientId: patient.id, value: patient.sex }),
  phone: (patient, _args, ctx) => readProfileDetail(ctx, { patientId: patient.id, value: patient.phone }),
  email: (patient, _args, ctx) => readProfileDetail(ctx, { patientId: patient.id, value: patient.email }),
  emergencyContact: (patient, _args, ctx) => readProfileDetail(ctx, { patientId: patient.id, value: patient.emergencyContact }),
  medicalRecord: (patient, _args, ctx, info) => openMedicalRecord(ctx, { patientId: patient.id, fields: selectedFields(info) }),
};
