import type { InvoiceResolvers } from '../../generated/resolvers-types.ts';

const money = (amountCents: number, currency: string) => ({ amountCents, currency });

export const Invoice: InvoiceResolvers = {
  net: (row) => money(row.netCents, row.currency),
  tax: (row) => money(row.taxCents, row.currency),
  gross: (row) => money(row.grossCents, row.currency),
  balance: (row) => money(row.status === 'VOID' ? 0 : row.grossCents - row.paidCents, row.currency),
  lines: async (row, _args, ctx) => (await ctx.loaders.linesOfInvoice.load(row.id)).map((line) => ({ ...line, currency: row.currency })),
  payments: (row, _args, ctx) => ctx.loaders.paymentsOfInvoice.load(row.id),
  appointment: (row) => ({ id: row.appointmentId }),
  patient: (row) => ({ id: row.patientId }),
  clinic: (row) => ({ id: row.clinicId }),
  doctor: (row) => ({ id: row.doctorId }),
};
