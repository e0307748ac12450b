import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { c, adminToken, seed, signedIn, doctorWithProfile, staffToken } from './fixtures.ts';

interface LogEntry {
  actorId: string;
  actorRole: string;
  action: string;
  entityType: string;
  entityId: string;
  changes: string;
  requestId: string | null;
  at: string;
}
const LOG =
  'query($type: String, $id: ID, $first: Int) { doctorsAdminLog(entityType: $type, entityId: $id, first: $first) { id actorId actorRole action entityType entityId changes requestId at } }';
const log = async (variables: Record<string, unknown>): Promise<LogEntry[]> => {
  const result = await c.call<{ doctorsAdminLog: LogEntry[] }>(LOG, variables, { token: await adminToken() });
  expect(result.errors).toBeUndefined();
  return result.data!.doctorsAdminLog;
};

describe('admin log', () => {
  it('records who changed which fields to what, newest first, with the request id', async () => {
    const staff = await signedIn('STAFF');
    const clinic = await seed.clinic({ name: 'Logged Clinic', timeZone: 'Asia/Kolkata' });
    // The router's own id for the request, whatever id the client sent.
    const { requestId } = await c.call(
      'mutation($id: ID!) { updateClinic(id: $id, input: { name: "Logged Clinic", phone: "+91 22 1234 5678" }) { id } }',
      { id: clinic.id },
      { token: staff.accessToken, headers: { 'x-request-id': `test-${randomUUID()}` } },
    );
    expect(requestId).toMatch(/^[0-9a-f-]{36}$/);
    // A change to nothing changes nothing, and is not logged.
    await c.call('mutation($id: ID!) { updateClinic(id: $id, input: { name: "Logged Clinic" }) { id } }', { id: clinic.id }, { token: staff.accessToken });

    const entries = await log({ type: 'Clinic', id: clinic.id });
    expect(entries.map((e) => e.action)).toEqual(['clinic.update', 'clinic.create']);
    const [update, create] = entries;
    expect(update).toMatchObject({ actorId: staff.user.id, actorRole: 'STAFF', entityType: 'Clinic', entityId: clinic.id, requestId });
    expect(JSON.parse(update!.changes)).toEqual({ phone: '+91 22 1234 5678' });
    expect(JSON.parse(create!.changes)).toMatchObject({ name: 'Logged Clinic', timeZone: 'Asia/Kolkata', address: '1 Main Street' });
    expect(new Date(update!.at).getTime()).toBeGreaterThanOrEqual(new Date(create!.at).getTime());
  });

  it("logs every kind of change to a doctor, including the doctor's own edits", async () => {
    const clinic = await seed.clinic();
    const service = await seed.service();
    const { session, profile } = await doctorWithProfile(clinic.id);
    const token = await staffToken();
    await c.call('mutation($id: ID!) { updateDoctor(id: $id, input: { bio: "Mine." }) { id } }', { id: profile.id }, { token: session.accessToken });
    await c.call('mutation($d: ID!, $s: ID!) { assignServices(doctorId: $d, serviceIds: [$s]) { id } }', { d: profile.id, s: service.id }, { token });
    await c.call('mutation($d: ID!, $s: ID!) { unassignService(doctorId: $d, serviceId: $s) { id } }', { d: profile.id, s: service.id }, { token });
    await c.call('mutation($id: ID!) { deactivateDoctor(id: $id) { id } }', { id: profile.id }, { token });

    const entries = await log({ id: profile.id });
    expect(entries.map((e) => [e.action, e.actorRole, JSON.parse(e.changes)])).toEqual([
      ['doctor.deactivate', 'STAFF', { active: false }],
      ['doctor.unassignService', 'STAFF', { removedServiceId: service.id }],
      ['doctor.assignServices', 'STAFF', { addedServiceIds: [service.id] }],
      ['doctor.update', 'DOCTOR', { bio: 'Mine.' }],
      ['doctor.create', 'STAFF', expect.objectContaining({ name: profile.name, clinicId: clinic.id, serviceIds: [] })],
    ]);
    expect(await log({ id: profile.id, first: 2 })).toHaveLength(2);
  });

  it('filters by entity type', async () => {
    await seed.service();
    const entries = await log({ type: 'MedicalService', first: 5 });
    expect(entries.length).toBeGreaterThan(0);
    expect(entries.every((e) => e.entityType === 'MedicalService')).toBe(true);
  });
});
