import { openMedicalRecord } from '../../access.ts';
import type { QueryResolvers } from '../../generated/resolvers-types.ts';

export const medicalRecord: NonNullable<QueryResolvers['medicalRecord']> = (_p, { patientId }, ctx, info) => openMedicalRecord(ctx, patientId, info);
