import { describe, expect, it } from 'vitest';
import {
  addressTakenEmail,
  decideSignUp,
  DEFAULT_SIGN_UP_LIMITS,
  newAccountEmail,
  nextSendAttempt,
  signUpLink,
  SIGN_UP_MAIL_MAX_ATTEMPTS,
} from '../../src/domain/sign-up-rules.ts';

const now = new Date('2026-12-01T12:00:00Z');
const ago = (seconds: number) => new Date(now.getTime() - seconds * 1000);
const times = (n: number, everySeconds: number) => Array.from({ length: n }, (_, i) => ago((i + 1) * everySeconds));

describe('decideSignUp', () => {
  it.each([
    ['a first sign-up', { fromAddress: [], toEmail: [] }, { allowed: true, sendEmail: true }],
    ['19 from the address in the hour', { fromAddress: times(19, 60), toEmail: [] }, { allowed: true, sendEmail: true }],
    [
      '20 from the address: the 21st waits until the oldest leaves the hour',
      { fromAddress: times(20, 60), toEmail: [] },
      { allowed: false, retryAfterSeconds: 3600 - 20 * 60 },
    ],
    ['an email to the address 30 s ago: accepted, no second email', { fromAddress: [], toEmail: [ago(30)] }, { allowed: true, sendEmail: false }],
    ['the last email 61 s ago', { fromAddress: [], toEmail: [ago(61)] }, { allowed: true, sendEmail: true }],
    ['5 emails today: no sixth', { fromAddress: [], toEmail: times(5, 3600) }, { allowed: true, sendEmail: false }],
  ])('%s', (_label, history, decision) => {
    expect(decideSignUp(history, DEFAULT_SIGN_UP_LIMITS, now)).toEqual(decision);
  });

  it('never waits less than a second', () => {
    const limits = { ...DEFAULT_SIGN_UP_LIMITS, perAddress: { max: 1, windowSeconds: 10 } };
    expect(decideSignUp({ fromAddress: [ago(10)], toEmail: [] }, limits, now)).toEqual({ allowed: false, retryAfterSeconds: 1 });
  });
});

describe('nextSendAttempt', () => {
  it.each([
    [1, 5],
    [2, 10],
    [5, 80],
  ])('after attempt %i waits %i s', (attempts, seconds) => {
    expect(nextSendAttempt(attempts, now)).toEqual(new Date(now.getTime() + seconds * 1000));
  });

  it('gives up after the last attempt', () => {
    expect(nextSendAttempt(SIGN_UP_MAIL_MAX_ATTEMPTS, now)).toBeNull();
  });
});

describe('sign-up emails', () => {
  it('puts the token after #, where no server log or Referer sees it', () => {
    expect(signUpLink('https://clinic.example/sign-up', 'abc')).toBe('https://clinic.example/sign-up#token=abc');
  });

  it('a new address gets the link; a taken one gets none', () => {
    const link = signUpLink('https://clinic.example/sign-up', 'tok123');
    const mail = newAccountEmail({ name: 'Ana', link, token: 'tok123', expiresAt: new Date('2026-12-02T12:00:00Z') });
    expect(mail.text).toContain(link);
    expect(mail.text).toContain('until 2026-12-02 12:00 UTC');
    expect(addressTakenEmail().text).not.toMatch(/token/);
  });
});
