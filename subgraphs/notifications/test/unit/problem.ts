import type { GraphQLError } from 'graphql';
import { rejectProblems } from '@medappt/platform';
import type { Problem } from '@medappt/platform/domain';

/** What a domain's problems become for a user (rejectProblems under `at`): code, field and message; null when there are none. */
export function problemOf(problems: readonly Problem[], at: string): { code: unknown; field: unknown; message: string } | null {
  try {
    rejectProblems(problems, at);
  } catch (error) {
    const { extensions, message } = error as GraphQLError;
    return { code: extensions.code, field: extensions.field, message };
  }
  return null;
}
