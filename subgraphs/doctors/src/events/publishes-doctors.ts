import {
  Topics,
  writeEvent,
  type ClinicPriceRemovedV1,
  type ClinicPriceSavedV1,
  type ClinicSavedV1,
  type DoctorSavedV1,
  type ServiceSavedV1,
} from '@medappt/platform';
import type { ClinicPriceRow, ClinicRow, DoctorRow, MedicalServiceRow } from '../db/schema.ts';
import type { DoctorsTx } from '../repository/db.ts';
import { serviceIdsOfDoctor } from '../repository/doctor-services.ts';

/**
 * What this subgraph publishes on doctors.events.v1: the whole current state of a clinic, service
 * or doctor after each change, keyed by its id, written to the outbox in the change's transaction.
 */

export async function clinicSaved(tx: DoctorsTx, clinic: ClinicRow): Promise<void> {
  const payload: ClinicSavedV1 = {
    clinicId: clinic.id,
    name: clinic.name,
    timeZone: clinic.timeZone,
    address: clinic.address,
    active: clinic.active,
    currency: clinic.currency,
    updatedAt: clinic.updatedAt.toISOString(),
  };
  await writeEvent(tx, Topics.doctors.name, { type: 'clinic.saved', key: clinic.id, payload });
}

export async function serviceSaved(tx: DoctorsTx, service: MedicalServiceRow): Promise<void> {
  const payload: ServiceSavedV1 = {
    serviceId: service.id,
    name: service.name,
    kind: service.kind,
    durationMinutes: service.durationMinutes,
    priceCents: service.priceCents,
    currency: service.currency,
    active: service.active,
    updatedAt: service.updatedAt.toISOString(),
  };
  await writeEvent(tx, Topics.doctors.name, { type: 'service.saved', key: service.id, payload });
}

/** Keyed by the clinic: its price changes stay in order with its clinic.saved (and so with its currency). */
export async function clinicPriceSaved(tx: DoctorsTx, entry: ClinicPriceRow): Promise<void> {
  const payload: ClinicPriceSavedV1 = {
    clinicId: entry.clinicId,
    serviceId: entry.serviceId,
    priceCents: entry.priceCents,
    currency: entry.currency,
    updatedAt: entry.updatedAt.toISOString(),
  };
  await writeEvent(tx, Topics.doctors.name, { type: 'clinic_price.saved', key: entry.clinicId, payload });
}

export async function clinicPriceRemoved(tx: DoctorsTx, entry: { clinicId: string; serviceId: string }, at: Date): Promise<void> {
  const payload: ClinicPriceRemovedV1 = { clinicId: entry.clinicId, serviceId: entry.serviceId, updatedAt: at.toISOString() };
  await writeEvent(tx, Topics.doctors.name, { type: 'clinic_price.removed', key: entry.clinicId, payload });
}

/** `serviceIds` lists every assigned service, active or not: whether a service is active travels in service.saved. */
export async function doctorSaved(tx: DoctorsTx, doctor: DoctorRow): Promise<void> {
  const payload: DoctorSavedV1 = {
    doctorId: doctor.id,
    name: doctor.name,
    specialties: doctor.specialties,
    clinicId: doctor.clinicId,
    active: doctor.active,
    serviceIds: await serviceIdsOfDoctor(tx, doctor.id),
    updatedAt: doctor.updatedAt.toISOString(),
  };
  await writeEvent(tx, Topics.doctors.name, { type: 'doctor.saved', key: doctor.id, payload });
}
