/**
 * Who reads an invoice: its patient, the doctor of its visit, and STAFF; nobody else (being billed
 * for a visit tells that one is someone's patient). ADMIN administers accounts and, as everywhere on
 * the platform, does not see who is whose patient, so it reads no invoice at all. A draft is the
 * clinic's work in progress: only STAFF see it; to its patient and doctor it does not exist yet.
 * Pure, for the table test.
 */
export interface InvoiceParties {
  readonly patientId: string;
  readonly doctorId: string;
  readonly status: string;
}

type Viewer = { userId: string; role: string };

/** Whether the role reads any invoice at all: a refusal that depends on nothing but the role tells nothing about an id. */
export const roleReadsInvoices = (role: string): boolean => role === 'STAFF' || role === 'PATIENT' || role === 'DOCTOR';

export const seesDrafts = (role: string): boolean => role === 'STAFF';

export function mayReadInvoice(viewer: Viewer, invoice: InvoiceParties): boolean {
  if (invoice.status === 'DRAFT' && !seesDrafts(viewer.role)) return false;
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
  readonly drafts: boolean;
}

/** Which of a patient's invoices a viewer may list: all (staff), all but drafts (the patient), their own visits' but drafts (a doctor), none (null). */
export function patientInvoiceScope(viewer: Viewer, patientId: string): PatientInvoiceScope | null {
  if (viewer.role === 'STAFF') return { doctorId: null, drafts: true };
  if (viewer.role === 'PATIENT') return viewer.userId === patientId ? { doctorId: null, drafts: false } : null;
  if (viewer.role === 'DOCTOR') return { doctorId: viewer.userId, drafts: false };
  return null;
}
