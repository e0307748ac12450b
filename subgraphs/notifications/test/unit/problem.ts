import type { GraphQLError } from 'graphql';

/** What a validation throws, as a user sees it: code, field and message; null when it passes. */
export function problemOf(run: () => unknown): { code: unknown; field: unknown; message: string } | null {
  try {
    run();
  } catch (error) {
    const { extensions, message } = error as GraphQLError;
    return { code: extensions.code, field: extensions.field, message };
  }
  return null;
}
