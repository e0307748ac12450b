import { describe, expect, it } from 'vitest';
import { mayReadInvoice, patientInvoiceScope, roleReadsInvoices } from '../../src/domain/invoice-access.ts';

const invoice = { patientId: 'pat', doctorId: 'doc' };

describe('who reads an invoice', () => {
  it.each([
    [{ userId: 'pat', role: 'PATIENT' }, true],
    [{ userId: 'other', role: 'PATIENT' }, false],
    [{ userId: 'doc', role: 'DOCTOR' }, true],
    [{ userId: 'other', role: 'DOCTOR' }, false],
    [{ userId: 'pat', role: 'DOCTOR' }, false],
    [{ userId: 'x', role: 'STAFF' }, true],
    [{ userId: 'x', role: 'ADMIN' }, false],
    [{ userId: 'pat', role: 'ADMIN' }, false],
  ])('%o: %s', (viewer, allowed) => {
    expect(mayReadInvoice(viewer, invoice)).toBe(allowed);
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
    [{ userId: 'pat', role: 'PATIENT' }, { doctorId: null }],
    [{ userId: 'other', role: 'PATIENT' }, null],
    [{ userId: 'doc', role: 'DOCTOR' }, { doctorId: 'doc' }],
    [{ userId: 'x', role: 'STAFF' }, { doctorId: null }],
    [{ userId: 'x', role: 'ADMIN' }, null],
  ])("a patient's list for %o: %o", (viewer, scope) => {
    expect(patientInvoiceScope(viewer, 'pat')).toEqual(scope);
  });
});
