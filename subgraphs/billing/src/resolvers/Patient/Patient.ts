import type { PatientResolvers } from '../../generated/resolvers-types.ts';
import { listPatientInvoices } from '../../use-cases/read-invoices.ts';

export const Patient: PatientResolvers = {
  __resolveReference: (ref) => ({ id: ref.id }),
  invoices: (patient, args, ctx) => listPatientInvoices(ctx, { patientId: patient.id, ...args }),
};
