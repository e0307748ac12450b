import { GraphQLCallError, type SeedApi } from './api.ts';
import { seedAccount } from './accounts.ts';
import { seedDoctors } from './catalogue.ts';
import type { Seeded, SeedLog } from './directory.ts';

const WEEKDAYS = [1, 2, 3, 4, 5];
const RULES = WEEKDAYS.flatMap((weekday) => [
  { weekday, start: '09:00', end: '12:00' },
  { weekday, start: '13:00', end: '17:00' },
]);

/**
 * Working hours for every seeded doctor (Monday to Friday, 09:00-12:00 and 13:00-17:00 in their
 * clinic's zone), set by a seed STAFF account. The appointments subgraph learns of doctors
 * through Kafka, so a doctor it does not know yet is retried for a while.
 */
export async function seedWorkingHours(api: SeedApi, seeded: Seeded, options: { staffPassword: string; log: SeedLog }): Promise<void> {
  const staff = await seedAccount(api, { email: 'seed.staff@clinic.local', password: options.staffPassword, name: 'Seed Staff', role: 'STAFF' });
  let set = 0;
  // Only the seed's own doctors: others in the directory keep the hours they were given.
  const ours = seedDoctors().flatMap((d) => seeded.doctors.get(d.name) ?? []);
  for (const doctorId of ours) {
    const { doctor } = await api.call<{ doctor: { clinic: { timeZone: string } } }>('query($id: ID!) { doctor(id: $id) { clinic { timeZone } } }', {
      id: doctorId,
    });
    const input = { doctorId, timeZone: doctor.clinic.timeZone, rules: RULES, bufferAfterMinutes: 0, minimumNoticeMinutes: 60, bookingHorizonDays: 90 };
    for (let attempt = 1; ; attempt += 1) {
      try {
        await api.call('mutation($input: AvailabilityInput!) { setAvailability(input: $input) { doctorId } }', { input }, staff.token);
        set += 1;
        break;
      } catch (error) {
        if (!(error instanceof GraphQLCallError && error.code === 'NOT_FOUND') || attempt >= 50) throw error;
        await new Promise((r) => setTimeout(r, 200));
      }
    }
  }
  options.log(`working hours: set for ${set} doctors (Mon-Fri 09:00-12:00, 13:00-17:00 local)`);
}
