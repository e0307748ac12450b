import { describe, expect, it } from 'vitest';
import { connectToDatabase } from '@medappt/platform';
import { testEnv, book, freeSlots, seed } from '@medappt/testkit';
import { c } from './fixtures.ts';

async function overlappingActivePairs(): Promise<number> {
  const { postgresUrl, dbPrefix } = testEnv();
  const sql = connectToDatabase(postgresUrl, `${dbPrefix}_appointments`);
  try {
    const [row] = await sql<{ n: number }[]>`
      select count(*)::int as n from appointments a join appointments b
        on a.doctor_id = b.doctor_id and a.id < b.id
       and tstzrange(a.start_at, a.end_at) && tstzrange(b.start_at, b.end_at)
     where a.status in ('REQUESTED', 'CONFIRMED') and b.status in ('REQUESTED', 'CONFIRMED')`;
    return row?.n ?? -1;
  } finally {
    await sql.end();
  }
}

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

  it('200 concurrent reschedules into 20 slots: exactly 20 move, the others keep their time', async () => {
    const p = await seed.practice();
    const all = await freeSlots(p, new Date(Date.now() + 86_400_000), 14);
    const targets = all.slice(0, 20);
    const sources = all.slice(20, 220);
    expect(sources).toHaveLength(200);
    const pat = await seed.patient();
    const ids: string[] = [];
    for (let i = 0; i < 200; i += 20) {
      const batch = await Promise.all(sources.slice(i, i + 20).map((s) => book(pat.accessToken, { doctorId: p.doctorId, serviceId: p.serviceId, start: s.start })));
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
  });
});
