import { randomUUID } from 'node:crypto';
import { connectToDatabase, Topics, type AppointmentStatus, type Role } from '@medappt/platform';
import { accountWithRole, client, eventually, postGraphQL, publishEvent, registeredPatient, testEnv, type AuthPayload } from '@medappt/testkit';

export const c = client();

export async function patientWithProfile(): Promise<AuthPayload> {
  const { session } = await registeredPatient();
  const saved = await c.call(
    'mutation($input: PatientProfileInput!) { savePatientProfile(input: $input) { id } }',
    { input: { name: 'Pat Ient', dateOfBirth: '1980-04-23', sex: 'FEMALE', phone: '+49 30 1234567' } },
    { token: session.accessToken },
  );
  if (saved.errors) throw new Error(JSON.stringify(saved.errors));
  return session;
}

/**
 * Publishes an appointment event as the appointments subgraph does, and returns the appointment id.
 * By default the visit is tomorrow and a request is the patient's own.
 */
export async function appointmentEvent(
  doctorId: string,
  patientId: string,
  status: AppointmentStatus,
  options: { appointmentId?: string; actorRole?: Role; endAt?: Date } = {},
): Promise<string> {
  const appointmentId = options.appointmentId ?? randomUUID();
  const end = options.endAt ?? new Date(Date.now() + 86_400_000);
  await publishEvent(Topics.appointments.name, {
    type: `appointment.${status.toLowerCase()}`,
    key: appointmentId,
    payload: {
      appointmentId,
      doctorId,
      patientId,
      serviceId: randomUUID(),
      startAt: new Date(end.getTime() - 1_800_000).toISOString(),
      endAt: end.toISOString(),
      status,
      actorRole: options.actorRole ?? (status === 'REQUESTED' ? 'PATIENT' : 'DOCTOR'),
    },
  });
  return appointmentId;
}

export const RECORD = '{ history { id note } allergies { id substance severity author { id } } medications { id name dose } }';

export function readRecord(patientId: string, token: string) {
  return c.call<{ medicalRecord: { allergies: { substance: string }[] } }>(
    `query($id: ID!) { medicalRecord(patientId: $id) ${RECORD} }`,
    { id: patientId },
    { token },
  );
}

/** Waits until the care relation (fed through Kafka) lets the doctor read the record. */
export function untilDoctorMayRead(patientId: string, doctorToken: string): Promise<true> {
  return eventually(async () => ((await readRecord(patientId, doctorToken)).data?.medicalRecord ? true : undefined));
}

export { accountWithRole, postGraphQL, testEnv };

/**
 * Waits until everything published so far on `key` has been consumed: a marker event on the same
 * key (same partition, so after them) has been recorded by the patients consumer.
 */
export async function untilConsumed(key: string): Promise<void> {
  const marker = await publishEvent(Topics.appointments.name, { type: 'test.marker', key, payload: {} });
  const { postgresUrl, dbPrefix } = testEnv();
  const sql = connectToDatabase(postgresUrl, `${dbPrefix}_patients`);
  try {
    await eventually(async () => ((await sql`select 1 from processed_events where event_id = ${marker.id}`).length ? true : undefined));
  } finally {
    await sql.end();
  }
}
