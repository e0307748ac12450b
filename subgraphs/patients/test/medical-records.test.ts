import { describe, expect, it } from 'vitest';
import { errorCodes } from '@medappt/testkit';
import { RECORD, accountWithRole, appointmentEvent, c, patientWithProfile, readRecord, untilConsumed, untilDoctorMayRead } from './fixtures.ts';

const addAllergy = (patientId: string, token: string, input: Record<string, unknown> = { substance: 'Penicillin', reaction: 'rash', severity: 'SEVERE' }) =>
  c.call<{ addAllergy: { id: string } }>(
    'mutation($p: ID!, $i: AllergyInput!) { addAllergy(patientId: $p, input: $i) { id substance author { id } } }',
    { p: patientId, i: input },
    { token },
  );

describe('medical records (PHI)', () => {
  it('follows the care relation from appointment events, for every role', async () => {
    const patient = await patientWithProfile();
    const treating = await accountWithRole('DOCTOR');
    const stranger = await accountWithRole('DOCTOR');
    const otherPatient = await patientWithProfile();
    const staff = await accountWithRole('STAFF');
    const admin = await accountWithRole('ADMIN');
    const pid = patient.user.id;

    // Before any appointment, no doctor may touch the record.
    expect(errorCodes(await addAllergy(pid, treating.accessToken))).toEqual(['FORBIDDEN']);

    await appointmentEvent(treating.user.id, pid, 'REQUESTED');
    await untilDoctorMayRead(pid, treating.accessToken);

    const added = await addAllergy(pid, treating.accessToken);
    expect(added.errors).toBeUndefined();
    expect(added.data?.addAllergy).toMatchObject({ substance: 'Penicillin', author: { id: treating.user.id } });

    const own = await readRecord(pid, patient.accessToken);
    expect(own.data?.medicalRecord.allergies).toEqual([expect.objectContaining({ substance: 'Penicillin', severity: 'SEVERE' })]);
    expect((await readRecord(pid, treating.accessToken)).data?.medicalRecord.allergies).toHaveLength(1);

    for (const [who, token] of [
      ['another patient', otherPatient.accessToken],
      ['an unrelated doctor', stranger.accessToken],
      ['staff', staff.accessToken],
      ['an admin', admin.accessToken],
    ] as const) {
      const denied = await readRecord(pid, token);
      expect(errorCodes(denied), who).toEqual(['FORBIDDEN']);
      expect(denied.errors?.[0]?.message, who).toBe('You are not allowed to read this medical record.');
      expect(JSON.stringify(denied), who).not.toContain('Penicillin');
    }
    expect(errorCodes(await addAllergy(pid, staff.accessToken))).toEqual(['FORBIDDEN']);
    expect(errorCodes(await addAllergy(pid, patient.accessToken))).toEqual(['FORBIDDEN']);
    expect(errorCodes(await readRecord(pid, ''))).toEqual(['UNAUTHENTICATED']);
  });

  it('a request declined, or a confirmed visit cancelled, before any visit gives no access; a visit keeps it', async () => {
    const patient = await patientWithProfile();
    const declined = await accountWithRole('DOCTOR');
    const cancelled = await accountWithRole('DOCTOR');
    const visited = await accountWithRole('DOCTOR');
    const pid = patient.user.id;

    const a = await appointmentEvent(declined.user.id, pid, 'REQUESTED');
    await untilDoctorMayRead(pid, declined.accessToken);
    await appointmentEvent(declined.user.id, pid, 'DECLINED', { appointmentId: a });

    const b = await appointmentEvent(cancelled.user.id, pid, 'CONFIRMED');
    await untilDoctorMayRead(pid, cancelled.accessToken);
    await appointmentEvent(cancelled.user.id, pid, 'CANCELLED', { appointmentId: b });

    const visit = await appointmentEvent(visited.user.id, pid, 'COMPLETED', { endAt: new Date(Date.now() - 3_600_000) });
    // Each appointment is its own key and partition: wait for every stream to be consumed.
    await Promise.all([untilConsumed(a), untilConsumed(b), untilConsumed(visit)]);
    expect(errorCodes(await readRecord(pid, declined.accessToken))).toEqual(['FORBIDDEN']);
    expect(errorCodes(await readRecord(pid, cancelled.accessToken))).toEqual(['FORBIDDEN']);
    expect((await readRecord(pid, visited.accessToken)).data?.medicalRecord).toBeDefined();
  });

  it('audits every read, allowed or refused, with who, which fields and the request id', async () => {
    const patient = await patientWithProfile();
    const stranger = await accountWithRole('DOCTOR');
    const admin = await accountWithRole('ADMIN');
    const pid = patient.user.id;

    const { requestId } = await c.call(
      'query($id: ID!) { medicalRecord(patientId: $id) { allergies { id } medications { id } } }',
      { id: pid },
      { token: patient.accessToken, headers: { 'x-request-id': `audit-${pid}` } },
    );
    await readRecord(pid, stranger.accessToken);
    await c.call('query($id: ID!) { patient(id: $id) { medicalRecord { history { id } } } }', { id: pid }, { token: patient.accessToken });

    const log = await c.call<{ recordAccessLog: { viewerId: string; viewerRole: string; fields: string[]; allowed: boolean; requestId: string }[] }>(
      'query($id: ID) { recordAccessLog(patientId: $id) { viewerId viewerRole patientId fields allowed requestId at } }',
      { id: pid },
      { token: admin.accessToken },
    );
    expect(log.data?.recordAccessLog.map(({ viewerId, fields, allowed }) => ({ viewerId, fields, allowed }))).toEqual([
      { viewerId: pid, fields: ['history'], allowed: true },
      { viewerId: stranger.user.id, fields: ['allergies', 'history', 'medications'], allowed: false },
      { viewerId: pid, fields: ['allergies', 'medications'], allowed: true },
    ]);
    // The router's id, not the one the client sent (anyone could pick that one).
    expect(log.data?.recordAccessLog[2]?.requestId).toBe(requestId);
    expect(requestId).not.toBe(`audit-${pid}`);
    expect(errorCodes(await c.call('{ recordAccessLog { id } }', {}, { token: patient.accessToken }))).toEqual(['FORBIDDEN']);
  });

  it('audits anonymous and forged-token attempts too, with the address and the client’s own request id kept apart', async () => {
    const patient = await patientWithProfile();
    const admin = await accountWithRole('ADMIN');
    const pid = patient.user.id;
    const anonymous = await c.call(
      'query($id: ID!) { medicalRecord(patientId: $id) { allergies { id } } }',
      { id: pid },
      { headers: { 'x-request-id': `probe-${pid}` } },
    );
    expect(errorCodes(anonymous)).toEqual(['UNAUTHENTICATED']);
    const forged = await c.call('query($id: ID!) { medicalRecord(patientId: $id) { history { id } } }', { id: pid }, { token: 'not.a.token' });
    expect(errorCodes(forged)).toEqual(['UNAUTHENTICATED']);

    const log = await c.call<{ recordAccessLog: Record<string, unknown>[] }>(
      'query($id: ID) { recordAccessLog(patientId: $id) { viewerId viewerRole fields allowed reason requestId clientRequestId clientIp } }',
      { id: pid },
      { token: admin.accessToken },
    );
    expect(log.data?.recordAccessLog).toEqual([
      {
        viewerId: null,
        viewerRole: null,
        fields: ['history'],
        allowed: false,
        reason: 'no valid access token',
        requestId: forged.requestId,
        clientRequestId: null,
        clientIp: c.ip,
      },
      {
        viewerId: null,
        viewerRole: null,
        fields: ['allergies'],
        allowed: false,
        reason: 'no valid access token',
        requestId: anonymous.requestId,
        clientRequestId: `probe-${pid}`,
        clientIp: c.ip,
      },
    ]);
  });

  it('validates entries, names the field, and leaves the record unchanged', async () => {
    const patient = await patientWithProfile();
    const doctor = await accountWithRole('DOCTOR');
    const pid = patient.user.id;
    await appointmentEvent(doctor.user.id, pid, 'CONFIRMED');
    await untilDoctorMayRead(pid, doctor.accessToken);

    const empty = await addAllergy(pid, doctor.accessToken, { substance: ' ', severity: 'MILD' });
    expect(errorCodes(empty)).toEqual(['BAD_USER_INPUT']);
    expect(empty.errors?.[0]?.extensions?.['field']).toBe('input.substance');
    const backwards = await c.call(
      'mutation($p: ID!, $i: MedicationInput!) { addMedication(patientId: $p, input: $i) { id } }',
      { p: pid, i: { name: 'Ibuprofen', dose: '400 mg', since: '2026-05-01', until: '2026-04-01' } },
      { token: doctor.accessToken },
    );
    expect(backwards.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.until' });
    const unknown = await c.call(
      'mutation($i: HistoryEntryInput!) { updateHistoryEntry(id: "00000000-0000-4000-8000-000000000000", input: $i) { id } }',
      { i: { note: 'x' } },
      { token: doctor.accessToken },
    );
    expect(errorCodes(unknown)).toEqual(['NOT_FOUND']);

    const record = await c.call<{ medicalRecord: { allergies: unknown[]; medications: unknown[] } }>(
      `query($id: ID!) { medicalRecord(patientId: $id) ${RECORD} }`,
      { id: pid },
      { token: doctor.accessToken },
    );
    expect(record.data?.medicalRecord.allergies).toEqual([]);
    expect(record.data?.medicalRecord.medications).toEqual([]);
  });

  it('lets the treating doctor correct an entry, becoming its author', async () => {
    const patient = await patientWithProfile();
    const doctor = await accountWithRole('DOCTOR');
    const pid = patient.user.id;
    await appointmentEvent(doctor.user.id, pid, 'COMPLETED');
    await untilDoctorMayRead(pid, doctor.accessToken);
    const added = await c.call<{ addHistoryEntry: { id: string } }>(
      'mutation($p: ID!, $i: HistoryEntryInput!) { addHistoryEntry(patientId: $p, input: $i) { id } }',
      { p: pid, i: { note: 'Mild hypertension', occurredOn: '2026-10-01' } },
      { token: doctor.accessToken },
    );
    const fixed = await c.call<{ updateHistoryEntry: { note: string; occurredOn: string; author: { id: string } } }>(
      'mutation($id: ID!, $i: HistoryEntryInput!) { updateHistoryEntry(id: $id, input: $i) { note occurredOn author { id } } }',
      { id: added.data!.addHistoryEntry.id, i: { note: 'Mild hypertension, follow up in 3 months', occurredOn: '2026-10-01' } },
      { token: doctor.accessToken },
    );
    expect(fixed.data?.updateHistoryEntry).toEqual({
      note: 'Mild hypertension, follow up in 3 months',
      occurredOn: '2026-10-01',
      author: { id: doctor.user.id },
    });
  });
});
