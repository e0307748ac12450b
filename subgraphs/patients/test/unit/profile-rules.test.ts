import { describe, expect, it } from 'vitest';
import { dateProblem, emailProblem, periodProblem, phoneProblem, requiredText } from '../../src/domain/profile-rules.ts';

describe('profile rules', () => {
  it.each([
    ['1980-04-23', {}, null],
    ['2026-02-30', {}, 'is not a real calendar date'],
    ['23.04.1980', {}, 'must be a date like 1980-04-23'],
    ['1850-01-01', {}, 'must be after 1900'],
    ['2030-01-01', { notFuture: true, today: '2026-11-22' }, 'must not be in the future'],
    ['2026-11-22', { notFuture: true, today: '2026-11-22' }, null],
  ])('date %s %j → %s', (value, options, problem) => {
    expect(dateProblem(value, options)).toBe(problem);
  });

  it.each([
    ['+49 30 1234567', null],
    ['(555) 010-9999', null],
    ['call me', 'must be a phone number like +49 30 1234567'],
    ['', null],
  ])('phone %j → %s', (value, problem) => expect(phoneProblem(value)).toBe(problem));

  it('checks emails, names and periods', () => {
    expect(emailProblem('x@y.z')).toBeNull();
    expect(emailProblem('nope')).toMatch(/email/);
    expect(requiredText('  ', 10)).toBe('is required');
    expect(requiredText('abcdefghijk', 10)).toBe('must be at most 10 characters');
    expect(requiredText('Pat\u0000', 10)).toBe('must not contain control characters (found U+0000)');
    expect(requiredText('Pat\nIent', 10)).toBe('must be a single line (no line breaks)');
    expect(requiredText('a\r\nb', 10, 'text', { trim: false })).toBeNull();
    expect(requiredText('  ', 10, 'text', { trim: false })).toBe('is required');
    expect(emailProblem('x\u0000@y.z')).toBe('must not contain control characters (found U+0000)');
    expect(phoneProblem('+49 30\u0000')).toBe('must not contain control characters (found U+0000)');
    expect(periodProblem('2026-01-02', '2026-01-01')).toBe('must not be before since');
    expect(periodProblem('2026-01-01', null)).toBeNull();
  });
});
