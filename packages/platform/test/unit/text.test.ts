import { describe, expect, it } from 'vitest';
import { cleanText, TEXT_KINDS, textProblem, type TextKind, type TextOptions } from '../../src/domain/text-rules.ts';
import { checkOptionalText, checkText } from '../../src/text.ts';

describe('cleanText', () => {
  it.each<[string, string, TextKind, TextOptions, ReturnType<typeof cleanText>]>([
    ['a plain name', 'Ana López', 'name', {}, { ok: true, value: 'Ana López' }],
    ['trimmed', '  Ana  ', 'name', {}, { ok: true, value: 'Ana' }],
    ['kept as typed without trim', '  note  ', 'text', { trim: false }, { ok: true, value: '  note  ' }],
    ['empty when not required', '   ', 'name', {}, { ok: true, value: '' }],
    ['required and empty', '   ', 'name', { required: true }, { ok: false, message: 'is required' }],
    ['required and only spaces without trim', '   ', 'text', { required: true, trim: false }, { ok: false, message: 'is required' }],
    ['NUL in a name', 'Ana\u0000', 'name', {}, { ok: false, message: 'must not contain control characters (found U+0000)' }],
    ['NUL in long text', 'line\u0000', 'text', {}, { ok: false, message: 'must not contain control characters (found U+0000)' }],
    ['ESC in a reason', 'x\u001b[31m', 'reason', {}, { ok: false, message: 'must not contain control characters (found U+001B)' }],
    ['DEL', 'a\u007fb', 'name', {}, { ok: false, message: 'must not contain control characters (found U+007F)' }],
    ['C1 (NEL)', 'a\u0085b', 'text', {}, { ok: false, message: 'must not contain control characters (found U+0085)' }],
    ['a tab in a single-line kind', 'a\tb', 'search', {}, { ok: false, message: 'must not contain control characters (found U+0009)' }],
    ['a tab in multi-line text', 'a\tb', 'text', {}, { ok: true, value: 'a\tb' }],
    ['LF in a name', 'Ana\nBcc: x@example.com', 'name', {}, { ok: false, message: 'must be a single line (no line breaks)' }],
    ['CR in an email', 'a@b.c\rx', 'email', {}, { ok: false, message: 'must be a single line (no line breaks)' }],
    ['U+2028 in a name', 'a\u2028b', 'name', {}, { ok: false, message: 'must be a single line (no line breaks)' }],
    ['line breaks in multi-line text', 'a\r\nb\rc\nd', 'reason', {}, { ok: true, value: 'a\nb\nc\nd' }],
    ['surrounding line breaks trimmed away', '\r\nAna\n', 'name', {}, { ok: true, value: 'Ana' }],
    ['at the kind maximum', 'x'.repeat(200), 'name', {}, { ok: true, value: 'x'.repeat(200) }],
    ['over the kind maximum', 'x'.repeat(201), 'name', {}, { ok: false, message: 'must be at most 200 characters' }],
    ['over a stricter field maximum', 'x'.repeat(51), 'name', { maxLength: 50 }, { ok: false, message: 'must be at most 50 characters' }],
    ['a larger field maximum is ignored', 'x'.repeat(201), 'name', { maxLength: 1000 }, { ok: false, message: 'must be at most 200 characters' }],
    ['length judged after trimming', ` ${'x'.repeat(200)} `, 'name', {}, { ok: true, value: 'x'.repeat(200) }],
    ['length before control characters', `\u0000${'x'.repeat(2000)}`, 'reason', {}, { ok: false, message: 'must be at most 2000 characters' }],
    ['emoji and accents are text', 'Zoë 🩺 Müller', 'name', {}, { ok: true, value: 'Zoë 🩺 Müller' }],
  ])('%s', (_label, raw, kind, options, outcome) => {
    expect(cleanText(raw, kind, options)).toEqual(outcome);
  });

  it('documents a maximum for every kind, multi-line only for prose', () => {
    expect(Object.fromEntries(Object.entries(TEXT_KINDS).map(([kind, rule]) => [kind, [rule.maxLength, rule.multiline]]))).toEqual({
      name: [200, false],
      email: [254, false],
      phone: [30, false],
      search: [200, false],
      code: [200, false],
      reason: [2000, true],
      text: [5000, true],
    });
  });
});

describe('textProblem', () => {
  it.each<[string | null | undefined, TextOptions, string | null]>([
    [null, {}, null],
    [undefined, {}, null],
    [null, { required: true }, 'is required'],
    ['fine', {}, null],
    ['a\u0000', {}, 'must not contain control characters (found U+0000)'],
  ])('%j %j → %j', (raw, options, problem) => {
    expect(textProblem(raw, 'name', options)).toBe(problem);
  });
});

describe('checkText and checkOptionalText', () => {
  it('return the stored form', () => {
    expect(checkText('input.name', ' Ana ', 'name')).toBe('Ana');
    expect(checkOptionalText('input.reason', ' a\r\nb ', 'reason')).toBe('a\nb');
    expect(checkOptionalText('input.reason', '  ', 'reason')).toBeNull();
    expect(checkOptionalText('input.reason', null, 'reason')).toBeNull();
  });

  it('throw BAD_USER_INPUT naming the field and the rule', () => {
    for (const run of [() => checkText('input.name', 'a\u0000', 'name'), () => checkOptionalText('input.name', 'a\u0000', 'name')]) {
      expect(run).toThrow(
        expect.objectContaining({
          message: 'input.name: must not contain control characters (found U+0000)',
          extensions: { code: 'BAD_USER_INPUT', field: 'input.name' },
        }),
      );
    }
    expect(() => checkText('input.name', ' ', 'name')).toThrow('input.name: is required');
  });
});
