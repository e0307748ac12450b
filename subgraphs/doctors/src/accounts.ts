import { arrivedAccount, badUserInput } from '@medappt/platform';
import { doctorAccountProblem } from './domain/account-rules.ts';
import type { DoctorsDb } from './repository/db.ts';

/** The account behind a doctor profile must be an enabled DOCTOR account; otherwise BAD_USER_INPUT naming `field`. */
export async function requireDoctorAccount(db: DoctorsDb, id: string, field: string): Promise<void> {
  const problem = doctorAccountProblem(await arrivedAccount(db, id));
  if (problem) throw badUserInput(field, `${id} ${problem}`);
}
