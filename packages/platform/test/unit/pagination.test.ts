import { describe, expect, it } from 'vitest';
import { decodeCursor, encodeCursor } from '../../src/pagination.ts';

describe('decodeCursor', () => {
  it('reads back what encodeCursor wrote', () => {
    expect(decodeCursor(encodeCursor(['Ana López', 'a-b', 3]))).toEqual(['Ana López', 'a-b', 3]);
  });

  it.each([
    ['not base64 JSON', 'nonsense!'],
    ['an empty key', encodeCursor([])],
    ['a key with a NUL, which Postgres would refuse', encodeCursor(['Ana\u0000'])],
  ])('refuses %s as bad input', (_label, cursor) => {
    expect(() => decodeCursor(cursor)).toThrow(expect.objectContaining({ extensions: { code: 'BAD_USER_INPUT', field: 'after' } }));
  });
});
