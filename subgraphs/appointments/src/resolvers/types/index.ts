import type { ClinicResolvers, WaitlistEntryResolvers, AppointmentResolvers, AvailabilityResolvers, DoctorResolvers, PatientResolvers, SlotResolvers, SlotWindowResolvers, StatusChangeResolvers, TimeOffResolvers, UserResolvers } from '../../generated/resolvers-types.ts';
import { freeSlotsOf, localStartOf } from '../../slots.ts';
import { slotsOfWindow } from '../../slot-window.ts';
import { appointmentsOfPatient, clinicPendingRequests, clinicScheduleOf, maySee, partyDetail, pendingRequests, scheduleOf, visibleAppointment } from '../../views.ts';
import { managesHoursOf } from '../../working-hours.ts';
import { policyOfClinic } from '../../clinic-policy.ts';
import { waitlistOfPatient } from '../../waitlist.ts';

export const Slot: SlotResolvers = {
  doctor: (slot) => ({ id: slot.doctorId }),
  service: (slot) => ({ id: slot.serviceId }),
  clinic: (slot) => ({ id: slot.clinicId }),
};

export const SlotWindow: SlotWindowResolvers = {
  doctor: (w) => ({ id: w.doctorId }),
  service: (w) => (w.serviceId ? { id: w.serviceId } : null),
  slots: (w, _args, ctx) => slotsOfWindow(ctx.db, w, ctx.now()),
};

export const Doctor: DoctorResolvers = {
  freeSlots: (doctor, args, ctx) => freeSlotsOf(ctx.db, doctor.id, { ...args, now: ctx.now() }),
  schedule: (doctor, args, ctx) => scheduleOf(ctx, doctor.id, args.from, args.to),
  pendingRequests: (doctor, _args, ctx) => pendingRequests(ctx, doctor.id),
  availability: (doctor, _args, ctx) => ctx.loaders.availabilityOfDoctor.load(doctor.id),
};

export const Availability: AvailabilityResolvers = {
  timeOff: (availability, _args, ctx) => ctx.loaders.timeOffOfDoctor.load(availability.doctorId),
};

export const TimeOff: TimeOffResolvers = {
  start: (t) => t.startAt,
  end: (t) => t.endAt,
  // The period is public (it is why there are no slots); why the doctor is away is theirs.
  reason: (t, _args, ctx) => (managesHoursOf(ctx.auth.viewer, t.doctorId) ? t.reason : null),
};

export const Patient: PatientResolvers = {
  appointments: (patient, args, ctx) => appointmentsOfPatient(ctx, patient.id, { statuses: args.status ?? null, from: args.from ?? null, to: args.to ?? null }),
  waitlist: (patient, args, ctx) => waitlistOfPatient(ctx, patient.id, args.status),
};

export const User: UserResolvers = {
  waitlist: (user, args, ctx) => waitlistOfPatient(ctx, user.id, args.status),
};

export const Clinic: ClinicResolvers = {
  policy: (clinic, _args, ctx) => policyOfClinic(ctx, clinic.id, ctx.db),
  schedule: (clinic, args, ctx) => clinicScheduleOf(ctx, clinic.id, args.from, args.to),
  pendingRequests: (clinic, _args, ctx) => clinicPendingRequests(ctx, clinic.id),
};

export const WaitlistEntry: WaitlistEntryResolvers = {
  service: (e) => ({ id: e.serviceId }),
  doctor: (e) => (e.doctorId ? { id: e.doctorId } : null),
  from: (e) => e.windowStart,
  to: (e) => e.windowEnd,
  offeredDoctor: (e) => (e.offeredDoctorId ? { id: e.offeredDoctorId } : null),
  fulfilledAppointment: (e, _args, ctx) => (e.fulfilledAppointmentId ? visibleAppointment(ctx, e.fulfilledAppointmentId) : null),
};

export const Appointment: AppointmentResolvers = {
  __resolveReference: (reference, ctx) => visibleAppointment(ctx, reference.id),
  start: (a) => a.startAt,
  end: (a) => a.endAt,
  localStart: (a) => localStartOf(a.startAt, a.timeZone),
  doctor: (a) => ({ id: a.doctorId }),
  reason: (a, _args, ctx) => partyDetail(ctx, a, a.reason),
  patient: (a, _args, ctx) => partyDetail(ctx, a, { id: a.patientId }),
  service: (a) => ({ id: a.serviceId }),
  history: (a, _args, ctx) => (maySee(ctx, a) ? ctx.loaders.historyOf.load(a.id) : []),
};

export const StatusChange: StatusChangeResolvers = {
  from: (c) => c.fromStatus,
  to: (c) => c.toStatus,
  start: (c) => c.startAt,
};
