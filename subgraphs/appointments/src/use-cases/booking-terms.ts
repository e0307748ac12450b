import { notFound, rejectProblems } from '@medappt/platform';
import { problem } from '@medappt/platform/domain';
import type { AppointmentsContext } from '../context.ts';
import type { AppointmentRow } from '../db/schema.ts';
import { blockedInterval, type Availability } from '../domain/availability.ts';
import { DAY_MS } from '../domain/calendar.ts';
import { explainUnbookableStart } from '../domain/validation.ts';
import { effectivePolicy } from '../domain/clinic-policy-rules.ts';
import { bookingInputs } from '../repository/slot-search-inputs.ts';
import { alternativesFor, type SlotModel } from './slot-search.ts';

/** What booking and rescheduling share: the terms a time is taken on, and the answer when it is gone. */

export interface SlotUnavailableModel {
  __typename: 'SlotUnavailable';
  message: string;
  requestedStart: Date;
  alternatives: SlotModel[];
}
export type BookingOutcome = (AppointmentRow & { __typename: 'Appointment' }) | SlotUnavailableModel;

export interface Wanted {
  doctorId: string;
  serviceId: string;
  start: Date;
}

/** Where the wanted time was written: under `at` (`input` for a booking, the arguments themselves for a move). */
export interface WantedFields {
  at?: string;
  /** Blamed when the doctor does not offer the service. */
  offer: 'serviceId' | 'doctorId';
}

/**
 * What a booking at `start` needs, checked in the order a person would fix them, read in one
 * round trip; `blockedNow` says whether the time was already taken at that read.
 */
export async function bookingTerms(ctx: AppointmentsContext, wanted: Wanted, fields: WantedFields) {
  const refuse = (field: string, message: string): never => {
    rejectProblems([problem(field, message)], fields.at);
    throw new Error('rejectProblems returned with a problem');
  };
  const around = { from: new Date(wanted.start.getTime() - DAY_MS), to: new Date(wanted.start.getTime() + DAY_MS) };
  const inputs = await bookingInputs(ctx.db, wanted, around);
  const { service, doctor, hours } = inputs;
  if (!service || !service.active) throw notFound('Medical service', wanted.serviceId);
  if (!doctor || !doctor.active) throw notFound('Doctor', wanted.doctorId);
  if (!doctor.serviceIds.includes(service.id)) refuse(fields.offer, `${doctor.name} does not offer ${service.name}`);
  if (!hours) return refuse('doctorId', `${doctor.name} has not published working hours yet`);
  const clinic = effectivePolicy(doctor.clinicId, inputs.clinicPolicy, ctx.policy);
  const availability: Availability = {
    ...hours,
    minimumNoticeMinutes: Math.max(hours.minimumNoticeMinutes, clinic.minimumNoticeMinutes),
    timeOff: inputs.timeOff.map(([start, end]) => ({ start: new Date(start), end: new Date(end) })),
  };
  const unbookable = explainUnbookableStart({ start: wanted.start, availability, slotMinutes: service.durationMinutes, now: ctx.now() });
  if (unbookable) rejectProblems([unbookable], fields.at);
  const end = new Date(wanted.start.getTime() + service.durationMinutes * 60_000);
  return { service, doctor, availability, end, blocked: blockedInterval({ start: wanted.start, end }, availability), blockedNow: inputs.blocked === true };
}

/**
 * How long the losers of one slot share its alternatives: 200 clients on 20 slots were 180
 * searches of the same few answers. A shared answer is at most this old, like one that raced a
 * booking on its way back, and never one computed for a clock reading this far from the asker's
 * (tests move `now`).
 */
export const ALTERNATIVES_SHARED_MS = 1000;

export async function slotUnavailable(ctx: AppointmentsContext, wanted: Wanted): Promise<SlotUnavailableModel> {
  const now = ctx.now();
  const key = [wanted.doctorId, wanted.serviceId, wanted.start.toISOString()].join('|');
  return {
    __typename: 'SlotUnavailable',
    message: 'That time was just taken or is no longer free. Choose one of the alternatives.',
    requestedStart: wanted.start,
    alternatives: await ctx.shared.alternatives.get(key, () => alternativesFor(ctx.db, { ...wanted, now }), now.getTime()),
  };
}
