import { GraphQLError } from 'graphql';
import { fieldPath, type Problem } from './domain/problems.ts';

/** The closed list of error codes clients can rely on in `extensions.code`. */
export const ErrorCode = {
  BAD_USER_INPUT: 'BAD_USER_INPUT',
  UNAUTHENTICATED: 'UNAUTHENTICATED',
  FORBIDDEN: 'FORBIDDEN',
  NOT_FOUND: 'NOT_FOUND',
  RATE_LIMITED: 'RATE_LIMITED',
  /** The appointment is not in a state that allows this (e.g. approving a cancelled one). */
  INVALID_TRANSITION: 'INVALID_TRANSITION',
  /** A clinic time rule forbids it now (e.g. cancelling within the cutoff, no-show before the start). */
  TOO_LATE: 'TOO_LATE',
  TOO_EARLY: 'TOO_EARLY',
  /** An idempotency key sent again with a different request: a new request needs a new key. */
  IDEMPOTENCY_KEY_REUSED: 'IDEMPOTENCY_KEY_REUSED',
  INTERNAL_SERVER_ERROR: 'INTERNAL_SERVER_ERROR',
} as const;
export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

function appError(code: ErrorCode, message: string, extra: Record<string, unknown> = {}): GraphQLError {
  return new GraphQLError(message, { extensions: { code, ...extra } });
}

/** `field` is the input path, e.g. `input.email`, so a client can point at the bad field. */
export const badUserInput = (field: string, message: string): GraphQLError => appError(ErrorCode.BAD_USER_INPUT, `${field}: ${message}`, { field });
export const unauthenticated = (message = 'Sign in to do this: send a valid access token in the Authorization header.'): GraphQLError =>
  appError(ErrorCode.UNAUTHENTICATED, message);
export const forbidden = (message = 'You are not allowed to do this.'): GraphQLError => appError(ErrorCode.FORBIDDEN, message);
export const notFound = (what: string, id: string): GraphQLError => appError(ErrorCode.NOT_FOUND, `${what} ${id} was not found.`, { id });
export const rateLimited = (message: string, retryAfterSeconds: number): GraphQLError => appError(ErrorCode.RATE_LIMITED, message, { retryAfterSeconds });

/** An error with one of the codes above, for rules that have their own code. */
export const codedError = (code: ErrorCode, message: string, extra: Record<string, unknown> = {}): GraphQLError => appError(code, message, extra);

const knownCodes = new Set<string>(Object.values(ErrorCode));

/** Keeps our typed errors as they are and hides the details of anything unexpected. */
export function isExposedError(error: unknown): boolean {
  const code = (error as GraphQLError | undefined)?.extensions?.code;
  return typeof code === 'string' && knownCodes.has(code) && code !== ErrorCode.INTERNAL_SERVER_ERROR;
}

/**
 * The one way a domain's problems become an error: BAD_USER_INPUT naming the first problem's
 * field (under `at`, e.g. `input`) in `field` and in the message, with every problem listed in
 * `extensions.problems` so a form can mark them all. Returns when there are none.
 */
export function rejectProblems(problems: readonly Problem[], at?: string): void {
  const [first] = problems;
  if (!first) return;
  const all = problems.map((p) => ({ field: fieldPath(at, p.field), message: p.message }));
  throw appError(ErrorCode.BAD_USER_INPUT, `${all[0]!.field}: ${first.message}`, { field: all[0]!.field, problems: all });
}
