/**
 * Sign-up by email (docs/adr/009): whether a request may start one, whether its email goes out, the
 * retry schedule of that email, and its words. Pure.
 */

export interface SignUpLimits {
  /** Sign-ups one address may start in a sliding window (bots filling the table, mail bombing). */
  perAddress: { max: number; windowSeconds: number };
  /** At most one email to an address per `resendSeconds`, and `maxPerDay` a day: asking again sends nothing more. */
  perEmail: { resendSeconds: number; maxPerDay: number };
  /** How long a sign-up link stays valid. */
  linkSeconds: number;
}

export const DEFAULT_SIGN_UP_LIMITS: SignUpLimits = {
  perAddress: { max: 20, windowSeconds: 3600 },
  perEmail: { resendSeconds: 60, maxPerDay: 5 },
  linkSeconds: 24 * 3600,
};

/** Earlier sign-ups, newest first: from this address inside its window (at most `perAddress.max`), to this email in the last day. */
export interface SignUpHistory {
  fromAddress: readonly Date[];
  toEmail: readonly Date[];
}

export type SignUpDecision = { allowed: false; retryAfterSeconds: number } | { allowed: true; sendEmail: boolean };

const DAY_MS = 24 * 3600 * 1000;

export function historySince(limits: SignUpLimits, now: Date): { addressSince: Date; addressLimit: number; emailSince: Date } {
  return {
    addressSince: new Date(now.getTime() - limits.perAddress.windowSeconds * 1000),
    addressLimit: limits.perAddress.max,
    emailSince: new Date(now.getTime() - DAY_MS),
  };
}

/**
 * An address over its limit is refused: that says nothing about any email. Past the per-email
 * bound the request is accepted and answered alike, but no further email goes out.
 */
export function decideSignUp(history: SignUpHistory, limits: SignUpLimits, now: Date): SignUpDecision {
  if (history.fromAddress.length >= limits.perAddress.max) {
    const oldest = history.fromAddress[limits.perAddress.max - 1]!;
    const retryAfterMs = oldest.getTime() + limits.perAddress.windowSeconds * 1000 - now.getTime();
    return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil(retryAfterMs / 1000)) };
  }
  const latest = history.toEmail[0];
  const tooSoon = latest !== undefined && now.getTime() - latest.getTime() < limits.perEmail.resendSeconds * 1000;
  return { allowed: true, sendEmail: !tooSoon && history.toEmail.length < limits.perEmail.maxPerDay };
}

export const SIGN_UP_MAIL_MAX_ATTEMPTS = 6;

/** When to try a failed sign-up email again: 5 s, doubling; null after the last attempt. */
export function nextSendAttempt(attemptsSoFar: number, now: Date): Date | null {
  if (attemptsSoFar >= SIGN_UP_MAIL_MAX_ATTEMPTS) return null;
  return new Date(now.getTime() + 5_000 * 2 ** (attemptsSoFar - 1));
}

export const SIGN_UP_ANSWER =
  'If this address can be used for a new account, we have sent it a link to finish signing up. Check your inbox (and spam folder): the link is valid for 24 hours.';

export interface SignUpEmail {
  subject: string;
  text: string;
}

/** The link opens the app; the token sits after `#`, so it never reaches a server log or a Referer header. */
export function signUpLink(baseUrl: string, token: string): string {
  return `${baseUrl}#token=${token}`;
}

export function newAccountEmail(input: { name: string; link: string; token: string; expiresAt: Date }): SignUpEmail {
  return {
    subject: 'Finish signing up',
    text: [
      `Hello ${input.name},`,
      '',
      'to finish creating your account, open this link:',
      input.link,
      '',
      `It works once, until ${input.expiresAt.toISOString().replace('T', ' ').slice(0, 16)} UTC.`,
      `Using the API directly: mutation { completeRegistration(token: "${input.token}") { accessToken } }`,
      '',
      'If you did not ask for an account, ignore this email: nothing is created without the link.',
    ].join('\n'),
  };
}

export function addressTakenEmail(): SignUpEmail {
  return {
    subject: 'Someone tried to sign up with your address',
    text: [
      'Hello,',
      '',
      'someone (perhaps you) tried to create a new account with this email address. You already have an',
      'account, so nothing was created and nothing was changed: sign in with your password as usual.',
      'If you have forgotten it, contact the clinic.',
      '',
      'If it was not you, you can ignore this email.',
    ].join('\n'),
  };
}
