import { describe, expect, it } from 'vitest';
import { commentFor, hiddenReasonFor, mayReadFeedback, visitMonth, type Reader } from '../../src/domain/feedback-visibility.ts';

const patientId = '11111111-1111-4111-8111-111111111111';
const doctorId = '22222222-2222-4222-8222-222222222222';
const READERS: Record<string, Reader | null> = {
  anonymous: null,
  'the patient': { userId: patientId, role: 'PATIENT' },
  'another patient': { userId: '33333333-3333-4333-8333-333333333333', role: 'PATIENT' },
  'the doctor': { userId: doctorId, role: 'DOCTOR' },
  'another doctor': { userId: '44444444-4444-4444-8444-444444444444', role: 'DOCTOR' },
  staff: { userId: '55555555-5555-4555-8555-555555555555', role: 'STAFF' },
  admin: { userId: '66666666-6666-4666-8666-666666666666', role: 'ADMIN' },
};
const shown = { patientId, doctorId, comment: 'Kind.', hiddenAt: null, hiddenReason: null };
const hidden = { ...shown, comment: 'Abuse.', hiddenAt: new Date('2026-11-02T00:00:00Z'), hiddenReason: 'insults' };

describe('who reads a visit feedback, and what of it', () => {
  it.each([
    // reader, may read, comment shown, comment when hidden, hidden reason
    ['anonymous', false, 'Kind.', null, null],
    ['the patient', true, 'Kind.', 'Abuse.', null],
    ['another patient', false, 'Kind.', null, null],
    ['the doctor', true, 'Kind.', null, null],
    ['another doctor', false, 'Kind.', null, null],
    ['staff', true, 'Kind.', 'Abuse.', 'insults'],
    ['admin', false, 'Kind.', null, null],
  ])('%s', (reader, may, comment, hiddenComment, reason) => {
    const who = READERS[reader]!;
    expect(mayReadFeedback(who, shown)).toBe(may);
    expect(commentFor(who, shown)).toBe(comment);
    expect(commentFor(who, hidden)).toBe(hiddenComment);
    expect(hiddenReasonFor(who, hidden)).toBe(reason);
  });
});

describe('visitMonth', () => {
  it.each([
    ['2026-11-15T10:00:00Z', 'Europe/Berlin', '2026-11'],
    // 23:30 UTC on 30 November is already December in Berlin, still November in New York.
    ['2026-11-30T23:30:00Z', 'Europe/Berlin', '2026-12'],
    ['2026-12-01T03:00:00Z', 'America/New_York', '2026-11'],
    ['2026-12-31T23:59:00Z', 'UTC', '2026-12'],
    ['2026-12-31T23:59:00Z', 'Not/AZone', '2026-12'],
  ])('%s in %s → %s', (startAt, zone, month) => {
    expect(visitMonth(new Date(startAt), zone)).toBe(month);
  });
});
