import { badUserInput, isUuid } from '@medappt/platform';

/** Ids are UUIDs: anything else names nothing and must not reach Postgres (a well-formed unknown one is NOT_FOUND later). */
export function checkId(field: string, value: string): string {
  if (!isUuid(value)) throw badUserInput(field, 'is not a valid ID: ids are UUIDs such as 3f2b9c1e-8a4d-4e7b-9c2a-1b2c3d4e5f60');
  return value;
}
