import { describe, expect, it } from 'vitest';
import { containsPattern, searchWords } from '../../src/domain/search.ts';

describe('searchWords', () => {
  it.each([
    ['jose', { ok: true, value: ['jose'] }],
    ['  José   Müller ', { ok: true, value: ['José', 'Müller'] }],
    ['a a', { ok: true, value: ['a'] }],
    ['', { ok: true, value: [] }],
    ['   ', { ok: true, value: [] }],
    ['a b c d e f g h i', { ok: false, message: 'must have at most 8 words' }],
    ['x'.repeat(201), { ok: false, message: 'must be at most 200 characters' }],
    ['jose\u0000', { ok: false, message: 'must not contain control characters (found U+0000)' }],
    ['jose\nmuller', { ok: false, message: 'must be a single line (no line breaks)' }],
  ])('%j → %j', (search, outcome) => {
    expect(searchWords(search)).toEqual(outcome);
  });
});

describe('containsPattern', () => {
  it.each([
    ['jose', '%jose%'],
    ['50%', '%50\\%%'],
    ['a_b', '%a\\_b%'],
    ['back\\slash', '%back\\\\slash%'],
  ])('%j → %j', (word, pattern) => {
    expect(containsPattern(word)).toBe(pattern);
  });
});
