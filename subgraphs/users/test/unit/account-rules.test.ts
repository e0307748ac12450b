import { describe, expect, it } from 'vitest';
import { accountProblems, emailProblems, normaliseEmail } from '../../src/domain/account-rules.ts';

const valid = { email: 'ana@example.com', password: 'correct horse', name: 'Ana López' };
const problemsOf = (field: string, message: string | null) => (message === null ? [] : [{ field, message }]);

describe('account email', () => {
  it.each([
    ['ana@example.com', null],
    ['  Ana.Lopez+x@Example.CO.uk ', null],
    ['', 'is required'],
    ['   ', 'is required'],
    ['ana', 'must be an email address like name@example.com'],
    ['ana@example', 'must be an email address like name@example.com'],
    ['ana @example.com', 'must be an email address like name@example.com'],
    ['a@b@example.com', 'must be an email address like name@example.com'],
    [`${'a'.repeat(250)}@example.com`, 'must be at most 254 characters'],
    ['ana\u0000@example.com', 'must not contain control characters (found U+0000)'],
    ['ana@example.com\nBcc: x@example.com', 'must be a single line (no line breaks)'],
  ])('%j → %j', (email, problem) => {
    expect(accountProblems({ ...valid, email })).toEqual(problemsOf('email', problem));
    expect(emailProblems(email)).toEqual(problemsOf('email', problem));
  });

  it('normalises case and surrounding spaces', () => {
    expect(normaliseEmail('  Ana@Example.COM ')).toBe('ana@example.com');
  });
});

describe('account password', () => {
  it.each([
    ['correct horse', null],
    ['0123456789', null],
    ['short', 'must be at least 10 characters'],
    ['123456789', 'must be at least 10 characters'],
    ['          ', 'must not be only spaces'],
    ['x'.repeat(257), 'must be at most 256 characters'],
  ])('%j → %j', (password, problem) => {
    expect(accountProblems({ ...valid, password })).toEqual(problemsOf('password', problem));
  });
});

describe('account name', () => {
  it.each([
    ['Ana López', null],
    ['', 'is required'],
    ['  ', 'is required'],
    ['x'.repeat(201), 'must be at most 200 characters'],
    ['Ana\u0000', 'must not contain control characters (found U+0000)'],
    ['Ana\r\nLópez', 'must be a single line (no line breaks)'],
    ['Ana\u0085', 'must not contain control characters (found U+0085)'],
  ])('%j → %j', (name, problem) => {
    expect(accountProblems({ ...valid, name })).toEqual(problemsOf('name', problem));
  });
});

describe('accountProblems', () => {
  it('lists every bad field, email first, relative to the input', () => {
    expect(accountProblems({ email: 'ana', password: 'short', name: '' })).toEqual([
      { field: 'email', message: 'must be an email address like name@example.com' },
      { field: 'password', message: 'must be at least 10 characters' },
      { field: 'name', message: 'is required' },
    ]);
  });
});
