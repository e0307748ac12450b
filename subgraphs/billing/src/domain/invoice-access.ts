/**
 * Who reads an invoice: its patient, the doctor of its visit, STAFF and ADMIN; nobody else (being
 * billed for a visit tells that one is someone's patient). Pure, for the table test.
 */
export interface InvoiceParties {
  readonly patientId: string;
  readonly doctorId: string;
}

export function mayReadInvoice(viewer: { userId: string; role: string }, invoice: InvoiceParties): boolean {
  switch (viewer.role) {
    case 'STAFF':
    case 'ADMIN':
      return true;
    case 'PATIENT':
      return invoice.patientId === viewer.userId;
    case 'DOCTOR':
      return invoice.doctorId === viewer.userId;
    default:
      return false;
  }
}

/** Whose invoices a viewer may list for a patient: all (staff, admin, the patient), their own visits' (a doctor), none. */
export function patientInvoiceScope(viewer: { userId: string; role: string }, patientId: string): { doctorId: string | null } | null {
  if (viewer.role === 'STAFF' || viewer.role === 'ADMIN') return { doctorId: null };
  if (viewer.role === 'PATIENT') return viewer.userId === patientId ? { doctorId: null } : null;
  if (viewer.role === 'DOCTOR') return { doctorId: viewer.userId };
  return null;
}
