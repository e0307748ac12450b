import { badUserInput } from '@medappt/platform';
import type { AccountRow } from './db/schema.ts';
import { doctorAccountProblem } from './domain/account-rules.ts';
import { findAccount } from './repository/accounts.ts';
import type { DoctorsDb } from './repository/db.ts';

/**
 * How long a profile waits for an account it has not heard of: one created a moment ago may still
 * be on its way through users.events.v1 (usually well under a second).
 */
export const ACCOUNT_ARRIVAL_WAIT_MS = 5_000;
const POLL_MS = 100;

async function accountOf(db: DoctorsDb, id: string): Promise<AccountRow | null> {
  const deadline = Date.now() + ACCOUNT_ARRIVAL_WAIT_MS;
  for (;;) {
    const account = await findAccount(db, id);
    if (account || Date.now() >= deadline) return account;
    await new Promise((r) => setTimeout(r, POLL_MS));
  }
}

/** The account behind a doctor profile must be an enabled DOCTOR account; otherwise BAD_USER_INPUT naming `field`. */
export async function requireDoctorAccount(db: DoctorsDb, id: string, field: string): Promise<void> {
  const problem = doctorAccountProblem(await accountOf(db, id));
  if (problem) throw badUserInput(field, `${id} ${problem}`);
}
