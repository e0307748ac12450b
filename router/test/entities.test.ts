import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { parse, Kind, type ObjectTypeDefinitionNode, type ObjectTypeExtensionNode } from 'graphql';
import { beforeAll, describe, expect, it } from 'vitest';
import { book, nextFreeSlot, postAsRouter, seed, testEnv, type Practice, type Session, type TestEnvironment } from '@medappt/testkit';

/**
 * The federation contract, asked as the router asks it: `_entities` straight at each subgraph,
 * signed with the gateway credential (docs/adr/010), for every resolvable `@key` entity of every
 * subgraph in schema/subgraphs.json. One table here rather than one file per subgraph: one seeding
 * gives ids for all of them, and the table is checked against the SDLs, so a new `@key` anywhere
 * (a new subgraph included) fails this file until it has its row.
 *
 * An entity a subgraph owns resolves to null for an unknown id. An entity it only adds fields to
 * (its owner decides what exists) is a reference: it comes back with the id it was given.
 */
const SUBGRAPHS = JSON.parse(readFileSync(new URL('../../schema/subgraphs.json', import.meta.url), 'utf8')) as { name: string; schema: string }[];

interface World {
  p: Practice;
  patient: Session;
  appointmentId: string;
}

interface Row {
  subgraph: string;
  typename: string;
  id: (w: World) => string;
  /** What the router would ask for (the entity's own fields). */
  selection: string;
  /** Who asks: the entity's visibility rules run as for a client's request. */
  as: (w: World) => Session;
  resolved: (w: World) => Record<string, unknown>;
  unknownId: 'null' | 'reference';
}

const ROWS: Row[] = [
  {
    subgraph: 'users',
    typename: 'User',
    id: (w) => w.patient.user.id,
    selection: 'id name role',
    as: (w) => w.p.staff,
    resolved: (w) => ({ id: w.patient.user.id, name: 'Pat Ient', role: 'PATIENT' }),
    unknownId: 'null',
  },

  {
    subgraph: 'doctors',
    typename: 'User',
    id: (w) => w.p.doctorId,
    selection: 'id doctorProfile { id }',
    as: (w) => w.p.staff,
    resolved: (w) => ({ id: w.p.doctorId, doctorProfile: { id: w.p.doctorId } }),
    unknownId: 'reference',
  },
  {
    subgraph: 'doctors',
    typename: 'Doctor',
    id: (w) => w.p.doctorId,
    selection: 'id clinic { id } services { id }',
    as: (w) => w.p.staff,
    resolved: (w) => ({ id: w.p.doctorId, clinic: { id: w.p.clinicId }, services: [{ id: w.p.serviceId }] }),
    unknownId: 'null',
  },
  {
    subgraph: 'doctors',
    typename: 'Clinic',
    id: (w) => w.p.clinicId,
    selection: 'id timeZone',
    as: (w) => w.p.staff,
    resolved: (w) => ({ id: w.p.clinicId, timeZone: 'Europe/Berlin' }),
    unknownId: 'null',
  },
  {
    subgraph: 'doctors',
    typename: 'MedicalService',
    id: (w) => w.p.serviceId,
    selection: 'id durationMinutes',
    as: (w) => w.p.staff,
    resolved: (w) => ({ id: w.p.serviceId, durationMinutes: 30 }),
    unknownId: 'null',
  },

  {
    subgraph: 'patients',
    typename: 'User',
    id: (w) => w.patient.user.id,
    selection: 'id patientProfile { id }',
    as: (w) => w.p.staff,
    resolved: (w) => ({ id: w.patient.user.id, patientProfile: { id: w.patient.user.id } }),
    unknownId: 'reference',
  },
  {
    subgraph: 'patients',
    typename: 'Patient',
    id: (w) => w.patient.user.id,
    selection: 'id name',
    as: (w) => w.p.staff,
    resolved: (w) => ({ id: w.patient.user.id, name: 'Pat Ient' }),
    unknownId: 'null',
  },

  {
    subgraph: 'appointments',
    typename: 'Appointment',
    id: (w) => w.appointmentId,
    selection: 'id status',
    as: (w) => w.patient,
    resolved: (w) => ({ id: w.appointmentId, status: 'REQUESTED' }),
    unknownId: 'null',
  },
  {
    subgraph: 'appointments',
    typename: 'Doctor',
    id: (w) => w.p.doctorId,
    selection: 'id availability { doctorId }',
    as: (w) => w.p.staff,
    resolved: (w) => ({ id: w.p.doctorId, availability: { doctorId: w.p.doctorId } }),
    unknownId: 'reference',
  },
  {
    subgraph: 'appointments',
    typename: 'Patient',
    id: (w) => w.patient.user.id,
    selection: 'id appointments { id }',
    as: (w) => w.p.staff,
    resolved: (w) => ({ id: w.patient.user.id, appointments: [{ id: w.appointmentId }] }),
    unknownId: 'reference',
  },
  {
    subgraph: 'appointments',
    typename: 'User',
    id: (w) => w.patient.user.id,
    selection: 'id waitlist { id }',
    as: (w) => w.patient,
    resolved: (w) => ({ id: w.patient.user.id, waitlist: [] }),
    unknownId: 'reference',
  },
  {
    subgraph: 'appointments',
    typename: 'Clinic',
    id: (w) => w.p.clinicId,
    selection: 'id policy { clinicId custom }',
    as: (w) => w.p.staff,
    resolved: (w) => ({ id: w.p.clinicId, policy: { clinicId: w.p.clinicId, custom: false } }),
    unknownId: 'reference',
  },

  // A request has no reminders yet (they are planned once it is confirmed).
  {
    subgraph: 'notifications',
    typename: 'Appointment',
    id: (w) => w.appointmentId,
    selection: 'id reminders { status }',
    as: (w) => w.patient,
    resolved: (w) => ({ id: w.appointmentId, reminders: [] }),
    unknownId: 'reference',
  },
  {
    subgraph: 'notifications',
    typename: 'User',
    id: (w) => w.patient.user.id,
    selection: 'id unreadNotificationCount',
    as: (w) => w.patient,
    resolved: (w) => ({ id: w.patient.user.id, unreadNotificationCount: expect.any(Number) }),
    unknownId: 'reference',
  },

  // Billing adds invoices to visits and patients it does not own; a visit not yet completed has none.
  {
    subgraph: 'billing',
    typename: 'Appointment',
    id: (w) => w.appointmentId,
    selection: 'id invoice { id }',
    as: (w) => w.patient,
    resolved: (w) => ({ id: w.appointmentId, invoice: null }),
    unknownId: 'reference',
  },
  {
    subgraph: 'billing',
    typename: 'Patient',
    id: (w) => w.patient.user.id,
    selection: 'id invoices { edges { node { id } } }',
    as: (w) => w.p.staff,
    resolved: (w) => ({ id: w.patient.user.id, invoices: { edges: [] } }),
    unknownId: 'reference',
  },

  // Feedback adds fields to visits and doctors it does not own; a new visit has none, a new doctor no rating.
  {
    subgraph: 'feedback',
    typename: 'Appointment',
    id: (w) => w.appointmentId,
    selection: 'id feedback { id }',
    as: (w) => w.patient,
    resolved: (w) => ({ id: w.appointmentId, feedback: null }),
    unknownId: 'reference',
  },
  {
    subgraph: 'feedback',
    typename: 'Doctor',
    id: (w) => w.p.doctorId,
    selection: 'id rating { count }',
    as: (w) => w.p.staff,
    resolved: (w) => ({ id: w.p.doctorId, rating: { count: 0 } }),
    unknownId: 'reference',
  },
];

