import { client } from '@medappt/testkit';

// Seeding (clinic, service, doctor with hours, patients, slots, booking) is the testkit's `seed`.
export const c = client();

export const SLOTS =
  'query($s: ID!, $f: DateTime!, $t: DateTime!, $d: ID) { availableSlots(serviceId: $s, from: $f, to: $t, doctorId: $d, first: 1000) { start end timeZone localStart doctor { id } } }';
