import { describe, expect, it } from 'vitest';
import { accountWithRole, errorCodes, eventually, book, freeSlots, seed, type BookAppointmentInput } from '@medappt/testkit';
import { DEFAULT_CARE_ACCESS_DAYS } from '../src/domain/care-relation.ts';
import { appointmentEvent, c, patientWithProfile, readRecord, untilConsumed, untilDoctorMayRead } from './fixtures.ts';

const DAY = 86_400_000;
// Beyond the patient cutoff (24 h), so staff cancel without an override.
const inThreeDays = (): Date => new Date(Date.now() + 3 * DAY);

async function booked(token: string, input: BookAppointmentInput): Promise<string> {
  const result = await book(token, input);
  const appointment = result.data?.bookAppointment;
  if (appointment?.__typename !== 'Appointment') throw new Error(JSON.stringify(result));
  return appointment.id;
}

const untilRefused = (patientId: string, doctorToken: string): Promise<true> =>
  eventually(async () => (errorCodes(await readRecord(patientId, doctorToken))[0] === 'FORBIDDEN' ? true : undefined));

describe('record access follows care, through the router', () => {
  it('a staff booking opens nothing; the confirmation does; a cancellation before the visit closes it again', async () => {
    const p = await seed.practice();
    const patient = await patientWithProfile();
    const pid = patient.user.id;
    const [slot] = await freeSlots(p, inThreeDays());
    const id = await booked(p.staff.accessToken, { doctorId: p.doctorId, serviceId: p.serviceId, start: slot!.start, patientId: pid });
    await untilConsumed(id);

    const refused = await readRecord(pid, p.doctor.accessToken);
    expect(errorCodes(refused)).toEqual(['FORBIDDEN']);
    expect(refused.errors?.[0]?.message).toBe('You are not allowed to read this medical record.');
    // The doctor still sees who asked for their time, to decide the request.
    const pending = await c.call<{ doctor: { pendingRequests: { id: string; patient: { name: string } | null }[] } }>(
      'query($d: ID!) { doctor(id: $d) { pendingRequests { id patient { name } } } }',
      { d: p.doctorId },
      { token: p.doctor.accessToken },
    );
    expect(pending.errors).toBeUndefined();
    expect(pending.data?.doctor.pendingRequests).toEqual([{ id, patient: { name: 'Pat Ient' } }]);

    const approved = await c.call('mutation($id: ID!) { approveAppointment(id: $id) { status } }', { id }, { token: p.doctor.accessToken });
    expect(approved.errors).toBeUndefined();
    await untilDoctorMayRead(pid, p.doctor.accessToken);

    const cancelled = await c.call(
      'mutation($id: ID!) { cancelAppointment(id: $id, reason: "patient moved away") { status } }',
      { id },
      { token: p.staff.accessToken },
    );
    expect(cancelled.errors).toBeUndefined();
    await untilRefused(pid, p.doctor.accessToken);
    // The cancelled visit stays on the doctor's schedule, without the patient: FORBIDDEN at that place, not a silent null.
    const schedule = await c.call<{ doctor: { schedule: { id: string; patient: { name: string } | null }[] } }>(
      'query($d: ID!, $f: DateTime!, $t: DateTime!) { doctor(id: $d) { schedule(from: $f, to: $t) { id status patient { id name } } } }',
      { d: p.doctorId, f: new Date().toISOString(), t: new Date(Date.now() + 14 * DAY).toISOString() },
      { token: p.doctor.accessToken },
    );
    expect(schedule.errors?.map((e) => [e.extensions?.['code'], e.path])).toEqual([['FORBIDDEN', ['doctor', 'schedule', 0, 'patient']]]);
    expect(schedule.data?.doctor.schedule).toEqual([{ id, status: 'CANCELLED', patient: null }]);

    // A record asked for through that refused reference is still an audited attempt.
    const through = await c.call(
      'query($d: ID!, $f: DateTime!, $t: DateTime!) { doctor(id: $d) { schedule(from: $f, to: $t) { id patient { medicalRecord { allergies { id } } } } } }',
      { d: p.doctorId, f: new Date().toISOString(), t: new Date(Date.now() + 14 * DAY).toISOString() },
      { token: p.doctor.accessToken },
    );
    expect(errorCodes(through)).toEqual(['FORBIDDEN']);
    const admin = await accountWithRole('ADMIN');
    const log = await c.call<{ recordAccessLog: { viewerId: string; fields: string[]; allowed: boolean; reason: string; requestId: string }[] }>(
      'query($id: ID) { recordAccessLog(patientId: $id, first: 1) { viewerId fields allowed reason requestId } }',
      { id: pid },
      { token: admin.accessToken },
    );
    expect(log.data?.recordAccessLog).toEqual([
      { viewerId: p.doctor.user.id, fields: ['allergies'], allowed: false, reason: 'may not see this patient', requestId: through.requestId },
    ]);
  });

  it("the patient's own request lets the doctor read the record while it waits; declining it ends that", async () => {
    const p = await seed.practice();
    const patient = await patientWithProfile();
    const pid = patient.user.id;
    const [slot] = await freeSlots(p, inThreeDays());
    const id = await booked(patient.accessToken, { doctorId: p.doctorId, serviceId: p.serviceId, start: slot!.start, reason: 'Headaches' });
    await untilDoctorMayRead(pid, p.doctor.accessToken);

    const other = await accountWithRole('DOCTOR');
    expect(errorCodes(await readRecord(pid, other.accessToken))).toEqual(['FORBIDDEN']);

    await c.call('mutation($id: ID!) { declineAppointment(id: $id, reason: "not my specialty") { status } }', { id }, { token: p.doctor.accessToken });
    await untilRefused(pid, p.doctor.accessToken);
  });

  it("a move to another doctor ends the old doctor's access from it and is a fresh request for the new one: the record opens only when the patient moved it", async () => {
    const p = await seed.practice();
    const second = await seed.colleague(p);
    const third = await seed.colleague(p);
    const patient = await patientWithProfile();
    const pid = patient.user.id;
    const [slot] = await freeSlots(p, inThreeDays());
    const id = await booked(patient.accessToken, { doctorId: p.doctorId, serviceId: p.serviceId, start: slot!.start });
    await c.call('mutation($id: ID!) { approveAppointment(id: $id) { status } }', { id }, { token: p.doctor.accessToken });
    await untilDoctorMayRead(pid, p.doctor.accessToken);

    const MOVE = 'mutation($id: ID!, $s: DateTime!, $d: ID) { rescheduleAppointment(id: $id, start: $s, doctorId: $d) { ... on Appointment { status } } }';
    const moveTo = async (doctor: { doctorId: string }, token: string, pick: number): Promise<string | undefined> => {
      const slots = await freeSlots({ ...p, doctorId: doctor.doctorId }, inThreeDays());
      const result = await c.call<{ rescheduleAppointment: { status: string } }>(MOVE, { id, s: slots[pick]!.start, d: doctor.doctorId }, { token });
      expect(result.errors).toBeUndefined();
      return result.data?.rescheduleAppointment.status;
    };

    // The patient asks the second doctor: they read the record to judge it; the first no longer can.
    expect(await moveTo(second, patient.accessToken, 1)).toBe('REQUESTED');
    await untilRefused(pid, p.doctor.accessToken);
    await untilDoctorMayRead(pid, second.doctor.accessToken);

    // Staff hand it on to a third: a staff request opens no record, and the second loses theirs.
    expect(await moveTo(third, p.staff.accessToken, 2)).toBe('REQUESTED');
    await untilRefused(pid, second.doctor.accessToken);
    expect(errorCodes(await readRecord(pid, third.doctor.accessToken))).toEqual(['FORBIDDEN']);
    // The third sees who asked for their time, and confirming it opens the record.
    const pending = await c.call<{ doctor: { pendingRequests: { id: string; patient: { name: string } | null }[] } }>(
      'query($d: ID!) { doctor(id: $d) { pendingRequests { id patient { name } } } }',
      { d: third.doctorId },
      { token: third.doctor.accessToken },
    );
    expect(pending.data?.doctor.pendingRequests).toEqual([{ id, patient: { name: 'Pat Ient' } }]);
    await c.call('mutation($id: ID!) { approveAppointment(id: $id) { status } }', { id }, { token: third.doctor.accessToken });
    await untilDoctorMayRead(pid, third.doctor.accessToken);
    expect(errorCodes(await readRecord(pid, p.doctor.accessToken))).toEqual(['FORBIDDEN']);
  });

  it(`keeps access for ${DEFAULT_CARE_ACCESS_DAYS} days after the last visit (CARE_ACCESS_DAYS), then ends it`, async () => {
    const patient = await patientWithProfile();
    const pid = patient.user.id;
    const [recent, lapsed] = [await accountWithRole('DOCTOR'), await accountWithRole('DOCTOR')];
    const a = await appointmentEvent(recent.user.id, pid, 'COMPLETED', { endAt: new Date(Date.now() - (DEFAULT_CARE_ACCESS_DAYS - 1) * DAY) });
    const b = await appointmentEvent(lapsed.user.id, pid, 'NO_SHOW', { endAt: new Date(Date.now() - (DEFAULT_CARE_ACCESS_DAYS + 1) * DAY) });
    await Promise.all([untilConsumed(a), untilConsumed(b)]);

    expect((await readRecord(pid, recent.accessToken)).data?.medicalRecord).toBeDefined();
    expect(errorCodes(await readRecord(pid, lapsed.accessToken))).toEqual(['FORBIDDEN']);
    // Its profile is gone with it: the lapsed doctor no longer sees who the patient is.
    const profile = await c.call('query($id: ID!) { patient(id: $id) { name } }', { id: pid }, { token: lapsed.accessToken });
    expect(errorCodes(profile)).toEqual(['FORBIDDEN']);
  });
});
