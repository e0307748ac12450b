import { describe, expect, it } from 'vitest';
import { checkInput, fail, ok, optionalText, outcomeProblems, requiredText, textList, withRequired } from '../../src/domain/validation.ts';

describe('requiredText', () => {
  it.each([
    ['  Ana   López ', { ok: true, value: 'Ana López' }],
    ['', { ok: false, message: 'is required' }],
    ['   ', { ok: false, message: 'is required' }],
    ['x'.repeat(11), { ok: false, message: 'must be at most 10 characters' }],
    ['Ana\u0000', { ok: false, message: 'must not contain control characters (found U+0000)' }],
    ['Ana\nLópez', { ok: false, message: 'must be a single line (no line breaks)' }],
  ])('%j → %j', (raw, outcome) => {
    expect(requiredText(10)(raw)).toEqual(outcome);
  });
});

describe('optionalText', () => {
  it.each([
    [' Bio ', { ok: true, value: 'Bio' }],
    ['', { ok: true, value: null }],
    ['   ', { ok: true, value: null }],
    ['x'.repeat(6), { ok: false, message: 'must be at most 5 characters' }],
    ['a\r\nb', { ok: true, value: 'a\nb' }],
    ['a\u0000', { ok: false, message: 'must not contain control characters (found U+0000)' }],
  ])('%j → %j', (raw, outcome) => {
    expect(optionalText(5)(raw)).toEqual(outcome);
  });

  it('a multi-line kind kept on one line', () => {
    expect(requiredText(50, 'text')(' 1 Main St\r\n10115  Berlin ')).toEqual({ ok: true, value: '1 Main St 10115 Berlin' });
  });
});

describe('textList', () => {
  const rule = textList({ maxItems: 3, maxLength: 10, atLeastOne: true });
  it.each([
    [['Cardiology'], { ok: true, value: ['Cardiology'] }],
    [[' a ', 'A', 'b', ' ', 'a'], { ok: true, value: ['a', 'b'] }],
    [['Médico', 'MÉDICO'], { ok: true, value: ['Médico'] }],
    [[], { ok: false, message: 'needs at least one entry' }],
    [['', '  '], { ok: false, message: 'needs at least one entry' }],
    [['a', 'b', 'c', 'd'], { ok: false, message: 'must have at most 3 entries' }],
    [['x'.repeat(11)], { ok: false, message: 'each entry must be at most 10 characters' }],
    [['ok', 'a\u0000'], { ok: false, message: 'each entry must not contain control characters (found U+0000)' }],
    [['a\nb'], { ok: false, message: 'each entry must be a single line (no line breaks)' }],
  ])('%j → %j', (raw, outcome) => {
    expect(rule(raw)).toEqual(outcome);
  });

  it('may be empty when not required', () => {
    expect(textList({ maxItems: 3, maxLength: 10 })([])).toEqual({ ok: true, value: [] });
  });
});

describe('checkInput', () => {
  const rules = { name: requiredText(10), bio: optionalText(10), tags: textList({ maxItems: 2, maxLength: 5 }) };

  it.each([
    [{ name: ' Ana ' }, { value: { name: 'Ana' }, problems: [] }],
    [
      { name: null, bio: '' },
      { value: { bio: null }, problems: [] },
    ],
    [{}, { value: {}, problems: [] }],
    [{ name: '' }, { value: {}, problems: [{ field: 'name', message: 'is required' }] }],
    [
      { name: 'Ana', tags: ['a', 'b', 'c'] },
      { value: { name: 'Ana' }, problems: [{ field: 'tags', message: 'must have at most 2 entries' }] },
    ],
    [
      { name: '', bio: 'x'.repeat(11) },
      {
        value: {},
        problems: [
          { field: 'name', message: 'is required' },
          { field: 'bio', message: 'must be at most 10 characters' },
        ],
      },
    ],
  ])('%j → %j', (input, checked) => {
    expect(checkInput(input, rules)).toEqual(checked);
  });

  it('names a sub-field when the rule points at one', () => {
    const money = { price: (p: { cents: number }) => (p.cents < 0 ? { ok: false as const, message: 'negative', at: 'cents' } : ok(p.cents)) };
    expect(checkInput({ price: { cents: -1 } }, money).problems).toEqual([{ field: 'price.cents', message: 'negative' }]);
  });
});

describe('outcomeProblems', () => {
  it.each([
    ['price', ok(1), []],
    ['price', fail('must be zero or more'), [{ field: 'price', message: 'must be zero or more' }]],
    ['price', fail('not a currency', 'currency'), [{ field: 'price.currency', message: 'not a currency' }]],
  ])('%s %j → %j', (field, outcome, problems) => {
    expect(outcomeProblems(field, outcome)).toEqual(problems);
  });
});

describe('withRequired', () => {
  it('passes complete values and refuses a missing one', () => {
    expect(withRequired({ a: 1, b: null as number | null }, ['a'])).toEqual({ a: 1, b: null });
    expect(() => withRequired({ a: undefined as number | undefined }, ['a'])).toThrow(/a is missing/);
  });
});
