/** What resolvers pass around where no table row fits. */
export interface MedicalRecordModel {
  patientId: string;
}
export interface UserReference {
  id: string;
}
