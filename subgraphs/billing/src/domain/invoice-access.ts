/**
 * Who reads an invoice: its patient, the doctor of its visit, and STAFF; nobody else (being billed
 * for a visit tells that one is someone's patient). ADMIN administers accounts and, as everywhere on
 * the platform, does not see who is whose patient, so it reads no invoice at all. Pure, for the
 * table test.
 */
export interface InvoiceParties {
  readonly patientId: string;
  readonly doctorId: string;
}

type Viewer = { userId: string; role: string };

/** Whether the role reads any invoice at all: a refusal that depends on nothing but the role tells nothing about an id. */
export const roleReadsInvoices = (role: string): boolean => role === 'STAFF' || role === 'PATIENT' || role === 'DOCTOR';

export function mayReadInvoice(viewer: Viewer, invoice: InvoiceParties): boolean {
  switch (viewer.role) {
    case 'STAFF':
      return true;
    case 'PATIENT':
      return invoice.patientId === viewer.userId;
    case 'DOCTOR':
      return invoice.doctorId === viewer.userId;
    default:
      return false;
  }
}

export interface PatientInvoiceScope {
  /** Only this doctor's visits (a doctor), or all (null). */
  readonly doctorId: string | null;
}

/** Which of a patient's invoices a viewer may list: all (staff, the patient), their own visits' (a doctor), none (null). */
export function patientInvoiceScope(viewer: Viewer, patientId: string): PatientInvoiceScope | null {
  if (viewer.role === 'STAFF') return { doctorId: null };
  if (viewer.role === 'PATIENT') return viewer.userId === patientId ? { doctorId: null } : null;
  if (viewer.role === 'DOCTOR') return { doctorId: viewer.userId };
  return null;
}
