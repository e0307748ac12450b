/** What the resolvers of each GraphQL type receive (codegen reads the `<Type>Mapper` names, adr/013). */
import type { AdminActionRow } from '@medappt/platform';
import type { AllergyRow, EmergencyContact, HistoryEntryRow, MedicationRow, PatientRow, RecordAccessRow } from './db/schema.ts';

export type PatientMapper = PatientRow;
export type HistoryEntryMapper = HistoryEntryRow;
export type AllergyMapper = AllergyRow;
export type MedicationMapper = MedicationRow;
export type RecordAccessMapper = RecordAccessRow;
export type AdminActionMapper = AdminActionRow;
export type EmergencyContactMapper = EmergencyContact;

/** A record the viewer was allowed to open (openMedicalRecord): its parts load from here. */
export interface MedicalRecordMapper {
  patientId: string;
}

/** An account of the users subgraph, known here by its id. */
export interface UserMapper {
  id: string;
}