/** The `@key` entities a subgraph's SDL declares resolvable (`resolvable: false` keys are never asked for). */
function resolvableKeys(schemaFile: string): string[] {
  const sdl = parse(readFileSync(new URL(`../../${schemaFile}`, import.meta.url), 'utf8'));
  return sdl.definitions
    .filter((d): d is ObjectTypeDefinitionNode | ObjectTypeExtensionNode => d.kind === Kind.OBJECT_TYPE_DEFINITION || d.kind === Kind.OBJECT_TYPE_EXTENSION)
    .filter((d) =>
      d.directives?.some(
        (k) => k.name.value === 'key' && !k.arguments?.some((a) => a.name.value === 'resolvable' && a.value.kind === Kind.BOOLEAN && !a.value.value),
      ),
    )
    .map((d) => d.name.value);
}

const urlOf = (subgraph: string): string => testEnv()[`${subgraph}Url` as keyof TestEnvironment] as string;

async function entity(row: Row, w: World, id: string, selection: string): Promise<unknown> {
  const result = await postAsRouter<{ _entities: unknown[] }>(
    urlOf(row.subgraph),
    `query($r: [_Any!]!) { _entities(representations: $r) { ... on ${row.typename} { ${selection} } } }`,
    { r: [{ __typename: row.typename, id }] },
    { token: row.as(w).accessToken },
  );
  expect(result.errors).toBeUndefined();
  return result.data?._entities[0];
}

let world: World;

beforeAll(async () => {
  const p = await seed.practice();
  const patient = await seed.patient();
  const profile = await patient.call('mutation($input: PatientProfileInput!) { savePatientProfile(input: $input) { id } }', {
    input: { name: 'Pat Ient', dateOfBirth: '1980-04-23', sex: 'FEMALE' },
  });
  if (profile.errors) throw new Error(JSON.stringify(profile.errors));
  const booked = await book(patient.accessToken, { doctorId: p.doctorId, serviceId: p.serviceId, start: (await nextFreeSlot(p)).start });
  if (booked.data?.bookAppointment.__typename !== 'Appointment') throw new Error(JSON.stringify(booked));
  world = { p, patient, appointmentId: booked.data.bookAppointment.id };
}, 120_000);

describe('_entities, for every @key entity of every subgraph', () => {
  it('has a row for each resolvable @key in the SDLs, and none for what is not one', () => {
    const declared = SUBGRAPHS.flatMap(({ name, schema }) => resolvableKeys(schema).map((type) => `${name} ${type}`)).sort();
    expect(ROWS.map((r) => `${r.subgraph} ${r.typename}`).sort()).toEqual(declared);
  });

  it.each(ROWS.map((row) => [`${row.subgraph} ${row.typename}`, row] as const))(
    '%s: resolves a representation, and an unknown id as the owner decides',
    async (_name, row) => {
      expect(await entity(row, world, row.id(world), row.selection)).toEqual(row.resolved(world));
      const unknown = randomUUID();
      if (row.unknownId === 'null') expect(await entity(row, world, unknown, row.selection)).toBeNull();
      else expect(await entity(row, world, unknown, 'id')).toEqual({ id: unknown });
    },
  );
});
