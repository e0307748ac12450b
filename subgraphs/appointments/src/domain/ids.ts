import { isUuid, problem, type Problem } from '@medappt/platform/domain';

export const NOT_AN_ID = 'is not a valid ID: ids are UUIDs such as 3f2b9c1e-8a4d-4e7b-9c2a-1b2c3d4e5f60';

/**
 * Every id argument is checked before it reaches Postgres: a malformed one is bad input naming
 * the argument as the client wrote it (`id`, `input.doctorId`, `ids[2]`), the same for every
 * caller, so it tells nothing about what exists; a well-formed unknown one is NOT_FOUND later.
 * In the order given; absent (null or undefined) ids are not checked.
 */
export function idProblems(ids: Readonly<Record<string, string | null | undefined>>): Problem[] {
  return Object.entries(ids).flatMap(([field, value]) => (value === null || value === undefined || isUuid(value) ? [] : [problem(field, NOT_AN_ID)]));
}
