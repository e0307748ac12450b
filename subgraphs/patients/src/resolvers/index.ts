import { DateScalar, DateTimeScalar } from '@medappt/platform';
import type { Resolvers } from '../generated/resolvers-types.ts';
import { addAllergy, addHistoryEntry, addMedication, updateAllergy, updateHistoryEntry, updateMedication } from './Mutation/recordEntries.ts';
import { savePatientProfile } from './Mutation/savePatientProfile.ts';
import { patientsAdminLog, recordAccessLog } from './Query/logs.ts';
import { medicalRecord } from './Query/medicalRecord.ts';
import { myPatientProfile, patient } from './Query/patient.ts';
import { patients } from './Query/patients.ts';
import { AdminAction, Allergy, HistoryEntry, MedicalRecord, Medication } from './types/MedicalRecord.ts';
import { Patient, User } from './types/Patient.ts';

export const resolvers: Resolvers = {
  DateTime: DateTimeScalar,
  Date: DateScalar,
  Query: { patient, myPatientProfile, patients, medicalRecord, recordAccessLog, patientsAdminLog },
  Mutation: { savePatientProfile, addHistoryEntry, updateHistoryEntry, addAllergy, updateAllergy, addMedication, updateMedication },
  Patient,
  User,
  MedicalRecord,
  HistoryEntry,
  Allergy,
  Medication,
  AdminAction,
};
