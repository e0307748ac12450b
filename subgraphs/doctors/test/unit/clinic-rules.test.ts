import { describe, expect, it } from 'vitest';
import { phone, timeZone } from '../../src/domain/clinic-rules.ts';

describe('timeZone', () => {
  it.each([
    ['Europe/Berlin', 'Europe/Berlin'],
    ['  America/New_York ', 'America/New_York'],
    ['europe/berlin', 'Europe/Berlin'],
    ['Asia/Kolkata', 'Asia/Kolkata'],
    ['Australia/Sydney', 'Australia/Sydney'],
    ['UTC', 'UTC'],
    ['Etc/GMT+1', 'Etc/GMT+1'],
  ])('accepts %j as %j', (raw, value) => {
    expect(timeZone(raw)).toEqual({ ok: true, value });
  });

  it.each([[''], ['Mars/Olympus_Mons'], ['+01:00'], ['CET+1'], ['Europe/'], ['Berlin Time']])('refuses %j', (raw) => {
    expect(timeZone(raw).ok).toBe(false);
  });
});

describe('phone', () => {
  it.each([
    ['+49 30 1234567', { ok: true, value: '+49 30 1234567' }],
    [' (212) 555-0100 ', { ok: true, value: '(212) 555-0100' }],
    ['', { ok: true, value: null }],
    ['call us', { ok: false, message: 'must be a phone number of 5 to 15 digits, e.g. +49 30 1234567' }],
    ['1234', { ok: false, message: 'must be a phone number of 5 to 15 digits, e.g. +49 30 1234567' }],
    ['+1 234 567 890 123 456', { ok: false, message: 'must be a phone number of 5 to 15 digits, e.g. +49 30 1234567' }],
  ])('%j → %j', (raw, outcome) => {
    expect(phone(raw)).toEqual(outcome);
  });
});
