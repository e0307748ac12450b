import { badUserInput, isUuid, notFound } from '@medappt/platform';
import type { ClinicRow, MedicalServiceRow } from '../db/schema.ts';
import { findClinicForUpdate } from '../repository/clinics.ts';
import type { DoctorsTx } from '../repository/db.ts';
import { findMedicalServicesByIds } from '../repository/medical-services.ts';

/** The step the price-list use cases share: the clinic (locked: its currency cannot change under the entry) and the service, or NOT_FOUND naming what is missing. */
export async function clinicAndService(tx: DoctorsTx, clinicId: string, serviceId: string): Promise<{ clinic: ClinicRow; service: MedicalServiceRow }> {
  if (!isUuid(clinicId)) throw badUserInput('clinicId', 'must be a clinic id');
  if (!isUuid(serviceId)) throw badUserInput('serviceId', 'must be a medical service id');
  const clinic = await findClinicForUpdate(tx, clinicId);
  if (!clinic) throw notFound('Clinic', clinicId);
  const [service] = await findMedicalServicesByIds(tx, [serviceId]);
  if (!service) throw notFound('Medical service', serviceId);
  return { clinic, service };
}
