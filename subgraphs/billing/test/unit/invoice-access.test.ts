import { describe, expect, it } from 'vitest';
import { mayReadInvoice, patientInvoiceScope, roleReadsInvoices } from '../../src/domain/invoice-access.ts';

const issued = { patientId: 'pat', doctorId: 'doc', status: 'ISSUED' };
const draft = { ...issued, status: 'DRAFT' };

describe('who reads an invoice', () => {
  it.each([
    [{ userId: 'pat', role: 'PATIENT' }, true, false],
    [{ userId: 'other', role: 'PATIENT' }, false, false],
    [{ userId: 'doc', role: 'DOCTOR' }, true, false],
    [{ userId: 'other', role: 'DOCTOR' }, false, false],
    [{ userId: 'pat', role: 'DOCTOR' }, false, false],
    [{ userId: 'x', role: 'STAFF' }, true, true],
    [{ userId: 'x', role: 'ADMIN' }, false, false],
    [{ userId: 'pat', role: 'ADMIN' }, false, false],
  ])('%o: issued %s, draft %s', (viewer, readsIssued, readsDraft) => {
    expect(mayReadInvoice(viewer, issued)).toBe(readsIssued);
    expect(mayReadInvoice(viewer, draft)).toBe(readsDraft);
  });

  it.each([
    ['PATIENT', true],
    ['DOCTOR', true],
    ['STAFF', true],
    ['ADMIN', false],
    ['SOMEONE', false],
  ])('%s reads invoices at all: %s', (role, reads) => {
    expect(roleReadsInvoices(role)).toBe(reads);
  });

  it.each([
    [
      { userId: 'pat', role: 'PATIENT' },
      { doctorId: null, drafts: false },
    ],
    [{ userId: 'other', role: 'PATIENT' }, null],
    [
      { userId: 'doc', role: 'DOCTOR' },
      { doctorId: 'doc', drafts: false },
    ],
    [
      { userId: 'x', role: 'STAFF' },
      { doctorId: null, drafts: true },
    ],
    [{ userId: 'x', role: 'ADMIN' }, null],
  ])("a patient's list for %o: %o", (viewer, scope) => {
    expect(patientInvoiceScope(viewer, 'pat')).toEqual(scope);
  });
});
