import { rejectProblems } from '@medappt/platform';
import { outcomeProblems, type Outcome } from '../domain/validation.ts';

/** A single rule's value, or its problem as the one BAD_USER_INPUT (rejectProblems), named `field` under `at`. */
export function validOrReject<T>(outcome: Outcome<T>, field: string, at?: string): T {
  if (outcome.ok) return outcome.value;
  rejectProblems(outcomeProblems(field, outcome), at);
  throw new Error(`${field}: a failed outcome gave no problem`);
}
