import { describe, expect, it } from 'vitest';
import { emailProblem, nameProblem, normaliseEmail, passwordProblem } from '../../src/domain/account-rules.ts';

describe('emailProblem', () => {
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
    expect(emailProblem(email)).toBe(problem);
  });

  it('normalises case and surrounding spaces', () => {
    expect(normaliseEmail('  Ana@Example.COM ')).toBe('ana@example.com');
  });
});

describe('passwordProblem', () => {
  it.each([
    ['correct horse', null],
    ['0123456789', null],
    ['short', 'must be at least 10 characters'],
    ['123456789', 'must be at least 10 characters'],
    ['          ', 'must not be only spaces'],
    ['x'.repeat(257), 'must be at most 256 characters'],
  ])('%j → %j', (password, problem) => {
    expect(passwordProblem(password)).toBe(problem);
  });
});

describe('nameProblem', () => {
  it.each([
    ['Ana López', null],
    ['', 'is required'],
    ['  ', 'is required'],
    ['x'.repeat(201), 'must be at most 200 characters'],
    ['Ana\u0000', 'must not contain control characters (found U+0000)'],
    ['Ana\r\nLópez', 'must be a single line (no line breaks)'],
    ['Ana\u0085', 'must not contain control characters (found U+0085)'],
  ])('%j → %j', (name, problem) => {
    expect(nameProblem(name)).toBe(problem);
  });
});
