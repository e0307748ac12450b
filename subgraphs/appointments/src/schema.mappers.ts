/**
 * What the resolvers of each type receive (codegen reads the `<Type>Mapper` exports, adr/013):
 * rows as drizzle selects them, read models as the use cases build them, and entities other
 * subgraphs own as their reference (the id).
 */
import type { AppointmentRow, AvailabilityRow, StatusChangeRow, TimeOffRow, WaitlistRow } from './db/schema.ts';
import type { EffectivePolicy } from './domain/clinic-policy-rules.ts';
import type { SlotUnavailableModel } from './use-cases/booking-terms.ts';
import type { SlotWindowModel } from './use-cases/open-slot-window.ts';
import type { SlotModel } from './use-cases/slot-search.ts';

/** An entity another subgraph owns (or this one extends), as this one knows it: by id. */
export interface EntityReference {
  id: string;
}

export type AppointmentMapper = AppointmentRow;
export type StatusChangeMapper = StatusChangeRow;
export type TimeOffMapper = TimeOffRow;
export type AvailabilityMapper = AvailabilityRow;
export type SlotMapper = SlotModel;
export type SlotWindowMapper = SlotWindowModel;
export type SlotUnavailableMapper = SlotUnavailableModel;
export type WaitlistEntryMapper = WaitlistRow;
export type ClinicPolicyMapper = EffectivePolicy;
export type DoctorMapper = EntityReference;
export type PatientMapper = EntityReference;
export type MedicalServiceMapper = EntityReference;
export type ClinicMapper = EntityReference;
export type UserMapper = EntityReference;
