import { describe, expect, it } from 'vitest';
import type { AppointmentStatus, Role } from '@medappt/platform';
import { careAccess, careStateAfter, type CareAppointment } from '../../src/domain/care-relation.ts';

const NOW = new Date('2026-06-01T12:00:00Z');
const DAY = 86_400_000;
const WINDOW = 90;
const daysFromNow = (days: number): Date => new Date(NOW.getTime() + days * DAY);
const appt = (status: AppointmentStatus, endInDays: number, requestedBy: Role | null = null): CareAppointment => ({
  status,
  endAt: daysFromNow(endInDays),
  requestedBy,
});

// [case, appointments of this doctor with this patient, profile, record]
const table: [string, CareAppointment[], boolean, boolean][] = [
  ['no appointment', [], false, false],
  ['the patient asked for a visit', [appt('REQUESTED', 3, 'PATIENT')], true, true],
  ['staff booked it, not yet confirmed', [appt('REQUESTED', 3, 'STAFF')], true, false],
  ['a request of unknown origin', [appt('REQUESTED', 3, null)], true, false],
  ["the patient's request whose time passed unapproved", [appt('REQUESTED', -1, 'PATIENT')], true, false],
  ['confirmed, ahead', [appt('CONFIRMED', 3, 'STAFF')], true, true],
  ['confirmed, ended 89 days ago (not closed)', [appt('CONFIRMED', -89)], true, true],
  ['confirmed, ended 91 days ago (not closed)', [appt('CONFIRMED', -91)], true, false],
  ['completed yesterday', [appt('COMPLETED', -1)], true, true],
  ['completed 89 days ago', [appt('COMPLETED', -89)], true, true],
  ['completed exactly 90 days ago', [appt('COMPLETED', -90)], false, false],
  ['completed 91 days ago', [appt('COMPLETED', -91)], false, false],
  ['no-show 30 days ago', [appt('NO_SHOW', -30)], true, true],
  ['no-show 120 days ago', [appt('NO_SHOW', -120)], false, false],
  ['declined', [appt('DECLINED', 3, 'PATIENT')], false, false],
  ['cancelled before the visit (was confirmed)', [appt('CANCELLED', 3, 'PATIENT')], false, false],
  ['only cancelled and declined ones', [appt('CANCELLED', 3), appt('DECLINED', 10)], false, false],
  ['an old visit, then a new confirmed one', [appt('COMPLETED', -400), appt('CONFIRMED', 7)], true, true],
  ['a recent visit, then a cancelled follow-up', [appt('COMPLETED', -10), appt('CANCELLED', 20)], true, true],
  ['an expired visit and a staff booking', [appt('COMPLETED', -200), appt('REQUESTED', 5, 'STAFF')], true, false],
];

describe('careAccess', () => {
  it.each(table)('%s', (_case, appointments, profile, record) => {
    expect(careAccess(appointments, NOW, WINDOW)).toEqual({ profile, record });
  });

  it('takes the window from configuration', () => {
    const visit = [appt('COMPLETED', -10)];
    expect(careAccess(visit, NOW, 7).record).toBe(false);
    expect(careAccess(visit, NOW, 14).record).toBe(true);
    expect(careAccess([appt('CONFIRMED', 1)], NOW, 0).record).toBe(true);
    expect(careAccess([appt('COMPLETED', -0.001)], NOW, 0).record).toBe(false);
  });
});

describe('careStateAfter: what an event leaves in the read model', () => {
  const [a, b] = ['00000000-0000-4000-8000-00000000000a', '00000000-0000-4000-8000-00000000000b'];
  it.each<[string, Parameters<typeof careStateAfter>[0], ReturnType<typeof careStateAfter>]>([
    ['a booking by the patient', { doctorId: a, status: 'REQUESTED', actorRole: 'PATIENT' }, { doctorId: a, status: 'REQUESTED', requestedBy: 'PATIENT' }],
    ['a confirmation keeps who asked', { doctorId: a, status: 'CONFIRMED', actorRole: 'DOCTOR' }, { doctorId: a, status: 'CONFIRMED', requestedBy: undefined }],
    [
      'a move within one doctor by staff',
      { doctorId: a, status: 'CONFIRMED', actorRole: 'STAFF', previousDoctorId: a },
      { doctorId: a, status: 'CONFIRMED', requestedBy: undefined },
    ],
    [
      'the patient moves it to another doctor',
      { doctorId: b, status: 'REQUESTED', actorRole: 'PATIENT', previousDoctorId: a },
      { doctorId: b, status: 'REQUESTED', requestedBy: 'PATIENT' },
    ],
    [
      'staff move it to another doctor',
      { doctorId: b, status: 'REQUESTED', actorRole: 'STAFF', previousDoctorId: a },
      { doctorId: b, status: 'REQUESTED', requestedBy: 'STAFF' },
    ],
    [
      'a doctor change that claims CONFIRMED is still only a request',
      { doctorId: b, status: 'CONFIRMED', actorRole: 'STAFF', previousDoctorId: a },
      { doctorId: b, status: 'REQUESTED', requestedBy: 'STAFF' },
    ],
  ])('%s', (_what, event, expected) => {
    expect(careStateAfter(event)).toEqual(expected);
  });

  it('leaves the previous doctor nothing from a moved appointment, and the new one what a request gives', () => {
    const moved = careStateAfter({ doctorId: b, status: 'REQUESTED', actorRole: 'STAFF', previousDoctorId: a });
    const rows = [{ ...moved, endAt: daysFromNow(3) }];
    expect(
      careAccess(
        rows.filter((r) => r.doctorId === a).map((r) => ({ ...r, requestedBy: r.requestedBy ?? null })),
        NOW,
        WINDOW,
      ),
    ).toEqual({ profile: false, record: false });
    expect(
      careAccess(
        rows.filter((r) => r.doctorId === b).map((r) => ({ ...r, requestedBy: r.requestedBy ?? null })),
        NOW,
        WINDOW,
      ),
    ).toEqual({ profile: true, record: false });
  });
});
