import { badUserInput, codedError, ErrorCode, isUuid } from '@medappt/platform';
import type { AccountRow } from './db/schema.ts';
import { patientAccountProblem } from './domain/patient-account.ts';
import { findAccount } from './repository/accounts.ts';
import type { AppointmentsDb } from './repository/db.ts';

/**
 * How long a booking waits for an account it has not heard of: one registered a moment ago may
 * still be on its way through users.events.v1 (usually well under a second).
 */
export const ACCOUNT_ARRIVAL_WAIT_MS = 5_000;
const POLL_MS = 100;

async function accountOf(db: AppointmentsDb, id: string): Promise<AccountRow | null> {
  const deadline = Date.now() + ACCOUNT_ARRIVAL_WAIT_MS;
  for (;;) {
    const account = await findAccount(db, id);
    if (account || Date.now() >= deadline) return account;
    await new Promise((r) => setTimeout(r, POLL_MS));
  }
}

/** `id` (from `field`) is an enabled PATIENT account: NOT_FOUND when there is no account, BAD_USER_INPUT when it is another kind. */
export async function requirePatientAccount(db: AppointmentsDb, id: string, field: string): Promise<void> {
  const account = isUuid(id) ? await accountOf(db, id.toLowerCase()) : null;
  if (!account) throw codedError(ErrorCode.NOT_FOUND, `${field}: there is no patient account ${id}; the patient signs up first`, { id, field });
  const problem = patientAccountProblem(account);
  if (problem) throw badUserInput(field, `${id} ${problem}`);
}
