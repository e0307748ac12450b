import { describe, expect, it } from 'vitest';
import { errorCodes, eventually, registeredPatient } from '@medappt/testkit';
import { RECORD, accountWithRole, appointmentEvent, c, patientWithProfile, readRecord, untilDoctorMayRead } from './fixtures.ts';

const SAVE =
  'mutation($input: PatientProfileInput!) { savePatientProfile(input: $input) { id name phone email emergencyContact { name relationship phone } } }';
const field = (result: { errors?: { extensions?: Record<string, unknown> }[] }): unknown => result.errors?.[0]?.extensions?.['field'];

// Postgres refuses U+0000 in text: a NUL here used to come back as INTERNAL_SERVER_ERROR.
describe('text input rules for patients, through the router', () => {
  it('a profile refuses control characters and line breaks in every text field, and saves nothing', async () => {
    const { session } = await registeredPatient();
    const contact = { name: 'Sam Ient', relationship: 'brother', phone: '+49 30 7654321' };
    const cases: [Record<string, unknown>, string, RegExp][] = [
      [{ name: 'Pat\u0000' }, 'input.name', /control characters \(found U\+0000\)/],
      [{ name: 'Pat\r\nIent' }, 'input.name', /single line/],
      [{ phone: '+49 30 123\u0000' }, 'input.phone', /control characters/],
      [{ email: 'pat\u0000@example.com' }, 'input.email', /control characters/],
      [{ emergencyContact: { ...contact, name: 'Sam\u0000' } }, 'input.emergencyContact.name', /control characters/],
      [{ emergencyContact: { ...contact, relationship: 'brother\u0000' } }, 'input.emergencyContact.relationship', /control characters/],
      [{ emergencyContact: { ...contact, phone: '+49\u0000' } }, 'input.emergencyContact.phone', /control characters/],
    ];
    for (const [change, path, message] of cases) {
      const result = await c.call(SAVE, { input: { name: 'Pat Ient', ...change } }, { token: session.accessToken });
      expect(errorCodes(result), path).toEqual(['BAD_USER_INPUT']);
      expect(field(result)).toBe(path);
      expect(result.errors?.[0]?.message).toMatch(message);
    }
    // Only the profile the account started with (its sign-up name): none of the refused values.
    const mine = await eventually(async () => {
      const result = await c.call<{ myPatientProfile: unknown }>(
        '{ myPatientProfile { name phone email emergencyContact { name } } }',
        {},
        { token: session.accessToken },
      );
      return result.data?.myPatientProfile ?? undefined;
    });
    expect(mine).toEqual({ name: 'Pat Ient', phone: null, email: null, emergencyContact: null });
  });

  it('the patient search refuses a NUL', async () => {
    const staff = await accountWithRole('STAFF');
    const result = await c.call('query($s: String) { patients(search: $s) { edges { node { id } } } }', { s: 'Pat\u0000' }, { token: staff.accessToken });
    expect(errorCodes(result)).toEqual(['BAD_USER_INPUT']);
    expect(field(result)).toBe('search');
  });

  it('record entries refuse NUL and over-long text; multi-line notes are fine', async () => {
    const patient = await patientWithProfile();
    const doctor = await accountWithRole('DOCTOR');
    const pid = patient.user.id;
    await appointmentEvent(doctor.user.id, pid, 'REQUESTED');
    await untilDoctorMayRead(pid, doctor.accessToken);
    const add = (mutation: string, type: string, input: Record<string, unknown>) =>
      c.call(`mutation($p: ID!, $i: ${type}!) { ${mutation}(patientId: $p, input: $i) { id } }`, { p: pid, i: input }, { token: doctor.accessToken });

    const cases: [Promise<Awaited<ReturnType<typeof add>>>, string, RegExp][] = [
      [add('addHistoryEntry', 'HistoryEntryInput', { note: 'Cough\u0000' }), 'input.note', /control characters/],
      [add('addHistoryEntry', 'HistoryEntryInput', { note: 'x'.repeat(5001) }), 'input.note', /at most 5000 characters/],
      [add('addAllergy', 'AllergyInput', { substance: 'Penicillin\u0000', severity: 'MILD' }), 'input.substance', /control characters/],
      [add('addAllergy', 'AllergyInput', { substance: 'Penicillin', reaction: 'rash\u0000', severity: 'MILD' }), 'input.reaction', /control characters/],
      [add('addMedication', 'MedicationInput', { name: 'Ibuprofen\nBcc', dose: '400 mg' }), 'input.name', /single line/],
      [add('addMedication', 'MedicationInput', { name: 'Ibuprofen', dose: '400 mg\u0000' }), 'input.dose', /control characters/],
    ];
    for (const [pending, path, message] of cases) {
      const result = await pending;
      expect(errorCodes(result), path).toEqual(['BAD_USER_INPUT']);
      expect(field(result)).toBe(path);
      expect(result.errors?.[0]?.message).toMatch(message);
    }
    const note = 'Cough for 3 weeks.\n\tNo fever.';
    expect((await add('addHistoryEntry', 'HistoryEntryInput', { note })).errors).toBeUndefined();
    const record = await c.call<{ medicalRecord: { history: { note: string }[]; allergies: unknown[]; medications: unknown[] } }>(
      `query($id: ID!) { medicalRecord(patientId: $id) ${RECORD} }`,
      { id: pid },
      { token: doctor.accessToken },
    );
    expect(record.data?.medicalRecord).toMatchObject({ history: [{ note }], allergies: [], medications: [] });
    expect((await readRecord(pid, patient.accessToken)).errors).toBeUndefined();
  });
});
