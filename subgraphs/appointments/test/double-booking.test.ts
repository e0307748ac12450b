import { describe, expect, it } from 'vitest';
import { connectToDatabase } from '@medappt/platform';
import { book, freeSlots, nextFreeSlot, seed, testEnv } from '@medappt/testkit';
import { c } from './fixtures.ts';

/** The appointments database of the running test system: what a booking wrote, beyond what the API shows. */
async function inAppointmentsDb<T>(query: (sql: ReturnType<typeof connectToDatabase>) => Promise<T>): Promise<T> {
  const { postgresUrl, dbPrefix } = testEnv();
  const sql = connectToDatabase(postgresUrl, `${dbPrefix}_appointments`);
  try {
    return await query(sql);
  } finally {
    await sql.end();
  }
}

const overlappingActivePairs = (): Promise<number> =>
  inAppointmentsDb(async (sql) => {
    const [row] = await sql<{ n: number }[]>`
      select count(*)::int as n from appointments a join appointments b
        on a.doctor_id = b.doctor_id and a.id < b.id
       and tstzrange(a.start_at, a.end_at) && tstzrange(b.start_at, b.end_at)
     where a.status in ('REQUESTED', 'CONFIRMED') and b.status in ('REQUESTED', 'CONFIRMED')`;
    return row?.n ?? -1;
  });

/** Every row a patient's booking could have written: appointments, their status history (or any the patient acted in), outbox events naming the patient. */
const rowsOf = (patientId: string): Promise<{ appointments: number; history: number; outbox: number }> =>
  inAppointmentsDb(async (sql) => {
    const [row] = await sql<{ appointments: number; history: number; outbox: number }[]>`
      select
        (select count(*)::int from appointments where patient_id = ${patientId}) as appointments,
        (select count(*)::int from appointment_status_history
          where actor_id = ${patientId} or appointment_id in (select id from appointments where patient_id = ${patientId})) as history,
        (select count(*)::int from outbox where envelope::text like ${`%${patientId}%`}) as outbox`;
    return row!;
  });

describe('no double booking, ever', () => {
  it('200 concurrent bookings on 20 slots: exactly 20 win, the rest get SlotUnavailable, none errors', async () => {
    const p = await seed.practice();
    const slots = (await freeSlots(p, new Date(Date.now() + 86_400_000))).slice(0, 20);
    expect(slots).toHaveLength(20);
    const patients = await Promise.all(Array.from({ length: 20 }, () => seed.patient()));

    const attempts = Array.from({ length: 200 }, (_, i) => ({ token: patients[i % 20]!.accessToken, start: slots[i % 20]!.start }));
    const results = await Promise.all(attempts.map((a) => book(a.token, { doctorId: p.doctorId, serviceId: p.serviceId, start: a.start })));

    expect(results.filter((r) => r.errors).map((r) => r.errors)).toEqual([]);
    const won = results.filter((r) => r.data?.bookAppointment.__typename === 'Appointment');
    const lost = results.filter((r) => r.data?.bookAppointment.__typename === 'SlotUnavailable');
    expect(won).toHaveLength(20);
    expect(lost).toHaveLength(180);
    expect(new Set(won.map((r) => (r.data!.bookAppointment as { start: string }).start)).size).toBe(20);
    expect(await overlappingActivePairs()).toBe(0);
  });

  it('two bookings race for one slot: exactly one wins, and the loser leaves no appointment, no status history and no outbox row', async () => {
    const p = await seed.practice();
    const slot = await nextFreeSlot(p);
    const racers = [await seed.patient(), await seed.patient()];
    const results = await Promise.all(racers.map((pat) => book(pat.accessToken, { doctorId: p.doctorId, serviceId: p.serviceId, start: slot.start })));

    expect(results.map((r) => r.errors)).toEqual([undefined, undefined]);
    const outcomes = results.map((r) => r.data?.bookAppointment.__typename);
    expect([...outcomes].sort()).toEqual(['Appointment', 'SlotUnavailable']);
    const winner = racers[outcomes.indexOf('Appointment')]!;
    const loser = racers[outcomes.indexOf('SlotUnavailable')]!;
    expect(await rowsOf(loser.user.id)).toEqual({ appointments: 0, history: 0, outbox: 0 });
    // The same counts see the winner's booking: the loser's zeros are not a query that finds nothing.
    expect(await rowsOf(winner.user.id)).toEqual({ appointments: 1, history: 1, outbox: 1 });
  });

  it('200 concurrent reschedules into 20 slots: exactly 20 move, the others keep their time', async () => {
    const p = await seed.practice();
    const all = await freeSlots(p, new Date(Date.now() + 86_400_000), 14);
    const targets = all.slice(0, 20);
    const sources = all.slice(20, 220);
    expect(sources).toHaveLength(200);
    const pat = await seed.patient();
    const ids: string[] = [];
    for (let i = 0; i < 200; i += 20) {
      const batch = await Promise.all(
        sources.slice(i, i + 20).map((s) => book(pat.accessToken, { doctorId: p.doctorId, serviceId: p.serviceId, start: s.start })),
      );
      for (const r of batch) ids.push((r.data!.bookAppointment as { id: string }).id);
    }
    const results = await Promise.all(
      ids.map((id, i) =>
        c.call<{ rescheduleAppointment: { __typename: string } }>(
          'mutation($id: ID!, $s: DateTime!) { rescheduleAppointment(id: $id, start: $s) { __typename } }',
          { id, s: targets[i % 20]!.start },
          { token: pat.accessToken },
        ),
      ),
    );
    expect(results.filter((r) => r.errors).map((r) => r.errors)).toEqual([]);
    expect(results.filter((r) => r.data?.rescheduleAppointment.__typename === 'Appointment')).toHaveLength(20);
    expect(results.filter((r) => r.data?.rescheduleAppointment.__typename === 'SlotUnavailable')).toHaveLength(180);
    expect(await overlappingActivePairs()).toBe(0);
    // 400 requests through the router: past 30 s once on a box at load ~15 (CI shares two cores).
  }, 90_000);
});
