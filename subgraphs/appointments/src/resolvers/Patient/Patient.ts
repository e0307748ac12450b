import type { PatientResolvers } from '../../generated/resolvers-types.ts';
import { listPatientAppointments } from '../../use-cases/list-patient-appointments.ts';
import { listWaitlist } from '../../use-cases/list-waitlist.ts';

export const Patient: PatientResolvers = {
  appointments: (patient, args, ctx) => listPatientAppointments(ctx, { ...args, patientId: patient.id }),
  waitlist: (patient, args, ctx) => listWaitlist(ctx, { ...args, patientId: patient.id }),
};
