import type { QueryResolvers } from '../../generated/resolvers-types.ts';
import { openMedicalRecord } from '../../use-cases/open-medical-record.ts';
import { selectedFields } from '../../use-cases/patient-access.ts';

export const medicalRecord: NonNullable<QueryResolvers['medicalRecord']> = (_p, { patientId }, ctx, info) =>
  openMedicalRecord(ctx, { patientId, fields: selectedFields(info) });
