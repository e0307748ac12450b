import { badUserInput, isUuid } from '@medappt/platform';

/**
 * Every id argument is checked before it reaches Postgres: a malformed one is bad input naming
 * the argument as the client wrote it (`id`, `input.doctorId`, `ids[2]`), the same for every
 * caller, so it tells nothing about what exists; a well-formed unknown one is NOT_FOUND later.
 */
export function checkId(field: string, value: string): string {
  if (!isUuid(value)) throw badUserInput(field, 'is not a valid ID: ids are UUIDs such as 3f2b9c1e-8a4d-4e7b-9c2a-1b2c3d4e5f60');
  return value;
}

export function checkOptionalId(field: string, value: string | null | undefined): string | null {
  return value === null || value === undefined ? null : checkId(field, value);
}
