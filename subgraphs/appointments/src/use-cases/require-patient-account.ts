import { badUserInput, codedError, ErrorCode, isUuid } from '@medappt/platform';
import { patientAccountProblem } from '../domain/patient-account.ts';
import { arrivedAccount } from '../repository/accounts.ts';
import type { AppointmentsDb } from '../repository/db.ts';

/** `id` (from `field`) is an enabled PATIENT account: NOT_FOUND when there is no account, BAD_USER_INPUT when it is another kind. */
export async function requirePatientAccount(db: AppointmentsDb, id: string, field: string): Promise<void> {
  const account = isUuid(id) ? await arrivedAccount(db, id.toLowerCase()) : null;
  if (!account) throw codedError(ErrorCode.NOT_FOUND, `${field}: there is no patient account ${id}; the patient signs up first`, { id, field });
  const problem = patientAccountProblem(account);
  if (problem) throw badUserInput(field, `${id} ${problem}`);
}
